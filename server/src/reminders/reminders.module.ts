import { Module } from '@nestjs/common';
import { ReminderSources } from './reminder-sources.js';

/** The one reminder scheduler and the registry domains give their deadlines to. */
@Module({
  providers: [ReminderSources],
  exports: [ReminderSources],
})
export class RemindersModule {}
