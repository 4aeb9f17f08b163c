import { Module } from '@nestjs/common';
import { NotificationModule } from '../notifications/notification.module.js';
import { ReminderLedger } from './reminder-ledger.js';
import { ReminderScheduler } from './reminder-scheduler.js';
import { ReminderJobs } from './reminder.jobs.js';
import { ReminderSources } from './reminder-sources.js';

/** The registry domains give their deadlines to (one instance, however many modules import it). */
@Module({
  providers: [ReminderSources],
  exports: [ReminderSources],
})
export class RemindersModule {}

/** The one reminder scheduler (the demo seed uses it to waive what back-dated records owe). */
@Module({
  imports: [RemindersModule, NotificationModule],
  providers: [ReminderLedger, ReminderScheduler],
  exports: [ReminderScheduler],
})
export class ReminderSchedulerModule {}

/** The worker's part: the scan job. */
@Module({ imports: [ReminderSchedulerModule], providers: [ReminderJobs] })
export class ReminderJobsModule {}
