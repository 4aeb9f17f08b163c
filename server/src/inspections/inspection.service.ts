import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { pageWindow } from '../common/paging.js';
import { type Principal, RequestContext } from '../common/request-context.js';
import {
  type ListResponse,
  type ChecklistItem,
  type HazardSource,
  type InspectionKind,
  type InspectionPlanView,
  type InspectionRecordView,
  hazardCode,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { FileService } from '../files/file.service.js';
import { HazardService } from '../hazards/hazard.service.js';
import type {
  ChecklistItemDto,
  InspectionPlanCreateDto,
  InspectionPlanListQueryDto,
  InspectionPlanUpdateDto,
  InspectionRecordAnswerDto,
  InspectionRecordCreateDto,
  InspectionRecordListQueryDto,
  SpotCheckCreateDto,
} from './inspection.dto.js';
import { InspectionPlan, InspectionRecord } from './inspection.entity.js';
import { InspectionPlanRepository, InspectionRecordRepository } from './inspection.repository.js';
import { mapPlan, mapRecord } from './inspection.view.js';
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  UnauthenticatedError,
  problem,
} from '../common/domain-errors.js';

const SOURCE_OF: Record<InspectionKind, HazardSource> = {
  self_inspection: 'self_inspection',
  zone_inspection: 'zone_inspection',
  spot_check: 'spot_check',
};

function checklistOf(items: ChecklistItemDto[]): ChecklistItem[] {
  return items.map((i, n) => ({ id: `c${n + 1}`, text: i.text, category: i.category }));
}

/**
 * Inspections (排查): plans with a schedule, scope and checklist; records that run a checklist at
 * one enterprise, whose failed items become hazards on completion; and the zone's spot checks
 * (抽查), which sample enterprises and re-inspect hazards they recently closed.
 */
