import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { EscalationPolicyRepository } from './escalation-policy.repository.js';
import { EscalationPolicyService } from './escalation-policy.service.js';
import { PlanRepository } from './plan.repository.js';
import { PlanService } from './plan.service.js';
import { ResponsibilityService } from './responsibility.service.js';

@Module({
  imports: [EnterpriseModule, DirectoryModule],
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
