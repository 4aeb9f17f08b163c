import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { pageWindow } from '../common/paging.js';
import { type Principal, RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { ListResponse, HazardDetailView, HazardView } from '@muster/contracts';
import { Db } from '../database/db.js';
import { FileService } from '../files/file.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { PlanRepository } from '../plans/plan.repository.js';
import type {
  HazardCreateDto,
  HazardExportQueryDto,
  HazardListQueryDto,
  HazardTransitionDto,
  HazardUpdateDto,
} from './hazard.dto.js';
import { Hazard } from './hazard.entity.js';
import { HazardRepository, type HazardWithEnterprise } from './hazard.repository.js';
import { mapHazard, mapTransition } from './hazard.view.js';
import { allowedActions, decide } from './hazard-workflow.js';
import { isOverdue, zoneDate } from '../zone/zone-time.js';
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  UnauthenticatedError,
  domainError,
  problem,
} from '../common/domain-errors.js';

/** Fields that may still change once rectification has started; the finding itself is fixed. */
const EDITABLE_WHILE_RECTIFYING: ReadonlyArray<keyof HazardUpdateDto> = [
  'measures',
  'responsiblePerson',
  'funds',
  'deadline',
  'contingencyPlanRef',
  'contingencyPlanId',
  'governancePlan',
  'photoIds',
];

@Injectable()
export class HazardService {
  constructor(
    private readonly db: Db,
    private readonly hazards: HazardRepository,
    private readonly files: FileService,
    private readonly plans: PlanRepository,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: HazardListQueryDto): Promise<ListResponse<HazardView>> {
    const [rows, total] = await this.hazards.list({
      ...q,
      ...pageWindow(q),
      today: this.today(),
      timeZone: this.config.TZ,
    });
    return { items: await this.mapMany(rows), total };
  }

  /** The whole filtered ledger, for the export (capped well above any one zone's ledger). */
  async listAll(q: HazardExportQueryDto): Promise<HazardView[]> {
    const [rows] = await this.hazards.list({
      ...q,
      skip: 0,
      take: 50_000,
      today: this.today(),
      timeZone: this.config.TZ,
    });
    return this.mapMany(rows);
  }

  async get(id: string): Promise<HazardDetailView> {
    const h = await this.hazards.getById(id);
    return this.detail(h);
  }

  /** `origin`: the inspection record or the closed hazard (a recurrence) this one comes from. */
  async create(
    dto: HazardCreateDto,
    origin: { inspectionRecordId?: string; recurrenceOf?: string } = {},
  ): Promise<HazardDetailView> {
    const me = this.me();
    const enterpriseId = this.ownerOf(me, dto.enterpriseId);
    return this.db.transaction(async () => {
      const enterpriseName = await this.hazards.enterpriseName(enterpriseId);
      if (!enterpriseName) throw new InvalidError(['enterpriseId: the enterprise does not exist']);
      await this.checkContingencyPlan(dto.contingencyPlanId, enterpriseId);
      const now = this.clock.now();
      const h = new Hazard();
      h.enterpriseId = enterpriseId;
      h.status = 'found';
      h.foundBy = dto.foundBy ?? me.name;
      h.foundAt = dto.foundAt ? new Date(dto.foundAt) : now;
      if (h.foundAt.getTime() > now.getTime() + 5 * 60_000) {
        throw new InvalidError(['foundAt: must not be in the future']);
      }
      h.createdBy = me.id;
      h.photoIds = [];
      h.reportedToZoneAt = null;
      h.inspectionRecordId = origin.inspectionRecordId ?? null;
      h.recurrenceOf = origin.recurrenceOf ?? null;
      apply(h, dto);
      if (dto.photoIds?.length) await this.files.claim(dto.photoIds, enterpriseId);
      if (h.level === 'major') h.reportedToZoneAt = now;
      const saved = await this.hazards.save(h);
      await this.hazards.addTransition({
        hazardId: saved.id,
        action: 'create',
        fromStatus: null,
        toStatus: 'found',
        comment: null,
        photoIds: saved.photoIds,
        ...actorOf(me),
      });
      const view = await this.detail(await this.hazards.getById(saved.id));
      await this.audit.record({
        action: 'hazard.created',
        entity: 'hazard',
        entityId: saved.id,
        after: view,
      });
      if (saved.level === 'major') await this.reportMajor(view);
      return view;
    });
  }

