import { Module } from '@nestjs/common';
import { IncidentController } from './incident.controller.js';
import { IncidentModule } from './incident.module.js';

/** The HTTP front of IncidentModule: its routes, on the core module. */
@Module({ imports: [IncidentModule], controllers: [IncidentController] })
export class IncidentHttpModule {}
