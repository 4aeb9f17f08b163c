import { Injectable } from '@nestjs/common';
import type { DrillReport, RecordLanguage } from '@muster/contracts';
import { Db } from '../database/db.js';
import { RoomLog } from '../room-log/room-log.js';
import { DrillRun } from './drill.entities.js';
import { DrillRunService } from './drill-run.service.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { ImprovementService } from './improvement.service.js';
import { DrillMetricsService } from './metrics.service.js';
import { dimensionAverages, scenarioTimeline } from './report.js';

/** The after-action (summary) report of a run: everything the review needs on one page. */
@Injectable()
export class DrillReportService {
  constructor(
    private readonly db: Db,
    private readonly runs: DrillRunService,
    private readonly metrics: DrillMetricsService,
    private readonly reads: EvaluationRepository,
    private readonly improvements: ImprovementService,
    private readonly rooms: RoomLog,
  ) {}

  /** `lang`: the language its timeline is written in. */
  async report(runId: string, lang: RecordLanguage): Promise<DrillReport> {
    // The run view comes first: it is the scope check (another enterprise's run is a 404).
    const run = await this.runs.get(runId);
    const { summary } = await this.db
      .repo(DrillRun)
      .findOneOrFail({ where: { id: runId }, select: { id: true, summary: true } });
    const [metrics, events, observations, evaluations, improvements] = await Promise.all([
      this.metrics.metrics(runId),
      run.incidentId ? this.rooms.since(run.incidentId, 0) : Promise.resolve([]),
      this.reads.observations(runId),
      this.reads.evaluations(runId),
      this.improvements.forRun(runId),
    ]);
    return {
      run,
      summary,
      metrics,
      timeline: scenarioTimeline(events, lang),
      observations,
      evaluations,
      dimensionAverages: dimensionAverages(evaluations),
      improvements,
    };
  }
}
