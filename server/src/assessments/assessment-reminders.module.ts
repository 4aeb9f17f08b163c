import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module.js';
import { ObjectionReminders } from './objection-reminders.js';

/** Unanswered objections, reminded by the worker's scheduler as by the server's. */
@Module({ imports: [RemindersModule], providers: [ObjectionReminders] })
export class AssessmentRemindersModule {}
