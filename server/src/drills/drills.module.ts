import { DrillPlanRepository } from './drill-plan.repository.js';
import { DrillPlanService } from './drill-plan.service.js';
import { FileModule } from '../files/file.module.js';
import { Module } from '@nestjs/common';
import { CalloutsModule } from '../callouts/callouts.module.js';
import { ClockModule } from '../common/clock.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { InstallationsModule } from '../installations/installations.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { RoomWorkModule } from '../rooms/room-work.module.js';
import { ComplianceService } from './compliance.service.js';
import { DrillDutyReminders, ImprovementReminders } from './drill-reminders.js';
import { DrillRosterLookup } from './drill-roster.js';
import { DrillRunRepository } from './drill-run.repository.js';
import { DrillRunService } from './drill-run.service.js';
import { DrillRunViews } from './drill-run.view.js';
import { DrillJobs } from './drill.jobs.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { EvaluationService } from './evaluation.service.js';
import { ImprovementRepository } from './improvement.repository.js';
import { ImprovementService } from './improvement.service.js';
import { InjectEffects } from './inject-effects.js';
import { DrillMetricsService } from './metrics.service.js';
import { RealIncidentAlerts } from './real-incident-alerts.js';
import { DrillReportService } from './report.service.js';
import { ScenarioRepository } from './scenario.repository.js';
import { ScenarioService } from './scenario.service.js';

/**
 * Drills: scenarios, runs and their clock, measurement, evaluation and compliance. The server
 * serves the routes; the worker (which imports this module too) runs the inject jobs.
 */
@Module({
  imports: [
    ClockModule,
    EnterpriseModule,
    DirectoryModule,
    PlansModule,
    IncidentModule,
    InstallationsModule,
    RoomWorkModule,
    CalloutsModule,
    JobsModule,
    RemindersModule,
    FileModule,
  ],
  providers: [
    ScenarioRepository,
    ScenarioService,
    DrillRunRepository,
    DrillPlanRepository,
    DrillPlanService,
    DrillRunService,
    DrillRunViews,
    DrillRosterLookup,
    InjectEffects,
    DrillMetricsService,
    DrillJobs,
    RealIncidentAlerts,
    EvaluationRepository,
    EvaluationService,
    ImprovementRepository,
    ImprovementService,
    DrillReportService,
    ComplianceService,
    DrillDutyReminders,
    ImprovementReminders,
  ],
  exports: [
    DrillRunService,
    DrillMetricsService,
    ScenarioService,
    EvaluationService,
    ImprovementService,
    DrillReportService,
    ComplianceService,
    DrillPlanService,
  ],
})
export class DrillsModule {}
