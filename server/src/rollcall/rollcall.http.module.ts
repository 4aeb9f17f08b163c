import { Module } from '@nestjs/common';
import {
  IncidentRollCallsController,
  RollCallController,
  RollCallLinkController,
} from './rollcall.controller.js';
import { RollCallModule } from './rollcall.module.js';

/** The HTTP front of RollCallModule: its routes, on the core module. */
@Module({
  imports: [RollCallModule],
  controllers: [IncidentRollCallsController, RollCallController, RollCallLinkController],
})
export class RollCallHttpModule {}
