import { DrillPlanController } from './drill-plan.controller.js';
import { Module } from '@nestjs/common';
import { ComplianceController } from './compliance.controller.js';
import { DrillRunController } from './drill-run.controller.js';
import { EvaluationController } from './evaluation.controller.js';
import { ImprovementController } from './improvement.controller.js';
import { DrillReportController } from './report.controller.js';
import { ScenarioController } from './scenario.controller.js';
import { DrillsModule } from './drills.module.js';

/** The HTTP front of DrillsModule: its routes, on the core module. */
@Module({
  imports: [DrillsModule],
  controllers: [
    ScenarioController,
    DrillRunController,
    EvaluationController,
    ImprovementController,
    DrillReportController,
    ComplianceController,
    DrillPlanController,
  ],
})
export class DrillsHttpModule {}
