import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  type ListResponse,
  type PostRiskCardView,
  RISK_CLASSES,
  type RiskClass,
  type RiskGradeCounts,
  type RiskMapPoint,
  type RiskPointDetailView,
  type RiskPointView,
  type RiskZoneStats,
  type ControlMeasureView,
  gradeRisk,
  riskFactorProblems,
  worstGrade,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { InvalidError, UnauthenticatedError } from '../common/domain-errors.js';
import { pageWindow } from '../common/paging.js';
import { type Principal, RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { HazardRepository } from '../hazards/hazard.repository.js';
import { addMonths } from '../inspections/plan-schedule.js';
import { zoneDate } from '../zone/zone-time.js';
import type {
  ControlMeasureDto,
  RiskAssessDto,
  RiskPointCreateDto,
  RiskPointListQueryDto,
  RiskPointUpdateDto,
} from './risk.dto.js';
import { RiskPoint } from './risk.entities.js';
import { RiskPointRepository } from './risk-point.repository.js';
import { mapAssessment, mapRiskPoint } from './risk.view.js';

/** Without a date given, a point is reassessed a year after its assessment. */
const REASSESS_AFTER_MONTHS = 12;
/** The zone table's trend: this many quarters, the current one last. */
const TREND_QUARTERS = 4;

function emptyCounts(): RiskGradeCounts {
  return { major: 0, high: 0, medium: 0, low: 0, unassessed: 0 };
}

/**
 * The risk register (安全风险分级管控): an enterprise's risk points, their assessments by LEC or
 * the risk matrix (`risk-grading.ts`), their control measures and post cards. Every assessment
 * re-derives the enterprise's class from its worst point (`EnterpriseService.deriveRiskClass`)
 * in the same transaction.
 */
@Injectable()
export class RiskService {
  constructor(
    private readonly db: Db,
    private readonly points: RiskPointRepository,
    private readonly enterprises: EnterpriseService,
    private readonly hazards: HazardRepository,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: RiskPointListQueryDto): Promise<ListResponse<RiskPointView>> {
    const [rows, total] = await this.points.list({ ...q, ...pageWindow(q) });
    return { items: await this.views(rows), total };
  }

  async get(id: string): Promise<RiskPointDetailView> {
    const p = await this.points.getById(id);
    const [open, assessments, names] = await Promise.all([
      this.hazards.openByRiskPoints([p.id]),
      this.points.assessments(p.id),
      this.enterprises.namesByIds([p.enterpriseId]),
    ]);
    return {
      ...mapRiskPoint(p, names.get(p.enterpriseId) ?? '', open.length),
      assessments: assessments.map(mapAssessment),
      openHazards: open.map(({ riskPointId: _point, ...h }) => h),
    };
  }

  async create(dto: RiskPointCreateDto): Promise<RiskPointDetailView> {
    const me = this.me();
    const enterpriseId = me.role === 'enterprise_officer' ? me.enterpriseId! : dto.enterpriseId;
    if (!enterpriseId) throw new InvalidError(['enterpriseId: required']);
    if (me.role === 'enterprise_officer' && dto.enterpriseId && dto.enterpriseId !== enterpriseId) {
      throw new InvalidError(['enterpriseId: an officer records risk points of their own enterprise']);
    }
    return this.db.transaction(async () => {
      if (!(await this.enterprises.namesByIds([enterpriseId])).has(enterpriseId)) {
        throw new InvalidError(['enterpriseId: the enterprise does not exist']);
      }
      const p = new RiskPoint();
      p.enterpriseId = enterpriseId;
      p.method = null;
      p.score = null;
      p.grade = null;
      p.assessedAt = null;
      p.nextAssessmentOn = null;
      p.measures = [];
      this.apply(p, dto);
      const saved = await this.points.save(p);
      const view = await this.get(saved.id);
      await this.audit.record({
        action: 'risk_point.created',
        entity: 'risk_point',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(id: string, dto: RiskPointUpdateDto): Promise<RiskPointDetailView> {
    return this.db.transaction(async () => {
      const p = await this.points.getForUpdate(id);
      const before = await this.get(id);
      if (dto.enterpriseId !== undefined && dto.enterpriseId !== p.enterpriseId) {
        throw new InvalidError(['enterpriseId: a risk point stays with its enterprise']);
      }
      this.apply(p, dto);
      await this.points.save(p);
      const after = await this.get(id);
      await this.audit.record({
        action: 'risk_point.updated',
        entity: 'risk_point',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async remove(id: string): Promise<void> {
    return this.db.transaction(async () => {
      const p = await this.points.getForUpdate(id);
      const before = await this.get(id);
      await this.points.remove(p);
      await this.deriveEnterpriseClass(p.enterpriseId);
      await this.audit.record({ action: 'risk_point.deleted', entity: 'risk_point', entityId: id, before });
    });
  }

  /**
   * Grades the point by its method's bands, keeps the assessment in its history, sets the next
   * reassessment date and re-derives the enterprise's class from its worst point.
   */
  async assess(id: string, dto: RiskAssessDto): Promise<RiskPointDetailView> {
    const me = this.me();
    const factors = { l: dto.l, e: dto.e ?? null, c: dto.c ?? null, s: dto.s ?? null };
    const problems = riskFactorProblems(dto.method, factors);
    if (problems.length) throw new InvalidError(problems);
    const { score, grade } = gradeRisk(dto.method, factors);
    const now = this.clock.now();
    const today = zoneDate(now, this.config.TZ);
    if (dto.nextAssessmentOn && dto.nextAssessmentOn <= today) {
      throw new InvalidError(['nextAssessmentOn: must be after today']);
    }
    return this.db.transaction(async () => {
      const p = await this.points.getForUpdate(id);
      const before = await this.get(id);
      await this.points.addAssessment({
        riskPointId: p.id,
        method: dto.method,
        ...factors,
        score,
        grade,
        note: dto.note || null,
        assessedBy: me.name,
        assessorId: me.id,
        assessedAt: now,
      });
      p.method = dto.method;
      p.score = score;
      p.grade = grade;
      p.assessedAt = now;
      p.nextAssessmentOn = dto.nextAssessmentOn ?? addMonths(today, REASSESS_AFTER_MONTHS);
      await this.points.save(p);
      await this.deriveEnterpriseClass(p.enterpriseId);
      const after = await this.get(id);
      await this.audit.record({
        action: 'risk_point.assessed',
        entity: 'risk_point',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** The post risk notification card (岗位风险告知卡): every point of one post of one enterprise. */
  async postCard(enterpriseId: string, post: string): Promise<PostRiskCardView> {
    const enterprise = await this.enterprises.get(enterpriseId);
    const rows = await this.points.ofEnterprise(enterpriseId, post);
    const points = await this.views(rows);
    return {
      enterpriseId,
      enterpriseName: enterprise.name,
      dutyPhone: enterprise.dutyPhone,
      post,
      grade: worstGrade(points.map((p) => p.grade)),
      points,
    };
  }

  async mapPoints(): Promise<RiskMapPoint[]> {
    return (await this.points.located()).map((p) => ({
      id: p.id,
      enterpriseId: p.enterpriseId,
      name: p.name,
      grade: p.grade,
      lat: p.lat!,
      lng: p.lng!,
    }));
  }

  /** The zone table: points by grade, by industry and by enterprise, and the trend by quarter. */
  async stats(): Promise<RiskZoneStats> {
    const rows = await this.points.statRows();
    const total = emptyCounts();
    const industries = new Map<string, RiskGradeCounts>();
    const enterprises = new Map<string, RiskZoneStats['byEnterprise'][number]>();
    for (const r of rows) {
      const key = r.grade ?? 'unassessed';
      total[key]++;
      if (!industries.has(r.industry)) industries.set(r.industry, emptyCounts());
      industries.get(r.industry)![key]++;
      if (!enterprises.has(r.enterpriseId)) {
        enterprises.set(r.enterpriseId, {
          enterpriseId: r.enterpriseId,
          enterpriseName: r.enterpriseName,
          industry: r.industry,
          counts: emptyCounts(),
        });
      }
      enterprises.get(r.enterpriseId)!.counts[key]++;
    }
    const worstFirst = (a: RiskGradeCounts, b: RiskGradeCounts) =>
      RISK_CLASSES.map((g) => b[g] - a[g]).find((d) => d !== 0) ?? 0;
    const today = zoneDate(this.clock.now(), this.config.TZ);
    const [y, m] = today.split('-').map(Number) as [number, number];
    const current = `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    const first = addMonths(current, -3 * (TREND_QUARTERS - 1));
    const trendRows = await this.points.gradesByQuarter(first, current, this.config.TZ);
    const byQuarter: RiskZoneStats['byQuarter'] = [];
    for (let i = 0; i < TREND_QUARTERS; i++) {
      const starts = addMonths(first, 3 * i);
      const quarter = `${starts.slice(0, 4)}-Q${Math.floor(Number(starts.slice(5, 7)) / 3) + 1}`;
      const counts = Object.fromEntries(RISK_CLASSES.map((g) => [g, 0])) as Record<RiskClass, number>;
      for (const r of trendRows.filter((t) => t.quarter === quarter)) counts[r.grade] = r.count;
      byQuarter.push({ quarter, counts });
    }
    return {
      total,
      byIndustry: [...industries]
        .map(([industry, counts]) => ({ industry, counts }))
        .sort((a, b) => worstFirst(a.counts, b.counts) || a.industry.localeCompare(b.industry, 'zh-CN')),
      byEnterprise: [...enterprises.values()].sort(
        (a, b) => worstFirst(a.counts, b.counts) || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'),
      ),
      byQuarter,
    };
  }

  /** The enterprise's class follows its worst assessed point (none assessed: the recorded one). */
  private async deriveEnterpriseClass(enterpriseId: string): Promise<void> {
    await this.enterprises.deriveRiskClass(
      enterpriseId,
      worstGrade(await this.points.gradesOf(enterpriseId)),
    );
  }

  private apply(p: RiskPoint, dto: RiskPointUpdateDto): void {
    if (dto.name !== undefined) p.name = dto.name;
    if (dto.kind !== undefined) p.kind = dto.kind;
    if (dto.place !== undefined) p.place = dto.place;
    if (dto.post !== undefined) p.post = dto.post || null;
    if (dto.location !== undefined) {
      p.lat = dto.location?.lat ?? null;
      p.lng = dto.location?.lng ?? null;
    }
    p.lat ??= null;
    p.lng ??= null;
    p.post ??= null;
    if (dto.hazards !== undefined)
      p.hazards = dto.hazards.map((h) => ({ factor: h.factor, consequence: h.consequence }));
    if (dto.measures !== undefined) p.measures = keepMeasureIds(p.measures, dto.measures);
    if (dto.emergencyActions !== undefined) p.emergencyActions = [...dto.emergencyActions];
    p.hazards ??= [];
    p.emergencyActions ??= [];
  }

  private async views(rows: RiskPoint[]): Promise<RiskPointView[]> {
    const [open, names] = await Promise.all([
      this.hazards.openByRiskPoints(rows.map((r) => r.id)),
      this.enterprises.namesByIds([...new Set(rows.map((r) => r.enterpriseId))]),
    ]);
    const counts = new Map<string, number>();
    for (const h of open) counts.set(h.riskPointId, (counts.get(h.riskPointId) ?? 0) + 1);
    return rows.map((r) => mapRiskPoint(r, names.get(r.enterpriseId) ?? '', counts.get(r.id) ?? 0));
  }

  private me(): Principal {
    const p = this.context.principal();
    if (!p) throw new UnauthenticatedError('Unauthorized');
    return p;
  }
}

/**
 * A measure sent back with its id keeps it, so the checklist items generated from it stay
 * linked; a new one (or an id the point does not have) gets a fresh id.
 */
function keepMeasureIds(existing: ControlMeasureView[], sent: ControlMeasureDto[]): ControlMeasureView[] {
  const known = new Set(existing.map((m) => m.id));
  const used = new Set<string>();
  return sent.map((m) => {
    // Short: the id is also the measure's checklist item id, which answers carry (at most 20).
    const id = m.id && known.has(m.id) && !used.has(m.id) ? m.id : `m-${randomBytes(6).toString('hex')}`;
    used.add(id);
    return { id, text: m.text, level: m.level, person: m.person, category: m.category };
  });
}