@Injectable()
export class InspectionService {
  constructor(
    private readonly db: Db,
    private readonly plans: InspectionPlanRepository,
    private readonly records: InspectionRecordRepository,
    private readonly hazards: HazardService,
    private readonly files: FileService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  async listPlans(q: InspectionPlanListQueryDto): Promise<ListResponse<InspectionPlanView>> {
    const [rows, total] = await this.plans.list({ ...q, ...pageWindow(q) });
    return { items: rows.map(mapPlan), total };
  }

  async getPlan(id: string): Promise<InspectionPlanView> {
    return mapPlan(await this.plan(id));
  }

  async createPlan(dto: InspectionPlanCreateDto): Promise<InspectionPlanView> {
    const me = this.me();
    const p = new InspectionPlan();
    p.createdBy = me.id;
    p.active = true;
    this.applyPlan(p, dto, me);
    return this.db.transaction(async () => {
      await this.assertEnterpriseExists(p.enterpriseId);
      const saved = await this.plans.save(p);
      const view = mapPlan(saved);
      await this.audit.record({
        action: 'inspection_plan.created',
        entity: 'inspection_plan',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async updatePlan(id: string, dto: InspectionPlanUpdateDto): Promise<InspectionPlanView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const p = await this.plan(id);
      if (me.role === 'enterprise_officer' && p.enterpriseId !== me.enterpriseId) {
        throw new ForbiddenError('A zone plan is changed by the zone');
      }
      const before = mapPlan(p);
      this.applyPlan(p, { ...before, ...stripUndefined(dto) } as InspectionPlanCreateDto, me);
      if (dto.enterpriseId !== undefined) await this.assertEnterpriseExists(p.enterpriseId);
      if (dto.active !== undefined) p.active = dto.active;
      const view = mapPlan(await this.plans.save(p));
      await this.audit.record({
        action: 'inspection_plan.updated',
        entity: 'inspection_plan',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  async listRecords(q: InspectionRecordListQueryDto): Promise<ListResponse<InspectionRecordView>> {
    const [rows, total] = await this.records.list({ ...q, ...pageWindow(q) });
    const names = await this.records.enterpriseNames(rows.map((r) => r.enterpriseId));
    return { items: rows.map((r) => mapRecord(r, names.get(r.enterpriseId) ?? '')), total };
  }

  async getRecord(id: string): Promise<InspectionRecordView> {
    return this.view(await this.records.getById(id));
  }

  async startRecord(dto: InspectionRecordCreateDto): Promise<InspectionRecordView> {
    const me = this.me();
    return this.db.transaction(async () => {
      let checklist: ChecklistItem[];
      let kind: InspectionKind;
      let enterpriseId = me.role === 'enterprise_officer' ? me.enterpriseId! : dto.enterpriseId;
      if (me.role === 'enterprise_officer' && dto.enterpriseId && dto.enterpriseId !== me.enterpriseId) {
        throw new ForbiddenError('enterpriseId: an officer inspects their own enterprise only');
      }
      if (dto.planId) {
        const plan = await this.plan(dto.planId, 'planId');
        if (!plan.active) throw new ConflictError('planId: the plan is no longer active');
        checklist = plan.checklist;
        kind = plan.kind;
        enterpriseId ??= plan.enterpriseId ?? undefined;
        const covered = plan.enterpriseId ? [plan.enterpriseId] : plan.enterpriseIds;
        if (enterpriseId && covered.length && !covered.includes(enterpriseId)) {
          throw new InvalidError(['enterpriseId: not covered by this plan']);
        }
      } else {
        if (!dto.checklist) throw new InvalidError(['checklist: required without a planId']);
        checklist = checklistOf(dto.checklist);
        kind = me.role === 'enterprise_officer' ? 'self_inspection' : 'zone_inspection';
      }
      if (me.role === 'enterprise_officer' && kind !== 'self_inspection') {
        throw new ForbiddenError('An officer runs self-inspections; zone inspections are the zone’s');
      }
      if (!enterpriseId) throw new InvalidError(['enterpriseId: required']);
      const names = await this.records.enterpriseNames([enterpriseId]);
      if (!names.has(enterpriseId)) throw new InvalidError(['enterpriseId: the enterprise does not exist']);
      const r = this.newRecord(kind, enterpriseId, me, dto.planId ?? null, checklist);
      const saved = await this.records.save(r);
      const view = mapRecord(saved, names.get(enterpriseId)!);
      await this.audit.record({
        action: 'inspection.started',
        entity: 'inspection_record',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  /** Saves answers as the inspector goes; nothing becomes a hazard until completion. */
  async answer(id: string, dto: InspectionRecordAnswerDto): Promise<InspectionRecordView> {
    return this.db.transaction(async () => {
      const r = await this.records.getForUpdate(id);
      if (r.status !== 'open') throw new ConflictError('The inspection is completed; its answers are final');
      this.takeUp(r);
      await this.claimPhotos(r, dto);
      this.applyAnswers(r, dto);
      return this.view(await this.records.save(r));
    });
  }

  /**
   * Completes the record: every item must be answered; each failed item becomes a hazard and
   * each recurred re-inspection a new hazard linked to the closed one.
   */
  async complete(id: string, dto: InspectionRecordAnswerDto): Promise<InspectionRecordView> {
    return this.db.transaction(async () => {
      const r = await this.records.getForUpdate(id);
      if (r.status !== 'open') throw new ConflictError('The inspection is already completed');
      const inspector = this.takeUp(r);
      await this.claimPhotos(r, dto);
      this.applyAnswers(r, dto);
      const missing = [
        ...r.items.filter((i) => !i.result).map((i) => `items.${i.itemId}`),
        ...r.rechecks.filter((c) => !c.result).map((c) => `rechecks.${c.hazardId}`),
      ];
      if (missing.length) throw new InvalidError(missing.map((m) => `${m}: not answered`));
      // Order 16 Art. 14: a failure recorded as a major hazard carries its harm and difficulty analysis.
      const unanalysed = r.items.filter(
        (i) => i.result === 'fail' && i.level === 'major' && !i.harmAnalysis?.trim(),
      );
      if (unanalysed.length) {
        throw new InvalidError(
          unanalysed.map(
            (i) =>
              `items.${i.itemId}.harmAnalysis: a major hazard needs the analysis of harm and of how hard it is to fix`,
          ),
        );
      }
      const before = mapRecord(r, '');
      const source = SOURCE_OF[r.kind];
      for (const item of r.items.filter((i) => i.result === 'fail')) {
        const created = await this.hazards.create(
          {
            enterpriseId: r.enterpriseId,
            place: item.place || '检查现场',
            category: item.category,
            description: item.note ? `${item.text}：${item.note}` : item.text,
            level: item.level ?? 'general',
            harmAnalysis: item.level === 'major' ? (item.harmAnalysis ?? null) : null,
            source,
            foundBy: inspector,
            photoIds: item.photoIds ?? [],
          },
          // A failed check of a risk point's control measure is a hazard of that risk (dual prevention).
          { inspectionRecordId: r.id, riskPointId: item.riskPointId ?? undefined },
        );
        item.hazardId = created.id;
      }
      for (const c of r.rechecks.filter((x) => x.result === 'recurred')) {
        const created = await this.hazards.create(
          {
            enterpriseId: r.enterpriseId,
            place: '抽查复查',
            category: 'other',
            description: `已销号隐患 ${c.hazardCode} 复查发现反弹：${c.description}${c.note ? `；${c.note}` : ''}`,
            level: 'general',
            source: 'spot_check',
            foundBy: inspector,
          },
          { inspectionRecordId: r.id, recurrenceOf: c.hazardId },
        );
        c.newHazardId = created.id;
      }
      r.status = 'completed';
      r.completedAt = this.clock.now();
      r.items = [...r.items];
      r.rechecks = [...r.rechecks];
      const view = await this.view(await this.records.save(r));
      await this.audit.record({
        action: 'inspection.completed',
        entity: 'inspection_record',
        entityId: r.id,
        before,
        after: view,
      });
      return view;
    });
  }

  /** Samples enterprises at random (without replacement) and opens a spot-check record for each. */
  async spotCheck(dto: SpotCheckCreateDto): Promise<InspectionRecordView[]> {
    const me = this.me();
    return this.db.transaction(async () => {
      const pool = dto.enterpriseIds
        ? [...new Set(dto.enterpriseIds)]
        : await this.records.allEnterpriseIds();
      const names = await this.records.enterpriseNames(pool);
      const unknown = pool.filter((id) => !names.has(id));
      if (unknown.length) throw new InvalidError(unknown.map((id) => `enterpriseIds: ${id} does not exist`));
      const sample = [...pool];
      for (let i = sample.length - 1; i > 0; i--) {
        const j = randomInt(i + 1);
        [sample[i], sample[j]] = [sample[j]!, sample[i]!];
      }
      const chosen = sample.slice(0, Math.min(dto.sampleSize, sample.length));
      const since = new Date(this.clock.now().getTime() - (dto.closedWithinDays ?? 180) * 86_400_000);
      const checklist = dto.checklist ? checklistOf(dto.checklist) : [];
      const views: InspectionRecordView[] = [];
      for (const enterpriseId of chosen) {
        const r = this.newRecord('spot_check', enterpriseId, me, null, checklist);
        r.rechecks = (await this.records.recentlyClosedHazards(enterpriseId, since, 5)).map((h) => ({
          hazardId: h.id,
          hazardCode: hazardCode(h.seq),
          description: h.description,
          result: null,
          note: null,
          newHazardId: null,
        }));
        const saved = await this.records.save(r);
        const view = mapRecord(saved, names.get(enterpriseId)!);
        await this.audit.record({
          action: 'inspection.spot_check_started',
          entity: 'inspection_record',
          entityId: saved.id,
          after: view,
        });
        views.push(view);
      }
      return views;
    });
  }

  /**
   * Enterprises a zone inspection or spot check was started at or completed since `since`, or is
   * still due at, leaving out the records `except` (a draw's own inspections).
   */
  enterprisesCheckedSince(since: Date, except: string[] = []): Promise<string[]> {
    return this.records.enterprisesCheckedSince(since, except);
  }

  /**
   * Opens a spot check for each drawn pair, due within the period and carried out by the drawn
   * inspectors (the first leads), with the checklist and the hazards to re-inspect as `spotCheck`
   * gives them. Runs in the caller's transaction, which also records the draw.
   */
  async scheduleDrawn(
    pairs: { enterpriseId: string; inspectors: { id: string; name: string }[] }[],
    due: { dueOn: string; dueBy: string; checklist: { text: string; category: ChecklistItem['category'] }[] },
  ): Promise<string[]> {
    const me = this.me();
    const checklist = checklistOf(due.checklist);
    const since = new Date(this.clock.now().getTime() - 180 * 86_400_000);
    const names = await this.records.enterpriseNames(pairs.map((p) => p.enterpriseId));
    const ids: string[] = [];
    for (const p of pairs) {
      const r = this.newRecord('spot_check', p.enterpriseId, me, null, checklist);
      r.inspector = p.inspectors.map((i) => i.name).join('、');
      r.inspectorId = p.inspectors[0]?.id ?? null;
      r.dueOn = due.dueOn;
      r.dueBy = due.dueBy;
      r.rechecks = (await this.records.recentlyClosedHazards(p.enterpriseId, since, 5)).map((h) => ({
        hazardId: h.id,
        hazardCode: hazardCode(h.seq),
        description: h.description,
        result: null,
        note: null,
        newHazardId: null,
      }));
      const saved = await this.records.save(r);
      await this.audit.record({
        action: 'inspection.scheduled',
        entity: 'inspection_record',
        entityId: saved.id,
        after: mapRecord(saved, names.get(p.enterpriseId) ?? ''),
      });
      ids.push(saved.id);
    }
    return ids;
  }

  /**
   * Removes scheduled inspections nobody has begun (a draw replaced by another); refuses when one
   * has answers or is completed, as that work is on the record.
   */
  async withdrawScheduled(ids: string[]): Promise<void> {
    for (const id of ids) {
      const r = await this.records.findById(id);
      if (!r) continue;
      const begun = r.status !== 'open' || r.items.some((i) => i.result) || r.rechecks.some((c) => c.result);
      if (begun) {
        throw new ConflictError(
          problem('inspection.begun', 'The inspection at {enterprise} has begun; it cannot be withdrawn', {
            enterprise: (await this.records.enterpriseNames([r.enterpriseId])).get(r.enterpriseId) ?? '',
          }),
        );
      }
      await this.records.remove(r);
      await this.audit.record({
        action: 'inspection.withdrawn',
        entity: 'inspection_record',
        entityId: id,
        before: mapRecord(r, ''),
      });
    }
  }

  private newRecord(
    kind: InspectionKind,
    enterpriseId: string,
    me: Principal,
    planId: string | null,
    checklist: ChecklistItem[],
  ): InspectionRecord {
    const r = new InspectionRecord();
    r.kind = kind;
    r.enterpriseId = enterpriseId;
    r.planId = planId;
    r.inspector = me.name;
    r.inspectorId = me.id;
    r.status = 'open';
    r.startedAt = this.clock.now();
    r.completedAt = null;
    r.dueOn = null;
    r.dueBy = null;
    r.items = checklist.map((c) => ({
      itemId: c.id,
      text: c.text,
      category: c.category,
      result: null,
      note: null,
      hazardId: null,
      ...(c.riskPointId ? { riskPointId: c.riskPointId } : {}),
    }));
    r.rechecks = [];
    return r;
  }

  /**
   * Who may work an open record, and who carries it out: a record the schedule created has no
   * inspector until the first person answers it. Officers carry out their own self-inspections;
   * zone inspections and spot checks of their enterprise are the zone's.
   */
  private takeUp(r: InspectionRecord): string {
    const me = this.me();
    if (me.role === 'enterprise_officer' && r.kind !== 'self_inspection') {
      throw new ForbiddenError('A zone inspection or spot check is carried out by the zone');
    }
    if (r.inspector === null) {
      r.inspector = me.name;
      r.inspectorId = me.id;
      r.startedAt = this.clock.now();
    }
    return r.inspector;
  }

  /**
   * The photos an answer names must be uploads the caller can see, of the inspected enterprise
   * or not yet claimed (they become that enterprise's), as for a hazard's photos.
   */
  private async claimPhotos(r: InspectionRecord, dto: InspectionRecordAnswerDto): Promise<void> {
    const ids = (dto.items ?? []).flatMap((a) => a.photoIds ?? []);
    if (ids.length) await this.files.claim(ids, r.enterpriseId, 'items.photoIds');
  }

  private applyAnswers(r: InspectionRecord, dto: InspectionRecordAnswerDto): void {
    const problems: string[] = [];
    for (const a of dto.items ?? []) {
      const item = r.items.find((i) => i.itemId === a.itemId);
      if (!item) {
        problems.push(`items: no item ${a.itemId} in this checklist`);
        continue;
      }
      item.result = a.result ?? null;
      if (a.note !== undefined) item.note = a.note || null;
      if (a.level !== undefined) item.level = a.level;
      if (a.place !== undefined) item.place = a.place || null;
      if (a.harmAnalysis !== undefined) item.harmAnalysis = a.harmAnalysis || null;
      if (a.photoIds !== undefined) item.photoIds = a.photoIds;
    }
    for (const a of dto.rechecks ?? []) {
      const c = r.rechecks.find((x) => x.hazardId === a.hazardId);
      if (!c) {
        problems.push(`rechecks: hazard ${a.hazardId} is not to be re-inspected here`);
        continue;
      }
      c.result = a.result;
      c.note = a.note ?? null;
    }
    if (problems.length) throw new InvalidError(problems);
  }

  private applyPlan(p: InspectionPlan, dto: InspectionPlanCreateDto, me: Principal): void {
    if (me.role === 'enterprise_officer') {
      if (dto.kind !== 'self_inspection')
        throw new ForbiddenError('kind: an officer plans self-inspections only');
      if (dto.enterpriseId && dto.enterpriseId !== me.enterpriseId) {
        throw new ForbiddenError('enterpriseId: an officer plans for their own enterprise only');
      }
      p.enterpriseId = me.enterpriseId;
      p.enterpriseIds = [];
    } else {
      p.enterpriseId = dto.enterpriseId ?? null;
      p.enterpriseIds = dto.enterpriseId ? [] : [...new Set(dto.enterpriseIds ?? [])];
      if (dto.kind === 'self_inspection' && !p.enterpriseId) {
        throw new InvalidError(['enterpriseId: a self-inspection plan belongs to one enterprise']);
      }
    }
    if (dto.endsOn && dto.endsOn < dto.startsOn) throw new InvalidError(['endsOn: before startsOn']);
    p.title = dto.title;
    p.kind = dto.kind;
    p.frequency = dto.frequency;
    p.startsOn = dto.startsOn;
    p.endsOn = dto.endsOn ?? null;
    p.checklist =
      Array.isArray(dto.checklist) && dto.checklist.length && 'id' in dto.checklist[0]!
        ? (dto.checklist as unknown as ChecklistItem[])
        : checklistOf(dto.checklist);
  }

  /** As for records: an unknown enterprise is the caller's mistake, not a foreign-key failure. */
  private async assertEnterpriseExists(enterpriseId: string | null): Promise<void> {
    if (enterpriseId && !(await this.records.enterpriseNames([enterpriseId])).has(enterpriseId))
      throw new InvalidError(['enterpriseId: the enterprise does not exist']);
  }

  private async plan(id: string, field = 'id'): Promise<InspectionPlan> {
    const p = await this.plans.findById(id);
    if (!p) {
      if (field === 'id') throw new NotFoundError('Inspection plan not found');
      throw new InvalidError([`${field}: no such inspection plan`]);
    }
    return p;
  }

  private async view(r: InspectionRecord): Promise<InspectionRecordView> {
    const names = await this.records.enterpriseNames([r.enterpriseId]);
    return mapRecord(r, names.get(r.enterpriseId) ?? '');
  }

  private me(): Principal {
    const p = this.context.principal();
    if (!p) throw new UnauthenticatedError('Unauthorized');
    return p;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
