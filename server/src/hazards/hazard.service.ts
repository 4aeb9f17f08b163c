import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { pageWindow } from '../common/paging.js';
import { type Principal, RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import {
  type AuditAction,
  type HazardDetailView,
  type HazardNoticeView,
  type HazardRecordStep,
  type HazardView,
  type ListResponse,
  type NotificationKind,
  type Role,
  hazardCode,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { Broadcaster } from '../room-log/broadcaster.js';
import { FileService } from '../files/file.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { PlanRepository } from '../plans/plan.repository.js';
import type {
  HazardCreateDto,
  HazardExportQueryDto,
  HazardEvaluationDto,
  HazardListQueryDto,
  HazardNoticeQueryDto,
  HazardResumptionDto,
  HazardResumptionReviewDto,
  HazardStoppageDto,
  HazardSupervisionDto,
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
  'harmAnalysis',
  'photoIds',
];

/** The enterprise records its own steps of closing a major hazard; zone admins may act for it. */
const ENTERPRISE_SIDE: readonly Role[] = ['enterprise_officer', 'zone_admin'];
/** The regulator's side: reviewing resumption and listing for supervision. */
const REGULATOR_SIDE: readonly Role[] = ['inspector', 'zone_admin'];

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
    private readonly live: Broadcaster,
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

  /**
   * The ledger numbers and owners of the caller's hazards among `ids`, for records that name
   * hazards (an enforcement case's violations); one query for the whole list.
   */
  async codesByIds(ids: readonly string[]): Promise<Map<string, { code: string; enterpriseId: string }>> {
    const rows = await this.hazards.inScopeByIds([...new Set(ids)]);
    return new Map(rows.map((h) => [h.id, { code: hazardCode(h.seq), enterpriseId: h.enterpriseId }]));
  }

  /**
   * `origin`: the inspection record or the closed hazard (a recurrence) this one comes from, and
   * the risk point whose control measure failed.
   */
  async create(
    dto: HazardCreateDto,
    origin: { inspectionRecordId?: string; recurrenceOf?: string; riskPointId?: string } = {},
  ): Promise<HazardDetailView> {
    const { person: me, name } = this.recorder();
    const enterpriseId = this.ownerOf(me, dto.enterpriseId);
    return this.db.transaction(async () => {
      const enterpriseName = await this.hazards.enterpriseName(enterpriseId);
      if (!enterpriseName) throw new InvalidError(['enterpriseId: the enterprise does not exist']);
      await this.checkContingencyPlan(dto.contingencyPlanId, enterpriseId);
      const now = this.clock.now();
      const h = new Hazard();
      h.enterpriseId = enterpriseId;
      h.status = 'found';
      h.foundBy = dto.foundBy ?? name;
      h.foundAt = dto.foundAt ? new Date(dto.foundAt) : now;
      if (h.foundAt.getTime() > now.getTime() + 5 * 60_000) {
        throw new InvalidError(['foundAt: must not be in the future']);
      }
      h.createdBy = me?.id ?? null;
      h.photoIds = [];
      h.reportedToZoneAt = null;
      h.inspectionRecordId = origin.inspectionRecordId ?? null;
      h.recurrenceOf = origin.recurrenceOf ?? null;
      h.riskPointId = origin.riskPointId ?? null;
      apply(h, dto);
      requireHarmAnalysis(h);
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
        ...(me ? actorOf(me) : { actorId: null, actorName: h.foundBy, actorRole: 'system' }),
      });
      const view = await this.detail(await this.hazards.getById(saved.id));
      await this.audit.record({
        action: 'hazard.created',
        entity: 'hazard',
        entityId: saved.id,
        after: view,
      });
      this.changed();
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
      // Asked of a hazard becoming major or of an edit to the analysis itself, so that an older
      // major hazard recorded before the field existed can still have its five in place edited.
      if (dto.level !== undefined || dto.harmAnalysis !== undefined) requireHarmAnalysis(h);
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
      this.changed();
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
      this.changed();
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

  /** Order 16 Art. 16: production stopped in part or whole, and people withdrawn, while fixing. */
  recordStoppage(id: string, dto: HazardStoppageDto): Promise<HazardDetailView> {
    return this.majorStep(id, 'stoppage', 'hazard.stoppage_recorded', ENTERPRISE_SIDE, (h, me, now) => {
      if (h.status === 'closed') throw new ConflictError('stoppage: the hazard is closed');
      if (h.resumption && h.resumption.decision !== 'refused') {
        throw new ConflictError(
          'stoppage: resumption has been applied for; the stoppage can no longer change',
        );
      }
      if (dto.from > this.today()) throw new InvalidError(['from: must not be in the future']);
      h.stoppage = {
        scope: dto.scope,
        what: dto.what,
        peopleWithdrawn: dto.peopleWithdrawn,
        from: dto.from,
        until: null,
        recordedBy: me.name,
        recordedAt: now.toISOString(),
      };
      return `${dto.scope === 'whole' ? '全部' : '局部'}停产停业：${dto.what}（${dto.from} 起）`;
    });
  }

  /** Order 16 Art. 18: the finished fix evaluated by the unit's technical staff or an agency. */
  recordEvaluation(id: string, dto: HazardEvaluationDto): Promise<HazardDetailView> {
    return this.majorStep(
      id,
      'evaluation',
      'hazard.evaluation_recorded',
      ENTERPRISE_SIDE,
      async (h, me, now) => {
        if (h.status !== 'rectifying' && h.status !== 'submitted') {
          throw new ConflictError(`evaluation: a hazard that is ${h.status} has no finished fix to evaluate`);
        }
        if (h.resumption && h.resumption.decision !== 'refused') {
          throw new ConflictError('evaluation: resumption has been applied for on this evaluation');
        }
        if (dto.date > this.today()) throw new InvalidError(['date: must not be in the future']);
        if (dto.reportFileId) await this.files.claim([dto.reportFileId], h.enterpriseId);
        h.evaluation = {
          by: dto.by,
          evaluator: dto.evaluator,
          date: dto.date,
          passed: dto.passed,
          conclusion: dto.conclusion,
          reportFileId: dto.reportFileId ?? null,
          recordedBy: me.name,
          recordedAt: now.toISOString(),
        };
        return `${dto.evaluator}（${dto.date}）：${dto.conclusion}`;
      },
    );
  }

  /** Order 16 Art. 18: where production stopped, the unit applies to resume after the evaluation. */
  applyResumption(id: string, dto: HazardResumptionDto): Promise<HazardDetailView> {
    return this.majorStep(
      id,
      'resumption_applied',
      'hazard.resumption_applied',
      ENTERPRISE_SIDE,
      (h, me, now) => {
        if (h.status !== 'rectifying' && h.status !== 'submitted') {
          throw new ConflictError(`resumption: a hazard that is ${h.status} cannot apply to resume`);
        }
        if (!h.stoppage) throw new ConflictError('resumption: production was not stopped for this hazard');
        if (!h.evaluation?.passed) {
          throw new ConflictError('resumption: apply after an evaluation that found the hazard eliminated');
        }
        if (h.resumption && h.resumption.decision !== 'refused') {
          throw new ConflictError(`resumption: the application is already ${h.resumption.decision}`);
        }
        h.resumption = {
          decision: 'pending',
          note: dto.note,
          appliedAt: now.toISOString(),
          appliedBy: me.name,
          reviewNote: null,
          reviewedAt: null,
          reviewedBy: null,
        };
        return dto.note;
      },
      { kind: 'hazard.resumption_applied', to: 'inspectors', params: { note: dto.note } },
    );
  }

  /** Order 16 Art. 18: the regulator reviews the application; a refusal keeps the hazard open. */
  reviewResumption(id: string, dto: HazardResumptionReviewDto): Promise<HazardDetailView> {
    const approved = dto.decision === 'approve';
    return this.majorStep(
      id,
      'resumption_reviewed',
      'hazard.resumption_reviewed',
      ['inspector'],
      (h, me, now) => {
        if (h.resumption?.decision !== 'pending') {
          throw new ConflictError('resumption: there is no application awaiting review');
        }
        h.resumption = {
          ...h.resumption,
          decision: approved ? 'approved' : 'refused',
          reviewNote: dto.note,
          reviewedAt: now.toISOString(),
          reviewedBy: me.name,
        };
        if (approved && h.stoppage) h.stoppage = { ...h.stoppage, until: this.today() };
        return `${approved ? '同意恢复生产' : '不同意恢复生产'}：${dto.note}`;
      },
      {
        kind: approved ? 'hazard.resumption_approved' : 'hazard.resumption_refused',
        to: 'enterprise',
        params: { note: dto.note },
      },
    );
  }

  /** 挂牌督办: the regulator lists a major hazard with its issuing body and deadline. */
  listSupervision(id: string, dto: HazardSupervisionDto): Promise<HazardDetailView> {
    return this.majorStep(
      id,
      'supervision_listed',
      'hazard.supervision_listed',
      REGULATOR_SIDE,
      (h, me, now) => {
        if (h.status === 'closed') throw new ConflictError('listedSupervision: the hazard is closed');
        h.listedSupervision = {
          body: dto.body,
          deadline: dto.deadline,
          listedAt: now.toISOString(),
          listedBy: me.name,
        };
        return `${dto.body}挂牌督办，期限 ${dto.deadline}`;
      },
      {
        kind: 'hazard.listed_supervision',
        to: 'enterprise',
        params: { body: dto.body, deadline: dto.deadline },
      },
    );
  }

  liftSupervision(id: string): Promise<HazardDetailView> {
    return this.majorStep(id, 'supervision_lifted', 'hazard.supervision_lifted', REGULATOR_SIDE, (h) => {
      if (!h.listedSupervision) throw new ConflictError('listedSupervision: the hazard is not listed');
      const was = h.listedSupervision.body;
      h.listedSupervision = null;
      return `解除${was}挂牌督办`;
    });
  }

  /**
   * One step of closing a major hazard: the caller's side, the row locked, the change, a line
   * in its history, the audit row, and the notice to whoever must act next.
   */
  private async majorStep(
    id: string,
    step: HazardRecordStep,
    auditAction: AuditAction,
    roles: readonly Role[],
    change: (h: Hazard, me: Principal, now: Date) => string | Promise<string>,
    notice?: { kind: NotificationKind; to: 'inspectors' | 'enterprise'; params: Record<string, string> },
  ): Promise<HazardDetailView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const h = await this.hazards.getForUpdate(id);
      if (!roles.includes(me.role)) {
        throw new ForbiddenError(`A ${me.role} may not record this step of a major hazard`);
      }
      if (me.role === 'enterprise_officer' && me.enterpriseId !== h.enterpriseId) {
        throw new ForbiddenError('The hazard belongs to another enterprise');
      }
      if (h.level !== 'major')
        throw new ConflictError('level: only a major hazard has this step (Order 16 Art. 16, 18)');
      const before = await this.detail(h);
      const now = this.clock.now();
      const comment = await change(h, me, now);
      await this.hazards.save(h);
      await this.hazards.addTransition({
        hazardId: h.id,
        action: step,
        fromStatus: h.status,
        toStatus: h.status,
        comment,
        photoIds: [],
        at: now,
        ...actorOf(me),
      });
      const view = await this.detail(await this.hazards.getById(h.id));
      await this.audit.record({ action: auditAction, entity: 'hazard', entityId: h.id, before, after: view });
      this.changed();
      if (notice) {
        const message = {
          kind: notice.kind,
          entity: 'hazard',
          entityId: h.id,
          params: { code: view.code, enterprise: view.enterpriseName, place: view.place, ...notice.params },
        };
        await this.notifications.notify(
          notice.to === 'inspectors'
            ? { roles: ['inspector'] }
            : { roles: ['enterprise_officer'], enterpriseId: h.enterpriseId },
          message,
        );
      }
      return view;
    });
  }

  /**
   * Work Safety Law Art. 41: the enterprise's open hazards and their measures, as the notice
   * its employees are shown. An officer gets their own enterprise's; another's is forbidden.
   */
  async notice(q: HazardNoticeQueryDto): Promise<HazardNoticeView> {
    const me = this.me();
    let enterpriseId = q.enterpriseId;
    if (me.role === 'enterprise_officer') {
      if (enterpriseId && enterpriseId !== me.enterpriseId) {
        throw new ForbiddenError("enterpriseId: an officer sees their own enterprise's notice only");
      }
      enterpriseId = me.enterpriseId!;
    }
    if (!enterpriseId) throw new InvalidError(['enterpriseId: required']);
    const enterpriseName = await this.hazards.enterpriseName(enterpriseId);
    if (!enterpriseName) throw new InvalidError(['enterpriseId: the enterprise does not exist']);
    const [rows] = await this.hazards.list({
      enterpriseId,
      status: ['found', 'rectifying', 'submitted'],
      sort: 'deadline',
      order: 'asc',
      skip: 0,
      take: 5_000,
      today: this.today(),
      timeZone: this.config.TZ,
    });
    const items = rows
      .map(({ hazard: h }) => ({
        code: hazardCode(h.seq),
        level: h.level,
        status: h.status,
        place: h.place,
        description: h.description,
        measures: h.measures,
        responsiblePerson: h.responsiblePerson,
        deadline: h.deadline,
      }))
      // Major hazards head the notice; within a level, the nearest deadline first.
      .sort((a, b) => (a.level === b.level ? 0 : a.level === 'major' ? -1 : 1));
    return { enterpriseId, enterpriseName, date: this.today(), items };
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

  /** The zone's hazard figures moved: the leaders' dashboard reads them again once this commits. */
  private changed(): void {
    this.db.afterCommit(() => this.live.zoneChanged({ topic: 'hazards' }));
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

  private ownerOf(me: Principal | null, requested: string | undefined): string {
    if (me?.role === 'enterprise_officer') {
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

  /**
   * Who records a new hazard: the caller, or a system process acting for the zone (a monitoring
   * alarm opening one), which records under its name with no user behind it.
   */
  private recorder(): { person: Principal | null; name: string } {
    const system = this.context.principal() ? null : this.context.systemActor();
    if (system) return { person: null, name: system };
    const me = this.me();
    return { person: me, name: me.name };
  }
}

/** Order 16 Art. 14: the report of a major hazard includes the analysis of harm and difficulty. */
function requireHarmAnalysis(h: Hazard): void {
  if (h.level === 'major' && !h.harmAnalysis?.trim()) {
    throw new InvalidError([
      problem(
        'hazard.harmAnalysisRequired',
        'harmAnalysis: a major hazard report needs the analysis of harm and of how hard it is to fix (Order 16 Art. 14)',
      ),
    ]);
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
    'harmAnalysis',
  ] as const) {
    if (h[k] === undefined) (h as unknown as Record<string, unknown>)[k] = null;
  }
}
