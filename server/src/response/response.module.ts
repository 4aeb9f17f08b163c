import { Module } from '@nestjs/common';
import { CalloutsModule } from '../callouts/callouts.module.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { RoomsModule } from '../rooms/rooms.module.js';
import { LevelActivationService } from './level-activation.service.js';

/** Where plans meet incidents: suggesting a plan and level, and activating it. */
@Module({
  imports: [IncidentModule, RoomsModule, PlansModule, CalloutsModule],
  providers: [LevelActivationService],
  exports: [LevelActivationService],
})
export class ResponseModule {}
