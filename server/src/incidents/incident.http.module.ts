import { Module } from '@nestjs/common';
import { IncidentController } from './incident.controller.js';
import { IncidentModule } from './incident.module.js';
import { ReportingChainController } from './reporting-chain.controller.js';

/** The HTTP front of IncidentModule: its routes, on the core module. */
@Module({ imports: [IncidentModule], controllers: [IncidentController, ReportingChainController] })
export class IncidentHttpModule {}
