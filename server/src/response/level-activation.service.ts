import { Injectable } from '@nestjs/common';
import { CalloutService } from '../callouts/callout.service.js';
import {
  type CalloutView,
  RESPONSE_LEVELS,
  type IncidentView,
  type TaskView,
  type PlanSuggestion,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { IncidentService } from '../incidents/incident.service.js';
import { PlanVersionService } from '../plans/plan-version.service.js';
import { PlanService } from '../plans/plan.service.js';
import { RoomWorkService } from '../rooms/room-work.service.js';
import { ConflictError, InvalidError } from '../common/domain-errors.js';

export interface LevelActivation {
  incident: IncidentView;
  tasks: TaskView[];
  callout: CalloutView | null;
}

/**
 * Activating a plan's response level sets it in motion: the incident takes the level, the
 * level's action checklist becomes the room's tasks with their due times, and its escalation
 * policy starts calling people out — all in one transaction, so a half-activated level cannot be.
 */
@Injectable()
export class LevelActivationService {
  constructor(
    private readonly db: Db,
    private readonly incidents: IncidentRepository,
    private readonly incidentService: IncidentService,
    private readonly plans: PlanService,
    private readonly versions: PlanVersionService,
    private readonly work: RoomWorkService,
    private readonly callouts: CalloutService,
  ) {}

  /** The published plans and levels that apply to this incident, most specific first. */
  async suggest(incidentId: string): Promise<PlanSuggestion> {
    const i = await this.incidents.getById(incidentId);
    return this.plans.suggest({
      category: i.category,
      enterpriseId: i.enterpriseId ?? undefined,
      severity: i.severity,
    });
  }

  async activate(
    incidentId: string,
    versionId: string,
    levelId: string,
    now = new Date(),
  ): Promise<LevelActivation> {
    const incident = await this.incidents.getById(incidentId);
    const version = await this.versions.get(versionId);
    if (version.status !== 'published') {
      throw new ConflictError(
        `versionId: only a published plan version can be activated (this one is ${version.status})`,
      );
    }
    const level = version.levels.find((l) => l.id === levelId);
    if (!level) throw new InvalidError(['levelId: not a level of that plan version']);
    const responseLevel = RESPONSE_LEVELS[Math.min(Math.max(level.rank, 1), RESPONSE_LEVELS.length) - 1]!;

    return this.db.transaction(async () => {
      const updated = await this.incidentService.setLevel(incidentId, {
        level: responseLevel,
        planId: version.planId,
      });
      const tasks: TaskView[] = [];
      for (const item of level.checklist) {
        tasks.push(
          await this.work.createTask(
            incidentId,
            {
              title: item.item,
              detail: `${level.code} ${level.name}`,
              assigneeTeamId: item.teamId ?? undefined,
              assigneeLabel: item.role ?? undefined,
              dueAt: new Date(now.getTime() + item.targetMinutes * 60_000).toISOString(),
            },
            'checklist',
          ),
        );
      }
      const callout = level.policy
        ? await this.callouts.create(incidentId, {
            policyId: level.policy.id,
            message: `${incident.title}，${incident.address}。已启动${level.code}${level.name}`,
          })
        : null;
      return { incident: updated, tasks, callout };
    });
  }
}
