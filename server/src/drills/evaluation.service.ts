import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { RequestContext, type Principal } from '../common/request-context.js';
import type { EvaluationView, ObservationView, RunSummaryText } from '@muster/contracts';
import { Db } from '../database/db.js';
import { DrillObservation, DrillRun } from './drill.entities.js';
import { duplicateDimensionProblems, orderScores } from './evaluation-scores.js';
import type { EvaluationPutDto, ObservationCreateDto, SummaryPutDto } from './evaluation.dto.js';
import { mapEvaluation, mapObservation } from './evaluation.view.js';
import { RoomLog } from '../room-log/room-log.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { DrillRunRepository } from './drill-run.repository.js';
import { scenarioMs } from './scenario-clock.js';
import { ConflictError, ForbiddenError, InvalidError } from '../common/domain-errors.js';

/**
 * A run is evaluated from its start on (evaluators tag as it happens, forms and the summary follow
 * its end); a run that never started or was called off has nothing to evaluate.
 */
export function assertEvaluable(run: DrillRun): void {
  if (run.status === 'scheduled') throw new ConflictError('The drill has not started yet');
  if (run.status === 'cancelled') throw new ConflictError('The drill was cancelled');
}

/** Roles that may evaluate any run; evaluators only the runs whose roster names them. */
const EVALUATING_ROLES = ['zone_admin', 'commander'];

@Injectable()
export class EvaluationService {
  constructor(
    private readonly db: Db,
    private readonly runs: DrillRunRepository,
    private readonly reads: EvaluationRepository,
    private readonly rooms: RoomLog,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  async observations(runId: string): Promise<ObservationView[]> {
    await this.runs.getById(runId);
    return this.reads.observations(runId);
  }

  async addObservation(runId: string, dto: ObservationCreateDto): Promise<ObservationView> {
    return this.db.transaction(async () => {
      const run = await this.runs.getById(runId);
      assertEvaluable(run);
      const me = await this.assertEvaluator(run);
      const eventSeq = dto.eventSeq ?? null;
      if (eventSeq !== null && !(run.incidentId && (await this.rooms.has(run.incidentId, eventSeq)))) {
        throw new InvalidError([`eventSeq: the drill room has no event ${eventSeq}`]);
      }
      const saved = await this.db.repo(DrillObservation).save(
        Object.assign(new DrillObservation(), {
          runId,
          evaluatorId: me.id,
          kind: dto.kind,
          text: dto.text,
          eventSeq,
          scenarioMs: scenarioMs(run, this.clock.now()),
        }),
      );
      const view = mapObservation(saved, me.name);
      await this.audit.record({
        action: 'drill_observation.created',
        entity: 'drill_observation',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async evaluations(runId: string): Promise<EvaluationView[]> {
    await this.runs.getById(runId);
    return this.reads.evaluations(runId);
  }

  /** The caller's own form for the run: created on first save, replaced on the next. */
  async saveMine(runId: string, dto: EvaluationPutDto): Promise<EvaluationView> {
    const duplicates = duplicateDimensionProblems(dto.scores);
    if (duplicates.length) throw new InvalidError(duplicates);
    return this.db.transaction(async () => {
      const run = await this.runs.getById(runId);
      assertEvaluable(run);
      const me = await this.assertEvaluator(run);
      const before = await this.reads.evaluation(runId, me.id);
      const scores = orderScores(dto.scores);
      // One form per evaluator and run: two saves racing end as one row, the later one winning.
      await this.db.manager.query(
        `INSERT INTO drill_evaluation (run_id, evaluator_id, scores, overall, updated_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (run_id, evaluator_id)
         DO UPDATE SET scores = EXCLUDED.scores, overall = EXCLUDED.overall, updated_at = now()`,
        [runId, me.id, JSON.stringify(scores), dto.overall ?? ''],
      );
      const saved = (await this.reads.evaluation(runId, me.id))!;
      const view = mapEvaluation(saved, me.name);
      await this.audit.record({
        action: before ? 'drill_evaluation.updated' : 'drill_evaluation.created',
        entity: 'drill_evaluation',
        entityId: runId,
        before: before ? mapEvaluation(before, me.name) : undefined,
        after: view,
      });
      return view;
    });
  }

  async saveSummary(runId: string, dto: SummaryPutDto): Promise<RunSummaryText> {
    return this.db.transaction(async () => {
      const run = await this.runs.getById(runId);
      assertEvaluable(run);
      const summary: RunSummaryText = { problems: dto.problems.trim(), lessons: dto.lessons.trim() };
      // Only the summary column: the run's clock and status belong to the run service and may be
      // changing at the same moment.
      await this.db.repo(DrillRun).update({ id: runId }, { summary });
      await this.audit.record({
        action: 'drill_run.summary_updated',
        entity: 'drill_run',
        entityId: runId,
        before: run.summary,
        after: summary,
      });
      return summary;
    });
  }

  private async assertEvaluator(run: DrillRun): Promise<Principal> {
    const me = this.context.principal();
    if (!me) throw new ForbiddenError('Only a signed-in user may evaluate a drill');
    if (EVALUATING_ROLES.includes(me.role)) return me;
    if (await this.reads.isRosterEvaluator(run.id, me.id)) return me;
    throw new ForbiddenError("Only an evaluator on this drill's roster may evaluate it");
  }
}
