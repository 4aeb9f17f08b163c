import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { DrillsModule } from '../drills/drills.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { FileModule } from '../files/file.module.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { TrainingMeasures } from './training-measures.js';
import { TrainingReminders } from './training-reminders.js';
import {
  TrainingAttendanceRepository,
  TrainingProfileRepository,
  TrainingSessionRepository,
} from './training.repository.js';
import { TrainingService } from './training.service.js';

/**
 * Training sessions, attendance and each person's yearly hours against Order 3. Who is still short
 * before the year ends is a source of the reminder scheduler.
 */
@Module({
  imports: [DirectoryModule, DrillsModule, EnterpriseModule, FileModule, MeasuresModule, RemindersModule],
  providers: [
    TrainingSessionRepository,
    TrainingAttendanceRepository,
    TrainingProfileRepository,
    TrainingService,
    TrainingReminders,
    TrainingMeasures,
  ],
  exports: [TrainingService],
})
export class TrainingModule {}
