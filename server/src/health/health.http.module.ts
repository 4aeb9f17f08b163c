import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { HealthController } from './health.controller.js';

/** Health checks for load balancers and operators: the services, and the background jobs. */
@Module({ imports: [JobsModule], controllers: [HealthController] })
export class HealthHttpModule {}
