import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { EscalationPolicyController } from './escalation-policy.controller.js';
import { EscalationPolicyRepository } from './escalation-policy.repository.js';
import { EscalationPolicyService } from './escalation-policy.service.js';
import {
  DisposalCardController,
  PlanController,
  PlanLevelController,
  PlanVersionController,
} from './plan.controller.js';
import { PlanRepository } from './plan.repository.js';
import { PlanService } from './plan.service.js';
import { ResponsibilityController } from './responsibility.controller.js';
import { ResponsibilityService } from './responsibility.service.js';

@Module({
  imports: [EnterpriseModule, DirectoryModule],
  controllers: [
    PlanController,
    PlanVersionController,
    PlanLevelController,
    DisposalCardController,
    EscalationPolicyController,
    ResponsibilityController,
  ],
  providers: [
    PlanService,
    PlanRepository,
    EscalationPolicyService,
    EscalationPolicyRepository,
    ResponsibilityService,
  ],
  exports: [
    PlanService,
    PlanRepository,
    EscalationPolicyService,
    EscalationPolicyRepository,
    ResponsibilityService,
  ],
})
export class PlansModule {}
