import { Inject, Injectable } from '@nestjs/common';
import {
  type FileView,
  type ListResponse,
  MODEL_ENTERPRISE_TITLE,
  type ModelApplicationDetail,
  type ModelApplicationView,
  type ModelCriteriaView,
  type ModelEnterpriseView,
  type ModelPrerequisiteCheck,
  VETO_SEVERITIES,
  modelTitleValidUntil,
  sumPoints,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { ConflictError, InvalidError, NotFoundError, problem } from '../common/domain-errors.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { FileService } from '../files/file.service.js';
import { HazardRepository } from '../hazards/hazard.repository.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { zoneDate } from '../zone/zone-time.js';
import type {
  ApplicationCreateDto,
  ApplicationListQueryDto,
  CriteriaDto,
  DecisionDto,
  ReturnDto,
  ReviewDto,
  SelfAssessmentDto,
} from './culture.dto.js';
import { ModelApplication, ModelCriteria, type StoredApplicationItem } from './culture.entities.js';
import { ModelApplicationRepository, ModelCriteriaRepository } from './culture.repository.js';
import { mapApplication, mapCriteria } from './culture.view.js';

const EDITABLE = ['draft', 'returned'] as const;

/**
 * The model-enterprise programme (安全文化建设示范企业创建): the zone's yearly criteria, an
 * enterprise's application with its self-assessment and evidence, the zone's review, and the award.
 */
@Injectable()
export class ModelProgrammeService {
  constructor(
    private readonly db: Db,
    private readonly criteria: ModelCriteriaRepository,
    private readonly applications: ModelApplicationRepository,
    private readonly enterprises: EnterpriseService,
    private readonly incidents: IncidentRepository,
    private readonly hazards: HazardRepository,
    private readonly files: FileService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): string {
    return zoneDate(this.clock.now(), this.config.TZ);
  }

  async criteriaList(): Promise<ModelCriteriaView[]> {
    return (await this.criteria.list()).map(mapCriteria);
  }

  async criteriaOf(year: number): Promise<ModelCriteriaView> {
    return mapCriteria(await this.requireCriteria(year));
  }

  /**
   * Publishes or changes a year's checklist. Once an application of the year is with the zone or
   * decided, its items are what was scored, and stay.
   */
  async setCriteria(year: number, dto: CriteriaDto): Promise<ModelCriteriaView> {
    const codes = dto.items.map((i) => i.code);
    const problems = codes
      .filter((c, i) => codes.indexOf(c) !== i)
      .map((c) => `items: code ${c} appears more than once`);
    const total = sumPoints(dto.items.map((i) => i.points));
    if (dto.passScore > total) problems.push(`passScore: higher than the ${total} points the items give`);
    if (problems.length) throw new InvalidError(problems);
    return this.db.transaction(async () => {
      const before = await this.criteria.get(year);
      if (
        before &&
        (await this.applications.countForYear(year, ['submitted', 'awarded', 'declined', 'returned']))
      ) {
        throw new ConflictError(
          problem(
            'culture.criteriaInUse',
            'The year’s criteria are in use by applications under review or decided',
          ),
        );
      }
      const saved = await this.criteria.save(
        Object.assign(new ModelCriteria(), {
          year,
          items: dto.items.map((i) => ({
            code: i.code,
            section: i.section,
            title: i.title,
            points: i.points,
            evidence: i.evidence,
          })),
          passScore: dto.passScore,
          incidentYears: dto.incidentYears,
          validityYears: dto.validityYears,
          updatedBy: this.context.principal()?.id ?? null,
        }),
      );
      const view = mapCriteria((await this.criteria.get(saved.year))!);
      await this.audit.record({
        action: 'model_criteria.updated',
        entity: 'model_criteria',
        entityId: String(year),
        before: before ? mapCriteria(before) : null,
        after: view,
      });
      return view;
    });
  }

  /**
   * What stands in the way of an enterprise applying, as of now: an incident of relatively
   * serious grade or worse within the criteria's years (drills aside), or a major hazard past its
   * rectification deadline. Read through the incidents' and hazards' own scoped repositories.
   */
  async prerequisites(enterpriseId: string, incidentYears: number): Promise<ModelPrerequisiteCheck[]> {
    const now = this.clock.now();
    const tz = this.config.TZ;
    const from = new Date(now);
    from.setUTCFullYear(from.getUTCFullYear() - incidentYears);
    const serious = incidentYears
      ? (await this.incidents.forStatistics(from, now)).filter(
          (i) => i.enterpriseId === enterpriseId && !i.isDrill && VETO_SEVERITIES.includes(i.severity),
        ).length
      : 0;
    const today = zoneDate(now, tz);
    const overdue = (await this.hazards.statRows({ enterpriseId, timeZone: tz })).filter(
      (h) => h.level === 'major' && h.status !== 'closed' && h.deadline !== null && today > h.deadline,
    ).length;
    return [
      {
        code: 'no_serious_incident',
        ok: serious === 0,
        count: serious,
        years: incidentYears,
        since: zoneDate(from, tz),
      },
      { code: 'no_overdue_major_hazard', ok: overdue === 0, count: overdue, years: null, since: null },
    ];
  }

  /** The caller's own (an officer) or a named enterprise's checks against a year's criteria. */
  async prerequisitesFor(year: number, requested: string | undefined): Promise<ModelPrerequisiteCheck[]> {
    const enterpriseId = this.ownOr(requested);
    const [enterprise] = await this.enterprises.profiles(enterpriseId);
    if (!enterprise) throw new NotFoundError('Enterprise not found');
    return this.prerequisites(enterpriseId, (await this.requireCriteria(year)).incidentYears);
  }

  async list(q: ApplicationListQueryDto): Promise<ListResponse<ModelApplicationView>> {
    const [rows, total] = await this.applications.list({ ...q, ...pageWindow(q) });
    return { items: await this.mapMany(rows), total };
  }

  async detail(id: string): Promise<ModelApplicationDetail> {
    const m = await this.applications.getById(id);
    const criteria = await this.requireCriteria(m.year);
    const [application] = await this.mapMany([m]);
    return {
      application: application!,
      criteria: mapCriteria(criteria),
      prerequisites: await this.prerequisites(m.enterpriseId, criteria.incidentYears),
    };
  }

  /** An enterprise opens its application for a year whose criteria are published. */
  async create(dto: ApplicationCreateDto): Promise<ModelApplicationDetail> {
    const enterpriseId = this.ownOr(undefined);
    if (!(await this.criteria.get(dto.year))) {
      throw new InvalidError([
        problem('culture.noCriteria', `year: no criteria published for ${dto.year}`, { year: dto.year }),
      ]);
    }
    const id = await this.db.transaction(async () => {
      const saved = await this.applications.save(
        Object.assign(new ModelApplication(), {
          enterpriseId,
          year: dto.year,
          status: 'draft',
          items: [],
          submittedAt: null,
          returnNote: null,
          decidedAt: null,
          decidedBy: null,
          decisionReason: null,
          validUntil: null,
          createdBy: this.context.principal()?.id ?? null,
        }),
      );
      await this.audit.record({
        action: 'model_application.created',
        entity: 'model_application',
        entityId: saved.id,
        after: { enterpriseId, year: dto.year, status: 'draft' },
      });
      return saved.id;
    });
    return this.detail(id);
  }

  /** The enterprise's self-assessment: per item its points, a note and its evidence files. */
  async saveSelf(id: string, dto: SelfAssessmentDto): Promise<ModelApplicationDetail> {
    await this.db.transaction(async () => {
      const m = await this.applications.lockById(id);
      this.requireStatus(m, EDITABLE);
      const criteria = await this.requireCriteria(m.year);
      const points = new Map(criteria.items.map((i) => [i.code, i.points]));
      const problems: string[] = [];
      dto.items.forEach((item, i) => {
        const max = points.get(item.code);
        if (max === undefined)
          problems.push(`items.${i}.code: no item ${item.code} in the ${m.year} criteria`);
        else if (item.selfScore > max)
          problems.push(`items.${i}.selfScore: more than the item’s ${max} points`);
      });
      if (problems.length) throw new InvalidError(problems);
      const before = await this.view(m);
      const stored = new Map(m.items.map((s) => [s.code, s]));
      for (const [i, item] of dto.items.entries()) {
        const ids = [...new Set(item.evidenceFileIds ?? [])];
        if (ids.length) await this.files.claim(ids, m.enterpriseId, `items.${i}.evidenceFileIds`);
        stored.set(item.code, {
          ...(stored.get(item.code) ?? { reviewScore: null, reviewNote: '' }),
          code: item.code,
          selfScore: item.selfScore,
          selfNote: item.selfNote ?? '',
          evidenceFileIds: ids,
        });
      }
      m.items = [...stored.values()].filter((s) => points.has(s.code));
      await this.applications.save(m);
      await this.audit.record({
        action: 'model_application.updated',
        entity: 'model_application',
        entityId: id,
        before,
        after: await this.view(m),
      });
    });
    return this.detail(id);
  }

  /** To the zone: every item self-assessed, and no prerequisite failing. */
  async submit(id: string): Promise<ModelApplicationDetail> {
    await this.db.transaction(async () => {
      const m = await this.applications.lockById(id);
      this.requireStatus(m, EDITABLE);
      const criteria = await this.requireCriteria(m.year);
      const done = new Set(m.items.filter((s) => s.selfScore !== null).map((s) => s.code));
      const missing = criteria.items.filter((i) => !done.has(i.code)).map((i) => i.code);
      if (missing.length) {
        throw new InvalidError([
          problem('culture.itemsMissing', `items: no self-assessment for ${missing.join(', ')}`, {
            codes: missing.join(', '),
          }),
        ]);
      }
      const failing = (await this.prerequisites(m.enterpriseId, criteria.incidentYears)).filter((p) => !p.ok);
      if (failing.length) {
        throw new ConflictError(
          failing.map((p) =>
            p.code === 'no_serious_incident'
              ? problem(
                  'culture.prerequisiteIncident',
                  `An incident of relatively serious grade or worse since ${p.since} blocks applying`,
                  { count: p.count, since: p.since! },
                )
              : problem(
                  'culture.prerequisiteHazard',
                  `${p.count} major hazard(s) past their rectification deadline block applying`,
                  { count: p.count },
                ),
          ),
        );
      }
      const before = await this.view(m);
      m.status = 'submitted';
      m.submittedAt = this.clock.now();
      await this.applications.save(m);
      await this.audit.record({
        action: 'model_application.submitted',
        entity: 'model_application',
        entityId: id,
        before,
        after: await this.view(m),
      });
    });
    return this.detail(id);
  }

  /** The zone scores items (each up to its points) and notes what it saw. */
  async review(id: string, dto: ReviewDto): Promise<ModelApplicationDetail> {
    await this.db.transaction(async () => {
      const m = await this.applications.lockById(id);
      this.requireStatus(m, ['submitted']);
      const criteria = await this.requireCriteria(m.year);
      const points = new Map(criteria.items.map((i) => [i.code, i.points]));
      const stored = new Map(m.items.map((s) => [s.code, s]));
      const problems: string[] = [];
      dto.items.forEach((item, i) => {
        const max = points.get(item.code);
        if (max === undefined)
          problems.push(`items.${i}.code: no item ${item.code} in the ${m.year} criteria`);
        else if (item.reviewScore > max)
          problems.push(`items.${i}.reviewScore: more than the item’s ${max} points`);
      });
      if (problems.length) throw new InvalidError(problems);
      const before = await this.view(m);
      for (const item of dto.items) {
        const s: StoredApplicationItem = stored.get(item.code) ?? {
          code: item.code,
          selfScore: null,
          selfNote: '',
          evidenceFileIds: [],
          reviewScore: null,
          reviewNote: '',
        };
        stored.set(item.code, { ...s, reviewScore: item.reviewScore, reviewNote: item.reviewNote ?? '' });
      }
      m.items = [...stored.values()];
      await this.applications.save(m);
      await this.audit.record({
        action: 'model_application.reviewed',
        entity: 'model_application',
        entityId: id,
        before,
        after: await this.view(m),
      });
    });
    return this.detail(id);
  }

  /** Back to the enterprise for more evidence, saying what is wanted. */
  async returnForEvidence(id: string, dto: ReturnDto): Promise<ModelApplicationDetail> {
    await this.db.transaction(async () => {
      const m = await this.applications.lockById(id);
      this.requireStatus(m, ['submitted']);
      const before = await this.view(m);
      m.status = 'returned';
      m.returnNote = dto.note;
      await this.applications.save(m);
      await this.audit.record({
        action: 'model_application.returned',
        entity: 'model_application',
        entityId: id,
        before,
        after: await this.view(m),
      });
    });
    return this.detail(id);
  }

  /**
   * Awards the title (every item reviewed, the reviewed total at least the pass score), valid to
   * the end of its last year, or declines it with a reason.
   */
  async decide(id: string, dto: DecisionDto): Promise<ModelApplicationDetail> {
    await this.db.transaction(async () => {
      const m = await this.applications.lockById(id);
      this.requireStatus(m, ['submitted']);
      const criteria = await this.requireCriteria(m.year);
      const before = await this.view(m);
      if (dto.decision === 'decline') {
        if (!dto.reason) throw new InvalidError(['reason: required to decline']);
        m.status = 'declined';
      } else {
        const reviewed = new Map(
          m.items.filter((s) => s.reviewScore !== null).map((s) => [s.code, s.reviewScore!]),
        );
        const unreviewed = criteria.items.filter((i) => !reviewed.has(i.code)).map((i) => i.code);
        if (unreviewed.length) {
          throw new ConflictError(
            problem('culture.unreviewed', `Items not reviewed yet: ${unreviewed.join(', ')}`, {
              codes: unreviewed.join(', '),
            }),
          );
        }
        const total = sumPoints(criteria.items.map((i) => reviewed.get(i.code)!));
        if (total < criteria.passScore) {
          throw new ConflictError(
            problem(
              'culture.belowPassScore',
              `The reviewed ${total} points are below the pass score ${criteria.passScore}`,
              {
                total,
                passScore: criteria.passScore,
              },
            ),
          );
        }
        m.status = 'awarded';
        m.validUntil = modelTitleValidUntil(m.year, criteria.validityYears);
      }
      m.decisionReason = dto.reason ?? null;
      m.decidedAt = this.clock.now();
      m.decidedBy = this.context.principal()?.id ?? null;
      await this.applications.save(m);
      await this.audit.record({
        action: m.status === 'awarded' ? 'model_application.awarded' : 'model_application.declined',
        entity: 'model_application',
        entityId: id,
        before,
        after: await this.view(m),
      });
    });
    return this.detail(id);
  }

  /** Titles in force on a day (default today), newest award first. Public facts, any caller. */
  async modelEnterprises(asOf = this.today(), limit?: number): Promise<ModelEnterpriseView[]> {
    return (await this.titlesInForce(asOf, limit)).map((t) => t.view);
  }

  /** The same, with the application's id and the moment of the award: the public section's items. */
  async titlesInForce(
    asOf = this.today(),
    limit?: number,
  ): Promise<{ applicationId: string; awardedAt: Date; view: ModelEnterpriseView }[]> {
    const held = await this.applications.inForce(asOf, this.config.TZ, limit);
    const names = await this.enterprises.namesByIds(held.map((m) => m.enterpriseId));
    return held.map((m) => ({
      applicationId: m.id,
      awardedAt: m.decidedAt!,
      view: {
        enterpriseId: m.enterpriseId,
        enterpriseName: names.get(m.enterpriseId) ?? '',
        title: MODEL_ENTERPRISE_TITLE,
        year: m.year,
        awardedOn: zoneDate(m.decidedAt!, this.config.TZ),
        validUntil: m.validUntil!,
      },
    }));
  }

  private ownOr(requested: string | undefined): string {
    const scope = this.context.scope();
    if (scope.kind === 'enterprise') return scope.enterpriseId;
    if (!requested) throw new InvalidError(['enterpriseId: required (whose application)']);
    return requested;
  }

  private requireStatus(m: ModelApplication, allowed: readonly ModelApplication['status'][]): void {
    if (!allowed.includes(m.status)) {
      throw new ConflictError(
        problem(
          'culture.wrongStatus',
          `The application is ${m.status}; this needs it ${allowed.join(' or ')}`,
          {
            status: m.status,
          },
        ),
      );
    }
  }

  private async requireCriteria(year: number): Promise<ModelCriteria> {
    const c = await this.criteria.get(year);
    if (!c) throw new NotFoundError(`No criteria published for ${year}`);
    return c;
  }

  private async view(m: ModelApplication): Promise<ModelApplicationView> {
    return (await this.mapMany([m]))[0]!;
  }

  private async mapMany(rows: ModelApplication[]): Promise<ModelApplicationView[]> {
    const names = await this.enterprises.namesByIds(rows.map((m) => m.enterpriseId));
    const files: Map<string, FileView> = await this.files.viewsByIds(
      rows.flatMap((m) => m.items.flatMap((i) => i.evidenceFileIds)),
    );
    const criteria = new Map<number, ModelCriteria | null>();
    for (const year of new Set(rows.map((m) => m.year))) criteria.set(year, await this.criteria.get(year));
    return rows.map((m) =>
      mapApplication(m, criteria.get(m.year) ?? null, names.get(m.enterpriseId) ?? '', files),
    );
  }
}
