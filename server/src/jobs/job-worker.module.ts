import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobReconciler } from './job-reconciler.js';
import { JobWorker } from './job-worker.service.js';
import { JobsModule } from './jobs.module.js';

/** Only the worker process imports this: it consumes the queues. */
@Module({ imports: [DiscoveryModule, JobsModule], providers: [JobWorker, JobReconciler] })
export class JobWorkerModule {}
