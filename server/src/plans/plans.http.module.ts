import { Module } from '@nestjs/common';
import { EscalationPolicyController } from './escalation-policy.controller.js';
import {
  DisposalCardController,
  PlanController,
  PlanLevelController,
  PlanVersionController,
} from './plan.controller.js';
import { ResponsibilityController } from './responsibility.controller.js';
import { PlansModule } from './plans.module.js';

/** The HTTP front of PlansModule: its routes, on the core module. */
@Module({
  imports: [PlansModule],
  controllers: [
    PlanController,
    PlanVersionController,
    PlanLevelController,
    DisposalCardController,
    EscalationPolicyController,
    ResponsibilityController,
  ],
})
export class PlansHttpModule {}
