import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { CalloutsModule } from '../callouts/callouts.module.js';
import { ClockModule } from '../common/clock.js';
import { DrillsModule } from '../drills/drills.module.js';
import { HazardModule } from '../hazards/hazard.module.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { MonitoringModule } from '../monitoring/monitoring.module.js';
import { RisksModule } from '../risks/risks.module.js';
import { CockpitService } from './cockpit.service.js';

/** The leaders' dashboard: reads only, from the domains that own each figure. */
@Module({
  imports: [
    ClockModule,
    IncidentModule,
    HazardModule,
    RisksModule,
    DrillsModule,
    MonitoringModule,
    CalloutsModule,
    AssessmentsModule,
  ],
  providers: [CockpitService],
  exports: [CockpitService],
})
export class CockpitModule {}
