import { Module } from '@nestjs/common';
import { ContactRepository } from '../directory/contact.repository.js';
import { RotationRepository } from '../directory/rotation.repository.js';
import { TeamRepository } from '../directory/team.repository.js';
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
  imports: [EnterpriseModule],
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
    // The directory's repositories are stateless over the shared Db and request context.
    ContactRepository,
    TeamRepository,
    RotationRepository,
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
