import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { DrillsModule } from '../drills/drills.module.js';
import { DutyModule } from '../duty/duty.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { HazardCoreModule, HazardModule } from '../hazards/hazard.module.js';
import { InspectionModule } from '../inspections/inspection.module.js';
import { InstallationsModule } from '../installations/installations.module.js';
import { MonitoringModule } from '../monitoring/monitoring.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ReminderSchedulerModule } from '../reminders/reminders.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { RisksModule } from '../risks/risks.module.js';
import { SensitiveTargetsModule } from '../sensitive-targets/sensitive-targets.module.js';
import { DemoSeedService } from './demo-seed.service.js';
import { DirectoryDemoSeeder } from './directory-demo.js';
import { DrillsDemoSeeder } from './drills-demo.js';
import { DutyDemoSeeder } from './duty-demo.js';
import { HazardsDemoSeeder } from './hazards-demo.js';
import { InstallationsDemoSeeder } from './installations-demo.js';
import { PlansDemoSeeder } from './plans-demo.js';
import { ResourcesDemoSeeder } from './resources-demo.js';
import { RisksDemoSeeder } from './risks-demo.js';
import { SensitiveTargetsDemoSeeder } from './sensitive-targets-demo.js';
import { ResponsibilityStatementsDemoSeeder } from './responsibility-statements-demo.js';
import { ResponsibilityStatementsModule } from '../responsibility-statements/responsibility-statements.module.js';

@Module({
  imports: [
    EnterpriseModule,
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
    ResponsibilityStatementsDemoSeeder,
  ],
  exports: [DemoSeedService],
})
export class DemoModule {}
