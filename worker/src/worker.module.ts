import { Module } from '@nestjs/common';
import { coreImports } from '@muster/server/app.module.js';
import { AuditModule } from '@muster/server/audit/audit.module.js';

/**
 * The worker boots the same domain core as the server (config, database, Redis, audit) with no
 * HTTP server; queue processors are registered here as the domains that need them land.
 */
@Module({ imports: [...coreImports(), AuditModule] })
export class WorkerModule {}
