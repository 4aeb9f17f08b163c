import { Module } from '@nestjs/common';
import { HazardController } from './hazard.controller.js';
import { HazardModule } from './hazard.module.js';

/** The HTTP front of the hazard ledger: its routes, on the core module. */
@Module({ imports: [HazardModule], controllers: [HazardController] })
export class HazardHttpModule {}
