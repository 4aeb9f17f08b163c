import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { FileModule } from '../files/file.module.js';
import { InstallationsModule } from '../installations/installations.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { EscalationPolicyRepository } from './escalation-policy.repository.js';
import { EscalationPolicyService } from './escalation-policy.service.js';
import { DisposalCardService } from './disposal-card.service.js';
import { PlanAccess } from './plan-access.js';
import { PlanLevelService } from './plan-level.service.js';
import { PlanReminders } from './plan-reminders.js';
import { PlanVersionService } from './plan-version.service.js';
import { PlanRepository } from './plan.repository.js';
import { PlanService } from './plan.service.js';
import { PlanViews } from './plan.view.js';
import { ResponsibilityHooks } from './responsibility-hooks.js';
import { ResponsibilityService } from './responsibility.service.js';

@Module({
  imports: [EnterpriseModule, DirectoryModule, RemindersModule, FileModule, InstallationsModule],
  providers: [
    PlanService,
    PlanVersionService,
    PlanLevelService,
    DisposalCardService,
    PlanAccess,
    PlanViews,
    PlanRepository,
    EscalationPolicyService,
    EscalationPolicyRepository,
    ResponsibilityService,
    ResponsibilityHooks,
    PlanReminders,
  ],
  exports: [
    PlanService,
    PlanVersionService,
    PlanLevelService,
    DisposalCardService,
    PlanRepository,
    EscalationPolicyService,
    EscalationPolicyRepository,
    ResponsibilityService,
    ResponsibilityHooks,
  ],
})
export class PlansModule {}
