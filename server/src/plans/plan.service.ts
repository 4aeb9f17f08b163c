import { Injectable } from '@nestjs/common';
import type { ListResponse, PlanDetailView, PlanSuggestion, PlanType, PlanView } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, InvalidError } from '../common/domain-errors.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import { InstallationService } from '../installations/installation.service.js';
import { PlanAccess } from './plan-access.js';
import { categoryProblems, outline } from './plan-rules.js';
import { suggestPlans, suggestionEnterprise } from './plan-suggestion.js';
import { PlanVersion } from './plan-version.entity.js';
import type { PlanCreateDto, PlanListQueryDto, PlanSuggestQueryDto, PlanUpdateDto } from './plan.dto.js';
import { Plan } from './plan.entity.js';
import { PlanRepository } from './plan.repository.js';
import { PlanViews, mapVersionSummary } from './plan.view.js';

/** A plan as other domains show it. */
export interface PlanSummary {
  id: string;
  title: string;
  type: PlanType;
}

/**
 * Plans themselves (their owner, type, scope and the incidents they cover) and which published
 * plans apply to an incident. A plan's versions, levels and disposal cards have services of their
 * own: `PlanVersionService`, `PlanLevelService`, `DisposalCardService`.
 */
@Injectable()
export class PlanService {
  constructor(
    private readonly db: Db,
    private readonly plans: PlanRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly installations: InstallationService,
    private readonly access: PlanAccess,
    private readonly views: PlanViews,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(q: PlanListQueryDto): Promise<ListResponse<PlanView>> {
    const [rows, total] = await this.plans.list({ ...q, ...pageWindow(q) });
    return { items: await this.views.plans(rows), total };
  }

  async get(id: string): Promise<PlanDetailView> {
    const plan = await this.plans.getById(id);
    const versions = await this.plans.versionsOf([id]);
    const [view] = await this.views.plans([plan], versions);
    return { ...view!, versions: versions.map(mapVersionSummary) };
  }

  /** A plan starts with a first draft version laid out as its type's outline. */
  async create(dto: PlanCreateDto): Promise<PlanDetailView> {
    const id = await this.db.transaction(async () => {
      const p = new Plan();
      p.enterpriseId = this.access.owner(dto.enterpriseId);
      this.access.assertWritable(p);
      if (p.enterpriseId) await this.enterprises.getById(p.enterpriseId);
      p.type = dto.type;
      p.code = dto.code ?? '';
      p.title = dto.title;
      p.scope = dto.scope ?? '';
      p.hazards = dto.hazards;
      p.incidentCategories = dto.incidentCategories;
      assertCategories(p);
      const saved = await this.plans.save(p);
      const v = new PlanVersion();
      v.planId = saved.id;
      v.number = 1;
      v.label = '';
      v.status = 'draft';
      v.sections = outline(p.type);
      v.annexes = [];
      v.changeSummary = '';
      v.revisionTriggers = [];
      await this.plans.saveVersion(v);
      await this.audit.record({ action: 'plan.created', entity: 'plan', entityId: saved.id, after: saved });
      return saved.id;
    });
    return this.get(id);
  }

  async update(id: string, dto: PlanUpdateDto): Promise<PlanDetailView> {
    await this.db.transaction(async () => {
      const p = await this.plans.getById(id);
      this.access.assertWritable(p);
      const before = { ...p };
      for (const [k, v] of Object.entries(dto)) {
        if (v !== undefined) (p as unknown as Record<string, unknown>)[k] = v;
      }
      assertCategories(p);
      const saved = await this.plans.save(p);
      await this.audit.record({ action: 'plan.updated', entity: 'plan', entityId: id, before, after: saved });
    });
    return this.get(id);
  }

  /** Only a plan that was never in force may go: a published plan is a record the regulator holds. */
  async remove(id: string): Promise<void> {
    await this.db.transaction(async () => {
      const p = await this.plans.getById(id);
      this.access.assertWritable(p);
      if (await this.plans.everPublished(id)) {
        throw new ConflictError('The plan has been published; revise it with a new version instead');
      }
      await this.plans.remove(p);
      await this.audit.record({ action: 'plan.deleted', entity: 'plan', entityId: id, before: p });
    });
  }

  /**
   * The published plans that apply to an incident of `category` at an enterprise, most specific
   * first, each with the level its version maps the severity to, and the enterprise's major hazard
   * installations with the plans they call for (the rules: `plan-suggestion.ts`).
   * The incidents module calls this when an incident is filed or re-graded.
   */
  async suggest(q: PlanSuggestQueryDto): Promise<PlanSuggestion> {
    const enterpriseId = suggestionEnterprise(q.enterpriseId, this.context.principal());
    // Scoped (the register looks the enterprise up first): an officer asking about another
    // enterprise learns nothing, not even its zone plans.
    const installations = enterpriseId ? await this.installations.exposureFor(enterpriseId) : [];
    const candidates = await this.plans.publishedFor(enterpriseId, q.category);
    const levels = await this.views.levels(await this.plans.levelsOf(candidates.map((c) => c.version.id)));
    const views = await this.views.plans(candidates.map((c) => c.plan));
    return suggestPlans({
      category: q.category,
      enterpriseId,
      severity: q.severity,
      candidates: candidates.map((c, i) => ({ plan: views[i]!, versionId: c.version.id })),
      levels,
      installations,
    });
  }

  /**
   * Id, title and type of the plans among `ids`, whatever their owner: for showing what a record
   * the caller may already see refers to (a drill scenario's plan). A reference the caller makes
   * is checked with the scoped `PlanRepository.getById`.
   */
  async summariesByIds(ids: readonly string[]): Promise<PlanSummary[]> {
    return (await this.plans.anyByIds(ids)).map((p) => ({ id: p.id, title: p.title, type: p.type }));
  }

  /** The plans in force at these enterprises, with when each was first published (drill duties). */
  inForce(
    enterpriseIds: readonly string[],
  ): Promise<{ enterpriseId: string; type: PlanType; firstPublishedAt: Date }[]> {
    return this.plans.inForce(enterpriseIds);
  }
}

function assertCategories(p: Plan): void {
  const problems = categoryProblems(p);
  if (problems.length) throw new InvalidError(problems);
}
