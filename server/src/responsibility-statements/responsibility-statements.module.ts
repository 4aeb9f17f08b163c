import { Module } from '@nestjs/common';
import { MeasuresModule } from '../measures/measures.module.js';
import { StatementMeasures } from './statement-measures.js';

import { DirectoryModule } from '../directory/directory.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { FileModule } from '../files/file.module.js';
import { NotificationModule } from '../notifications/notification.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { DutyRecordService } from './duty-record.service.js';
import {
  DutyRecordRepository,
  PostRepository,
  StatementRepository,
} from './responsibility-statements.repository.js';
import { StatementReminders } from './statement-reminders.js';
import { StatementService } from './statement.service.js';

/**
 * Duty by post and person: the posts of the enterprises' responsibility lists (kept in step with
 * the lists through the plans' hook), their holders, the statements they sign and the duties they
 * record. Unsigned statements are a source of the reminder scheduler; the assessment reads the
 * signed rate through `StatementService.signedRateByEnterprise`.
 */
@Module({
  imports: [
    MeasuresModule,
    DirectoryModule,
    EnterpriseModule,
    FileModule,
    NotificationModule,
    PlansModule,
    RemindersModule,
  ],
  providers: [
    StatementMeasures,
    PostRepository,
    StatementRepository,
    DutyRecordRepository,
    StatementService,
    DutyRecordService,
    StatementReminders,
  ],
  exports: [StatementService, DutyRecordService, StatementRepository],
})
export class ResponsibilityStatementsModule {}
