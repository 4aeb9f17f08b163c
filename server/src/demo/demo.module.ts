import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { DrillsModule } from '../drills/drills.module.js';
import { DutyModule } from '../duty/duty.module.js';
import { EnforcementModule } from '../enforcement/enforcement.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { HazardCoreModule, HazardModule } from '../hazards/hazard.module.js';
import { InspectionModule } from '../inspections/inspection.module.js';
import { InstallationsModule } from '../installations/installations.module.js';
import { MonitoringModule } from '../monitoring/monitoring.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { PortalArticlesModule } from '../portal/portal-articles.module.js';
import { ReminderSchedulerModule } from '../reminders/reminders.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { RisksModule } from '../risks/risks.module.js';
import { SafetyFundsModule } from '../safety-funds/safety-funds.module.js';
import { SensitiveTargetsModule } from '../sensitive-targets/sensitive-targets.module.js';
import { CultureModule } from '../culture/culture.module.js';
import { FileModule } from '../files/file.module.js';
import { CultureDemoSeeder } from './culture-demo.js';
import { WorkPlansModule } from '../work-plans/work-plans.module.js';
import { AccountabilityModule } from '../accountability/accountability.module.js';
import { ClockModule } from '../common/clock.js';
import { SpotChecksModule } from '../spot-checks/spot-checks.module.js';
import { DemoSeedService } from './demo-seed.service.js';
import { SupervisionDemoSeeder } from './supervision-demo.js';
import { DirectoryDemoSeeder } from './directory-demo.js';
import { DrillsDemoSeeder } from './drills-demo.js';
import { DutyDemoSeeder } from './duty-demo.js';
import { EnforcementDemoSeeder } from './enforcement-demo.js';
import { HazardsDemoSeeder } from './hazards-demo.js';
import { InstallationsDemoSeeder } from './installations-demo.js';
import { OrganisationDemoSeeder } from './organisation-demo.js';
import { PlansDemoSeeder } from './plans-demo.js';
import { PortalDemoSeeder } from './portal-demo.js';
import { ResourcesDemoSeeder } from './resources-demo.js';
import { RisksDemoSeeder } from './risks-demo.js';
import { SafetyFundsDemoSeeder } from './safety-funds-demo.js';
import { SensitiveTargetsDemoSeeder } from './sensitive-targets-demo.js';
import { WorkPlansDemoSeeder } from './work-plans-demo.js';
import { ResponsibilityStatementsDemoSeeder } from './responsibility-statements-demo.js';
import { ResponsibilityStatementsModule } from '../responsibility-statements/responsibility-statements.module.js';

@Module({
  imports: [
    EnterpriseModule,
    EnforcementModule,
    DirectoryModule,
    ResourcesModule,
    PlansModule,
    HazardModule,
    HazardCoreModule,
    InspectionModule,
    DrillsModule,
    DutyModule,
    RisksModule,
    ReminderSchedulerModule,
    SensitiveTargetsModule,
    InstallationsModule,
    MonitoringModule,
    SafetyFundsModule,
    CultureModule,
    FileModule,
    PortalArticlesModule,
    WorkPlansModule,
    SpotChecksModule,
    AccountabilityModule,
    ClockModule,
    OrganisationModule,
    ResponsibilityStatementsModule,
  ],
  providers: [
    DemoSeedService,
    DirectoryDemoSeeder,
    ResourcesDemoSeeder,
    PlansDemoSeeder,
    HazardsDemoSeeder,
    DrillsDemoSeeder,
    DutyDemoSeeder,
    RisksDemoSeeder,
    SensitiveTargetsDemoSeeder,
    InstallationsDemoSeeder,
    SafetyFundsDemoSeeder,
    CultureDemoSeeder,
    PortalDemoSeeder,
    WorkPlansDemoSeeder,
    EnforcementDemoSeeder,
    SupervisionDemoSeeder,
    OrganisationDemoSeeder,
    ResponsibilityStatementsDemoSeeder,
  ],
  exports: [DemoSeedService],
})
export class DemoModule {}
