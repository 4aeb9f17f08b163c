import { Module } from '@nestjs/common';
import { coreImports } from '@muster/server/app.module.js';
import { AuditModule } from '@muster/server/audit/audit.module.js';
import { CalloutsModule } from '@muster/server/callouts/callouts.module.js';
import { DrillsModule } from '@muster/server/drills/drills.module.js';
import { HazardJobsModule } from '@muster/server/hazards/hazard.module.js';
import { JobWorkerModule } from '@muster/server/jobs/job-worker.module.js';
import { RoomLogModule } from '@muster/server/rooms/room-log.module.js';

/**
 * The worker boots the same domain core as the server (config, database, Redis, audit) with no
 * HTTP server; queue processors are registered here as the domains that need them land.
 */
@Module({
  imports: [
    ...coreImports(),
    AuditModule,
    RoomLogModule,
    HazardJobsModule,
    CalloutsModule,
    DrillsModule,
    JobWorkerModule,
  ],
})
export class WorkerModule {}
