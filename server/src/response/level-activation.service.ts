import { Injectable } from '@nestjs/common';
import { CalloutService } from '../callouts/callout.service.js';
import {
  type LevelActivation,
  type LevelActivationPreview,
  type LevelActivationRecord,
  type PlanLevelView,
  type PlanSuggestion,
  type PlanVersionView,
  type TaskView,
  responseLevelOfRank,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { IncidentService } from '../incidents/incident.service.js';
import { PlanVersionService } from '../plans/plan-version.service.js';
import { PlanService } from '../plans/plan.service.js';
import { RoomWorkService } from '../rooms/room-work.service.js';
import { ConflictError, InvalidError } from '../common/domain-errors.js';
import { LevelActivationRow } from './level-activation.entity.js';

/** What a level would start, against what already runs in the incident. */
interface LevelPlan {
  version: PlanVersionView;
  level: PlanLevelView;
  active: LevelActivationRecord | null;
  earlier: LevelActivationRecord[];
  newItems: PlanLevelView['checklist'];
  runningTasks: string[];
  adds: { contactId: string | null; name: string }[];
  runningPeople: string[];
  exclude: Set<string>;
}

/**
 * Activating a plan's response level sets it in motion: the incident takes the level, the
 * level's action checklist becomes the room's tasks with their due times, and its escalation
 * policy starts calling people out — all in one transaction, so a half-activated level cannot be.
 *
 * A level is activated once per incident and plan (a second press, a double click or a retried
 * request is refused, and changes nothing). A level activated while others run starts only what
 * it adds: checklist items already among the room's live tasks are not added again, and people
 * being paged or coming already are not paged again.
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
    private readonly audit: AuditService,
    private readonly context: RequestContext,
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

  /** What activating the level would start and what of it runs already, for the commander to confirm. */
  async preview(incidentId: string, versionId: string, levelId: string): Promise<LevelActivationPreview> {
    const p = await this.planFor(incidentId, versionId, levelId);
    return {
      responseLevel: responseLevelOfRank(p.level.rank),
      active: p.active,
      earlier: p.earlier,
      adds: { tasks: p.newItems.map((i) => i.item), people: p.adds.map((a) => a.name) },
      alreadyRunning: { tasks: p.runningTasks, people: p.runningPeople },
    };
  }

  async activate(
    incidentId: string,
    versionId: string,
    levelId: string,
    now = new Date(),
  ): Promise<LevelActivation> {
    return this.db.transaction(async () => {
      // One activation of an incident at a time: the second of two simultaneous requests waits
      // here, then finds the first one's row (and the unique key stands behind this check).
      const incident = await this.incidents.lockById(incidentId);
      const p = await this.planFor(incidentId, versionId, levelId);
      if (p.active) {
        const by = p.active.activatedByName ? ` by ${p.active.activatedByName}` : '';
        throw new ConflictError(
          `levelId: this response level is already active, since ${p.active.activatedAt}${by}`,
        );
      }
      const { version, level } = p;
      const responseLevel = responseLevelOfRank(level.rank);
      const updated = await this.incidentService.setLevel(incidentId, {
        level: responseLevel,
        planId: version.planId,
      });
      const tasks: TaskView[] = [];
      for (const item of p.newItems) {
        tasks.push(
          await this.work.createTask(
            incidentId,
            {
              title: item.item,
              detail: level.name,
              assigneeTeamId: item.teamId ?? undefined,
              assigneeLabel: item.role ?? undefined,
              dueAt: new Date(now.getTime() + item.targetMinutes * 60_000).toISOString(),
            },
            'checklist',
          ),
        );
      }
      const callout =
        level.policy && p.adds.length
          ? await this.callouts.create(
              incidentId,
              { policyId: level.policy.id, message: `${incident.title}，${incident.address}` },
              { responseLevel, excludeContactIds: p.exclude },
            )
          : null;
      const principal = this.context.principal();
      const row = await this.db.repo(LevelActivationRow).save(
        Object.assign(new LevelActivationRow(), {
          incidentId,
          planId: version.planId,
          versionId,
          levelId,
          rank: level.rank,
          responseLevel,
          calloutId: callout?.id ?? null,
          activatedBy: principal?.id ?? null,
          activatedByName: principal?.name ?? null,
          activatedAt: now,
        }),
      );
      const alreadyRunning = { tasks: p.runningTasks, people: p.runningPeople };
      await this.audit.record({
        action: 'level.activated',
        entity: 'level_activation',
        entityId: row.id,
        after: { incidentId, versionId, levelId, responseLevel, calloutId: row.calloutId, alreadyRunning },
      });
      return { incident: updated, tasks, callout, responseLevel, alreadyRunning };
    });
  }

  private async planFor(incidentId: string, versionId: string, levelId: string): Promise<LevelPlan> {
    const incident = await this.incidents.getById(incidentId);
    const version = await this.versions.get(versionId);
    if (version.status !== 'published') {
      throw new ConflictError(
        `versionId: only a published plan version can be activated (this one is ${version.status})`,
      );
    }
    const level = version.levels.find((l) => l.id === levelId);
    if (!level) throw new InvalidError(['levelId: not a level of that plan version']);

    const rows = await this.db
      .repo(LevelActivationRow)
      .find({ where: { incidentId }, order: { activatedAt: 'ASC' } });
    const earlier = rows.map(record);
    const activeRow = rows.find((r) => r.planId === version.planId && r.rank === level.rank);

    const live = new Set(
      (await this.work.tasks(incidentId)).filter((t) => t.status !== 'cancelled').map((t) => t.title),
    );
    const newItems = level.checklist.filter((i) => !live.has(i.item));
    const runningTasks = level.checklist.filter((i) => live.has(i.item)).map((i) => i.item);

    const running = await this.callouts.pagedOrComing(incidentId);
    const exclude = new Set(running.map((r) => r.contactId));
    let adds: LevelPlan['adds'] = [];
    let runningPeople: string[] = [];
    if (level.policy && incident.status !== 'closed') {
      const dto = { policyId: level.policy.id, message: incident.title };
      const all = await this.callouts.plannedPeople(incidentId, dto);
      adds = all.filter((a) => !a.contactId || !exclude.has(a.contactId));
      runningPeople = all.filter((a) => a.contactId && exclude.has(a.contactId)).map((a) => a.name);
    }
    return {
      version,
      level,
      active: activeRow ? record(activeRow) : null,
      earlier,
      newItems,
      runningTasks,
      adds,
      runningPeople,
      exclude,
    };
  }
}

function record(r: LevelActivationRow): LevelActivationRecord {
  return {
    planId: r.planId,
    levelId: r.levelId,
    responseLevel: r.responseLevel,
    activatedAt: r.activatedAt.toISOString(),
    activatedByName: r.activatedByName,
  };
}
