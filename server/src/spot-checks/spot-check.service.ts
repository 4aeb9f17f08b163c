import { Injectable } from '@nestjs/common';
import {
  DRAW_ALGORITHM,
  type ListResponse,
  type SpotCheckCandidatesView,
  type SpotCheckEnterpriseCandidate,
  type SpotCheckExclusion,
  type SpotCheckRecusal,
  type SpotCheckTaskDetail,
  type SpotCheckTaskView,
  type SpotCheckVerifyView,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { ConflictError, InvalidError, UnauthenticatedError, problem } from '../common/domain-errors.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { UserFinder } from '../identity/user-finder.js';
import { InspectionService } from '../inspections/inspection.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import type { PageQueryDto } from '../common/paging.dto.js';
import { drawPairs, newSeed, samePairs, shortfall } from './draw.js';
import type { DrawDto, SpotCheckCreateDto, SpotCheckUpdateDto } from './spot-check.dto.js';
import { SpotCheckDraw, type SpotCheckTask, type StoredPair } from './spot-check.entities.js';
import { SpotCheckRepository } from './spot-check.repository.js';
import { mapDraw, mapTask } from './spot-check.view.js';

interface Eligible {
  view: SpotCheckCandidatesView;
  /** Pair recusals among the eligible. */
  pairRecusals: { inspectorId: string; enterpriseId: string }[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The double random draw (双随机): the zone defines a task, the system lists who may be drawn,
 * draws both the enterprises and their inspectors from a recorded seed, schedules each pair's
 * inspection and, when the zone decides, publishes the result. Every draw stays on the record; a
 * later one needs its reason.
 */
@Injectable()
export class SpotCheckService {
  constructor(
    private readonly db: Db,
    private readonly tasks: SpotCheckRepository,
    private readonly enterprises: EnterpriseService,
    private readonly users: UserFinder,
    private readonly inspections: InspectionService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  async list(q: PageQueryDto): Promise<ListResponse<SpotCheckTaskView>> {
    const { skip, take } = pageWindow(q);
    const [rows, total] = await this.tasks.list(skip, take);
    return { items: rows.map(mapTask), total };
  }

  async get(id: string): Promise<SpotCheckTaskDetail> {
    const task = await this.tasks.get(id);
    const draws = await this.tasks.drawsOf([id]);
    const names = await this.users.namesByIds(draws.flatMap((d) => (d.drawnBy ? [d.drawnBy] : [])));
    return { ...mapTask(task), draws: draws.map((d) => mapDraw(d, names)) };
  }

  async create(dto: SpotCheckCreateDto): Promise<SpotCheckTaskView> {
    const me = this.me();
    const task = {} as SpotCheckTask;
    await this.apply(task, dto);
    return this.db.transaction(async () => {
      task.status = 'draft';
      task.createdBy = me;
      const saved = await this.tasks.saveTask(task);
      const view = mapTask(saved);
      await this.audit.record({
        action: 'spot_check.created',
        entity: 'spot_check_task',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(id: string, dto: SpotCheckUpdateDto): Promise<SpotCheckTaskView> {
    return this.db.transaction(async () => {
      const task = await this.tasks.getForUpdate(id);
      if (task.status !== 'draft') {
        throw new ConflictError(
          problem('spot_check.drawn', 'The task has been drawn; what it draws from stays as drawn'),
        );
      }
      const before = mapTask(task);
      await this.apply(task, { ...before, ...dto } as SpotCheckCreateDto);
      const view = mapTask(await this.tasks.saveTask(task));
      await this.audit.record({
        action: 'spot_check.updated',
        entity: 'spot_check_task',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  /** Who may be drawn for the task now, and who is left out and why. */
  async candidates(id: string): Promise<SpotCheckCandidatesView> {
    const current = (await this.tasks.drawsOf([id])).find((d) => !d.superseded);
    return (await this.eligible(await this.tasks.get(id), current)).view;
  }

  /**
   * Draws the task: a fresh seed, the candidate lists as they stand, the pairs, and a scheduled
   * spot check for each pair. A task already drawn is drawn again only with a reason; the earlier
   * draw stays on the record (superseded) and its inspections, none of them begun, are withdrawn.
   */
  draw(id: string, dto: DrawDto): Promise<SpotCheckTaskDetail> {
    const me = this.me();
    return this.db.transaction(async () => {
      const task = await this.tasks.getForUpdate(id);
      const draws = await this.tasks.drawsOf([id]);
      const current = draws.find((d) => !d.superseded);
      if (current && !dto.reason) {
        throw new InvalidError([
          'reason: the task has been drawn; a new draw needs the reason, which stays on the record',
        ]);
      }
      const { view, pairRecusals } = await this.eligible(task, current);
      const input = {
        enterprises: view.enterprises.map((e) => e.id),
        inspectors: view.inspectors.map((i) => i.id),
        recusals: pairRecusals,
        enterpriseCount: task.enterpriseCount,
        inspectorsPerEnterprise: task.inspectorsPerEnterprise,
      };
      const short = shortfall(input);
      if (short) {
        throw new ConflictError(
          problem('spot_check.too_few', 'Too few candidates for this draw ({detail})', { detail: short }),
        );
      }
      if (current) {
        await this.inspections.withdrawScheduled(current.pairs.flatMap((p) => p.inspectionId ?? []));
        current.superseded = true;
        await this.tasks.saveDraw(current);
      }
      const seed = newSeed();
      const drawn = drawPairs({ ...input, seed });
      const enterpriseNames = new Map(view.enterprises.map((e) => [e.id, e.name]));
      const inspectorNames = new Map(view.inspectors.map((i) => [i.id, i.name]));
      const pairs: StoredPair[] = drawn.map((p) => ({
        enterpriseId: p.enterpriseId,
        enterpriseName: enterpriseNames.get(p.enterpriseId)!,
        inspectors: p.inspectorIds.map((i) => ({ id: i, name: inspectorNames.get(i)! })),
        inspectionId: null,
      }));
      const inspectionIds = await this.inspections.scheduleDrawn(pairs, {
        dueOn: task.periodStart,
        dueBy: task.periodEnd,
        checklist: task.checklist,
      });
      pairs.forEach((p, i) => (p.inspectionId = inspectionIds[i]!));
      const d = Object.assign(new SpotCheckDraw(), {
        taskId: id,
        seq: draws.length + 1,
        seed,
        algorithm: DRAW_ALGORITHM,
        enterpriseCandidates: input.enterprises,
        inspectorCandidates: input.inspectors,
        recusals: pairRecusals,
        pairs,
        reason: current ? dto.reason! : null,
        superseded: false,
        drawnBy: me,
        drawnAt: this.clock.now(),
      });
      const saved = await this.tasks.saveDraw(d);
      if (task.status === 'draft') {
        task.status = 'drawn';
        await this.tasks.saveTask(task);
      }
      await this.audit.record({
        action: current ? 'spot_check.redrawn' : 'spot_check.drawn',
        entity: 'spot_check_task',
        entityId: id,
        before: current ? { drawId: current.id, seq: current.seq, seed: current.seed } : null,
        after: {
          drawId: saved.id,
          seq: saved.seq,
          seed,
          algorithm: DRAW_ALGORITHM,
          enterpriseCandidates: input.enterprises,
          inspectorCandidates: input.inspectors,
          recusals: pairRecusals,
          pairs: pairs.map((p) => ({
            enterpriseId: p.enterpriseId,
            inspectorIds: p.inspectors.map((i) => i.id),
          })),
          reason: saved.reason,
        },
      });
      const period = `${task.periodStart} – ${task.periodEnd}`;
      for (const p of pairs) {
        await this.notifications.notify(
          { userIds: p.inspectors.map((i) => i.id) },
          {
            kind: 'spot_check.assigned',
            params: {
              task: task.title,
              who: `${p.enterpriseName}（${p.inspectors.map((i) => i.name).join('、')}）`,
              period,
            },
            entity: 'inspection_record',
            entityId: p.inspectionId!,
          },
        );
      }
      return this.get(id);
    });
  }

  /** Draws again from a draw's recorded seed and lists and says whether the pairs are the same. */
  async verify(drawId: string): Promise<SpotCheckVerifyView> {
    const d = await this.tasks.getDraw(drawId);
    const task = await this.tasks.get(d.taskId);
    const pairs = drawPairs({
      seed: d.seed,
      enterprises: d.enterpriseCandidates,
      inspectors: d.inspectorCandidates,
      recusals: d.recusals,
      enterpriseCount: task.enterpriseCount,
      inspectorsPerEnterprise: task.inspectorsPerEnterprise,
    });
    const recorded = d.pairs.map((p) => ({
      enterpriseId: p.enterpriseId,
      inspectorIds: p.inspectors.map((i) => i.id),
    }));
    return { drawId, matches: d.algorithm === DRAW_ALGORITHM && samePairs(pairs, recorded), pairs };
  }

  publish(id: string): Promise<SpotCheckTaskView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const task = await this.tasks.getForUpdate(id);
      if (task.status === 'draft') {
        throw new ConflictError(problem('spot_check.not_drawn', 'The task has not been drawn yet'));
      }
      if (task.status === 'published') {
        throw new ConflictError(problem('spot_check.published', 'The result is already published'));
      }
      const before = mapTask(task);
      Object.assign(task, { status: 'published', publishedAt: this.clock.now(), publishedBy: me });
      const view = mapTask(await this.tasks.saveTask(task));
      await this.audit.record({
        action: 'spot_check.published',
        entity: 'spot_check_task',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  /** Published tasks with their current draws, for the public pages. */
  async published(limit: number, id?: string): Promise<{ task: SpotCheckTask; draws: SpotCheckDraw[] }[]> {
    const tasks = await this.tasks.published(limit, id);
    const draws = await this.tasks.drawsOf(tasks.map((t) => t.id));
    return tasks.map((task) => ({ task, draws: draws.filter((d) => d.taskId === task.id) }));
  }

  /** The candidates now; the task's own current draw does not count as a recent check. */
  private async eligible(task: SpotCheckTask, current: SpotCheckDraw | undefined): Promise<Eligible> {
    const since = task.excludeCheckedWithinDays
      ? new Date(this.clock.now().getTime() - task.excludeCheckedWithinDays * 86_400_000)
      : null;
    const own = current?.pairs.flatMap((p) => p.inspectionId ?? []) ?? [];
    const checked = new Set(since ? await this.inspections.enterprisesCheckedSince(since, own) : []);
    const excluded = new Set(task.excludedEnterpriseIds);
    const enterprises: SpotCheckEnterpriseCandidate[] = [];
    const excludedEnterprises: SpotCheckCandidatesView['excludedEnterprises'] = [];
    for (const e of (await this.enterprises.profiles()).sort(byId)) {
      const c = { id: e.id, name: e.name, industry: e.industry, riskClass: e.riskClass };
      const reason: SpotCheckExclusion | null = excluded.has(e.id)
        ? 'excluded'
        : task.industries.length && !task.industries.includes(e.industry)
          ? 'industry'
          : task.riskClasses.length && !task.riskClasses.includes(e.riskClass)
            ? 'risk_class'
            : checked.has(e.id)
              ? 'checked_recently'
              : null;
      if (reason) excludedEnterprises.push({ ...c, reason });
      else enterprises.push(c);
    }
    const wholeTask = new Map(
      task.recusals.filter((r) => r.enterpriseId === null).map((r) => [r.inspectorId, r.reason]),
    );
    const inspectors = (await this.users.activeWithRoles(['inspector'])).sort(byId);
    const inScope = new Set(enterprises.map((e) => e.id));
    const drawable = new Set(inspectors.filter((u) => !wholeTask.has(u.id)).map((u) => u.id));
    return {
      view: {
        enterprises,
        excludedEnterprises,
        inspectors: inspectors.filter((u) => drawable.has(u.id)).map((u) => ({ id: u.id, name: u.name })),
        recusedInspectors: inspectors.flatMap((u) =>
          wholeTask.has(u.id) ? [{ id: u.id, name: u.name, reason: wholeTask.get(u.id)! }] : [],
        ),
      },
      pairRecusals: task.recusals.flatMap((r) =>
        r.enterpriseId && inScope.has(r.enterpriseId) && drawable.has(r.inspectorId)
          ? [{ inspectorId: r.inspectorId, enterpriseId: r.enterpriseId }]
          : [],
      ),
    };
  }

  /** Checks the task's references and copies the input onto it. */
  private async apply(task: SpotCheckTask, dto: SpotCheckCreateDto): Promise<void> {
    const problems: string[] = [];
    if (dto.periodEnd < dto.periodStart) problems.push('periodEnd: before periodStart');
    const recusals: SpotCheckRecusal[] = (dto.recusals ?? []).map((r) => ({
      inspectorId: r.inspectorId,
      enterpriseId: r.enterpriseId ?? null,
      reason: r.reason,
    }));
    const excludedIds = [...new Set(dto.excludedEnterpriseIds ?? [])];
    const named = [...excludedIds, ...recusals.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : []))];
    const known = await this.enterprises.namesByIds(named);
    for (const id of excludedIds) {
      if (!known.has(id)) problems.push(`excludedEnterpriseIds: enterprise ${id} does not exist`);
    }
    const inspectors = new Set(
      (await this.users.summariesByIds(recusals.map((r) => r.inspectorId)))
        .filter((u) => u.role === 'inspector')
        .map((u) => u.id),
    );
    recusals.forEach((r, i) => {
      if (!inspectors.has(r.inspectorId)) {
        problems.push(`recusals[${i}].inspectorId: ${r.inspectorId} is not an inspector`);
      }
      if (r.enterpriseId && !known.has(r.enterpriseId)) {
        problems.push(`recusals[${i}].enterpriseId: enterprise ${r.enterpriseId} does not exist`);
      }
    });
    if (problems.length) throw new InvalidError(problems);
    Object.assign(task, {
      title: dto.title,
      periodStart: dto.periodStart,
      periodEnd: dto.periodEnd,
      enterpriseCount: dto.enterpriseCount,
      inspectorsPerEnterprise: dto.inspectorsPerEnterprise,
      industries: [...new Set(dto.industries ?? [])],
      riskClasses: [...new Set(dto.riskClasses ?? [])],
      excludedEnterpriseIds: excludedIds,
      excludeCheckedWithinDays: dto.excludeCheckedWithinDays ?? null,
      recusals,
      checklist: (dto.checklist ?? []).map((c) => ({ text: c.text, category: c.category })),
    });
  }

  private me(): string {
    const id = this.context.principal()?.id;
    if (!id) throw new UnauthenticatedError('Unauthenticated');
    return id;
  }
}
