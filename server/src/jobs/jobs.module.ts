import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JobQueue } from './job-queue.service.js';
import { Outbox } from './outbox.js';
import { QueueName } from './job.types.js';
import { bullConnection } from './redis-connection.js';

/**
 * Queues and the outbox for producers (server or worker): connection from REDIS_URL, keys under
 * REDIS_PREFIX.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: bullConnection(config.REDIS_URL),
        prefix: config.REDIS_PREFIX,
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  providers: [JobQueue, Outbox],
  exports: [JobQueue, Outbox],
})
export class JobsModule {}