  async update(id: string, dto: HazardUpdateDto): Promise<HazardDetailView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const h = await this.hazards.getForUpdate(id);
      if (!['zone_admin', 'inspector', 'enterprise_officer'].includes(me.role))
        throw new ForbiddenError('Forbidden');
      if (h.status === 'submitted' || h.status === 'closed') {
        throw new ConflictError(`A hazard that is ${h.status} cannot be edited`);
      }
      const given = (Object.keys(dto) as (keyof HazardUpdateDto)[]).filter((k) => dto[k] !== undefined);
      if (given.includes('enterpriseId') && dto.enterpriseId !== h.enterpriseId) {
        throw new InvalidError(['enterpriseId: a hazard cannot move to another enterprise']);
      }
      if (h.status === 'rectifying') {
        const fixed = given.filter((k) => k !== 'enterpriseId' && !EDITABLE_WHILE_RECTIFYING.includes(k));
        if (fixed.length) {
          throw new ConflictError(
            `While rectifying only the five in place may change, not: ${fixed.join(', ')}`,
          );
        }
      }
      const wasMajor = h.level === 'major';
      if (wasMajor && dto.level === 'general' && me.role === 'enterprise_officer') {
        throw new ForbiddenError('Only the zone may downgrade a major hazard to general');
      }
      const before = await this.detail(h);
      await this.checkContingencyPlan(dto.contingencyPlanId, h.enterpriseId);
      if (dto.photoIds) await this.files.claim(dto.photoIds, h.enterpriseId);
      apply(h, dto);
      const now = this.clock.now();
      if (h.level === 'major' && !h.reportedToZoneAt) h.reportedToZoneAt = now;
      await this.hazards.save(h);
      await this.hazards.addTransition({
        hazardId: h.id,
        action: 'update',
        fromStatus: h.status,
        toStatus: h.status,
        comment: `修改: ${given.join(', ')}`,
        photoIds: [],
        ...actorOf(me),
      });
      const view = await this.detail(await this.hazards.getById(h.id));
      await this.audit.record({
        action: 'hazard.updated',
        entity: 'hazard',
        entityId: id,
        before,
        after: view,
      });
      if (!wasMajor && h.level === 'major') await this.reportMajor(view);
      return view;
    });
  }

  async transition(id: string, dto: HazardTransitionDto): Promise<HazardDetailView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const h = await this.hazards.getForUpdate(id);
      const photoIds = [...new Set(dto.photoIds ?? [])];
      const outcome = decide(h, dto.action, me, { comment: dto.comment, photoCount: photoIds.length });
      if (!outcome.ok) {
        const refusal = outcome.code ? problem(outcome.code, outcome.message) : outcome.message;
        throw domainError(outcome.status, outcome.status === 400 ? [refusal] : refusal);
      }
      if (photoIds.length) await this.files.claim(photoIds, h.enterpriseId);
      const before = await this.detail(h);
      const from = h.status;
      const now = this.clock.now();
      h.status = outcome.to;
      switch (dto.action) {
        case 'submit':
          h.submittedAt = now;
          h.submittedBy = me.id;
          break;
        case 'reject':
          h.submittedAt = null;
          h.submittedBy = null;
          break;
        case 'accept':
        case 'close_on_spot':
          h.closedAt = now;
          h.closedBy = me.id;
          break;
      }
      await this.hazards.save(h);
      await this.hazards.addTransition({
        hazardId: h.id,
        action: dto.action,
        fromStatus: from,
        toStatus: h.status,
        comment: dto.comment?.trim() || null,
        photoIds,
        at: now,
        ...actorOf(me),
      });
      const view = await this.detail(await this.hazards.getById(h.id));
      await this.audit.record({
        action: `hazard.${dto.action}`,
        entity: 'hazard',
        entityId: h.id,
        before,
        after: { ...view, comment: dto.comment ?? null, transitionPhotoIds: photoIds },
      });
      await this.notifyTransition(view, dto.action, before.submittedBy, me, dto.comment);
      return view;
    });
  }

  private async notifyTransition(
    view: HazardDetailView,
    action: HazardTransitionDto['action'],
    submittedBy: string | null,
    me: Principal,
    comment: string | undefined,
  ): Promise<void> {
    const base = { entity: 'hazard', entityId: view.id };
    const params = { code: view.code, enterprise: view.enterpriseName, place: view.place };
    if (action === 'submit') {
      // Whoever can accept it: zone inspectors always; for a general hazard also the
      // enterprise's other officers (its own acceptance), never the submitter.
      const message = { ...base, kind: 'hazard.submitted' as const, params };
      await this.notifications.notify({ roles: ['inspector'] }, message);
      if (view.level === 'general') {
        const officers = await this.notifications.activeUserIds(['enterprise_officer'], view.enterpriseId);
        await this.notifications.notify({ userIds: officers.filter((id) => id !== me.id) }, message);
      }
    } else if (action === 'reject' && submittedBy && submittedBy !== me.id) {
      await this.notifications.notify(
        { userIds: [submittedBy] },
        { ...base, kind: 'hazard.rejected', params: { ...params, comment: comment?.trim() ?? '' } },
      );
    } else if (action === 'accept' || action === 'close_on_spot') {
      await this.notifications.notify(
        { roles: ['enterprise_officer'], enterpriseId: view.enterpriseId },
        { ...base, kind: 'hazard.closed', params },
      );
    }
  }

  /** Order 16: a major hazard is reported to the zone at once. */
  private async reportMajor(view: HazardView): Promise<void> {
    await this.notifications.notify(
      { roles: ['inspector'] },
      {
        kind: 'hazard.major_reported',
        params: {
          code: view.code,
          enterprise: view.enterpriseName,
          place: view.place,
          description: view.description,
        },
        entity: 'hazard',
        entityId: view.id,
      },
    );
  }

  async detail(h: Hazard): Promise<HazardDetailView> {
    const [history, enterpriseName] = await Promise.all([
      this.hazards.transitions(h.id),
      this.hazards.enterpriseName(h.enterpriseId),
    ]);
    const files = await this.files.viewsByIds([...h.photoIds, ...history.flatMap((t) => t.photoIds)]);
    const me = this.context.principal();
    return {
      ...mapHazard(
        h,
        enterpriseName ?? '',
        files,
        isOverdue(h.deadline, this.clock.now(), this.config.TZ) && h.status !== 'closed',
      ),
      history: history.map((t) => mapTransition(t, files)),
      allowedActions: me ? allowedActions(h, me) : [],
    };
  }

  private async mapMany(rows: HazardWithEnterprise[]): Promise<HazardView[]> {
    const files = await this.files.viewsByIds(rows.flatMap((r) => r.hazard.photoIds));
    const now = this.clock.now();
    return rows.map(({ hazard, enterpriseName }) =>
      mapHazard(
        hazard,
        enterpriseName,
        files,
        hazard.status !== 'closed' && isOverdue(hazard.deadline, now, this.config.TZ),
      ),
    );
  }

  today(): string {
    return zoneDate(this.clock.now(), this.config.TZ);
  }

  /** An officer records hazards of their own enterprise; zone users name the enterprise. */
  /**
   * The contingency plan a hazard names must be one the caller can read (an officer: their
   * enterprise's or the zone's; any other id is not found, as on a read), and one of the hazard's
   * own enterprise or of the zone.
   */
  private async checkContingencyPlan(planId: string | null | undefined, enterpriseId: string): Promise<void> {
    if (!planId) return;
    const plan = await this.plans.getById(planId);
    if (plan.enterpriseId && plan.enterpriseId !== enterpriseId) {
      throw new InvalidError(['contingencyPlanId: the plan belongs to another enterprise']);
    }
  }

  private ownerOf(me: Principal, requested: string | undefined): string {
    if (me.role === 'enterprise_officer') {
      if (requested && requested !== me.enterpriseId) {
        throw new ForbiddenError('enterpriseId: an officer records hazards of their own enterprise only');
      }
      return me.enterpriseId!;
    }
    if (!requested) throw new InvalidError(['enterpriseId: required']);
    return requested;
  }

  private me(): Principal {
    const p = this.context.principal();
    if (!p) throw new UnauthenticatedError('Unauthorized');
    return p;
  }
}

function actorOf(p: Principal) {
  return { actorId: p.id, actorName: p.name, actorRole: p.role };
}

function apply(h: Hazard, dto: HazardUpdateDto): void {
  const { location, enterpriseId: _e, foundAt, photoIds, governancePlan, ...rest } = dto;
  void _e;
  for (const [k, v] of Object.entries(rest)) {
    if (v !== undefined) (h as unknown as Record<string, unknown>)[k] = v;
  }
  if (location !== undefined) {
    h.lat = location?.lat ?? null;
    h.lng = location?.lng ?? null;
  }
  if (foundAt !== undefined) h.foundAt = new Date(foundAt);
  if (photoIds !== undefined) h.photoIds = [...new Set(photoIds)];
  if (governancePlan !== undefined) h.governancePlan = governancePlan ? { ...governancePlan } : null;
  for (const k of [
    'lat',
    'lng',
    'measures',
    'responsiblePerson',
    'funds',
    'deadline',
    'contingencyPlanRef',
    'contingencyPlanId',
    'governancePlan',
  ] as const) {
    if (h[k] === undefined) (h as unknown as Record<string, unknown>)[k] = null;
  }
}
