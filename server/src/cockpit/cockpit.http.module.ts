import { Module } from '@nestjs/common';
import { CockpitController } from './cockpit.controller.js';
import { CockpitModule } from './cockpit.module.js';

@Module({ imports: [CockpitModule], controllers: [CockpitController] })
export class CockpitHttpModule {}
