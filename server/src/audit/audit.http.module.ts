import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditModule } from './audit.module.js';

/** The HTTP front of AuditModule: its routes, on the core module. */
@Module({ imports: [AuditModule], controllers: [AuditController] })
export class AuditHttpModule {}
