import { Injectable } from '@nestjs/common';
import type { EvaluationView, ObservationView } from '@muster/contracts';
import { Db } from '../database/db.js';
import { UserFinder } from '../identity/user-finder.js';
import { DrillEvaluation, DrillObservation, DrillParticipant } from './drill.entities.js';
import { mapEvaluation, mapObservation } from './evaluation.view.js';

/** Reads for evaluation; callers have found the run in scope (DrillRunRepository) first. */
@Injectable()
export class EvaluationRepository {
  constructor(
    private readonly db: Db,
    private readonly users: UserFinder,
  ) {}

  async isRosterEvaluator(runId: string, userId: string): Promise<boolean> {
    return this.db.repo(DrillParticipant).existsBy({ runId, kind: 'evaluator', userId });
  }

  async observations(runId: string): Promise<ObservationView[]> {
    const rows = await this.db
      .repo(DrillObservation)
      .find({ where: { runId }, order: { scenarioMs: 'ASC', createdAt: 'ASC' } });
    const names = await this.names(rows.map((r) => r.evaluatorId));
    return rows.map((o) => mapObservation(o, names.get(o.evaluatorId) ?? ''));
  }

  async evaluations(runId: string): Promise<EvaluationView[]> {
    const rows = await this.db.repo(DrillEvaluation).find({ where: { runId }, order: { updatedAt: 'ASC' } });
    const names = await this.names(rows.map((r) => r.evaluatorId));
    return rows.map((e) => mapEvaluation(e, names.get(e.evaluatorId) ?? ''));
  }

  async evaluation(runId: string, evaluatorId: string): Promise<DrillEvaluation | null> {
    return this.db.repo(DrillEvaluation).findOneBy({ runId, evaluatorId });
  }

  async names(userIds: string[]): Promise<Map<string, string>> {
    return this.users.namesByIds(userIds);
  }
}
