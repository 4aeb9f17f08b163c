import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { pageWindow } from '../common/paging.dto.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type {
  ListResponse,
  DisposalCardView,
  PlanDetailView,
  PlanLevelView,
  PlanSection,
  PlanSectionKey,
  PlanSuggestion,
  PlanSuggestionItem,
  PlanType,
  PlanVersionView,
  PlanView,
  SuggestionMatch,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { TeamRepository } from '../directory/team.repository.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import { DisposalCard } from './disposal-card.entity.js';
import { EscalationPolicyRepository } from './escalation-policy.repository.js';
import { EscalationPolicyService } from './escalation-policy.service.js';
import { addWorkingDays, addYears, dayIn } from './plan-dates.js';
import { PlanLevel } from './plan-level.entity.js';
import { PlanVersion } from './plan-version.entity.js';
import {
  type CardCreateDto,
  type CardUpdateDto,
  type ChecklistItemDto,
  type LevelCreateDto,
  type LevelUpdateDto,
  type PlanCreateDto,
  type PlanListQueryDto,
  type PlanSuggestQueryDto,
  type PlanUpdateDto,
  type VersionCreateDto,
  type VersionReturnDto,
  type VersionUpdateDto,
  mapCard,
  mapLevel,
  mapPlan,
  mapVersion,
  mapVersionSummary,
} from './plan.dto.js';
import { Plan } from './plan.entity.js';
import { PlanRepository } from './plan.repository.js';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../common/domain-errors.js';

/** The outline a new plan starts from, per GB/T 29639-2020 chapters 6 (comprehensive), 7 (special), 8 (on-site). */
const OUTLINES: Record<PlanType, [PlanSectionKey, string][]> = {
  comprehensive: [
    ['general', '总则（适用范围、响应分级）'],
    ['organization', '应急组织机构及职责'],
    ['reporting', '应急响应·信息报告'],
    ['warning', '预警'],
    ['response_start', '应急响应·响应启动'],
    ['response_disposal', '应急响应·处置措施'],
    ['response_support', '应急响应·应急支援'],
    ['response_end', '应急响应·响应终止'],
    ['aftermath', '后期处置'],
    ['support_measures', '应急保障'],
  ],
  special: [
    ['general', '适用范围'],
    ['organization', '应急组织机构及职责'],
    ['response_start', '响应启动'],
    ['response_disposal', '处置措施'],
    ['support_measures', '应急保障'],
  ],
  on_site: [
    ['general', '事故风险描述'],
    ['organization', '应急工作职责'],
    ['response_disposal', '应急处置'],
    ['other', '注意事项'],
  ],
};

/** Risk classes whose plans are evaluated every three years (MEM Order 2 Art. 35). */
const THREE_YEAR_EVALUATION = new Set(['major', 'high']);

const MATCH_ORDER: SuggestionMatch[] = [
  'enterprise_special',
  'enterprise_comprehensive',
  'zone_special',
  'zone_comprehensive',
];

@Injectable()
export class PlanService {
  constructor(
    private readonly db: Db,
    private readonly plans: PlanRepository,
    private readonly policies: EscalationPolicyRepository,
    private readonly policyService: EscalationPolicyService,
    private readonly enterprises: EnterpriseRepository,
    private readonly teams: TeamRepository,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---- plans -------------------------------------------------------------------------------

  async list(q: PlanListQueryDto): Promise<ListResponse<PlanView>> {
    const [rows, total] = await this.plans.list({ ...q, ...pageWindow(q) });
    return { items: await this.planViews(rows), total };
  }

  async get(id: string): Promise<PlanDetailView> {
    const plan = await this.plans.getById(id);
    const versions = await this.plans.versionsOf([id]);
    const [view] = await this.planViews([plan], versions);
    return { ...view!, versions: versions.map(mapVersionSummary) };
  }

  async create(dto: PlanCreateDto): Promise<PlanDetailView> {
    const id = await this.db.transaction(async () => {
      const p = new Plan();
      p.enterpriseId = this.owner(dto.enterpriseId);
      this.assertWritable(p);
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
      v.sections = OUTLINES[p.type].map(([key, title]) => ({ key, title, body: '' }));
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
      this.assertWritable(p);
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
      this.assertWritable(p);
      if (await this.plans.everPublished(id)) {
        throw new ConflictError('The plan has been published; revise it with a new version instead');
      }
      await this.plans.remove(p);
      await this.audit.record({ action: 'plan.deleted', entity: 'plan', entityId: id, before: p });
    });
  }

  // ---- versions and their workflow ---------------------------------------------------------

  async getVersion(id: string): Promise<PlanVersionView> {
    const { version } = await this.plans.getVersion(id);
    return this.versionView(version);
  }

  /** A new draft starts as a copy of the latest version: a revision changes what needs changing. */
  async createVersion(planId: string, dto: VersionCreateDto): Promise<PlanVersionView> {
    const id = await this.db.transaction(async () => {
      const plan = await this.plans.getById(planId);
      this.assertWritable(plan);
      await this.plans.lock(planId);
      const open = await this.plans.findVersionByStatus(planId, ['draft', 'in_review']);
      if (open) {
        throw new ConflictError(`Version ${open.number} is still ${open.status}; finish or discard it first`);
      }
      const latest = await this.plans.latestVersion(planId);
      const v = new PlanVersion();
      v.planId = planId;
      v.number = (latest?.number ?? 0) + 1;
      v.label = dto.label ?? '';
      v.status = 'draft';
      v.sections = latest?.sections ?? OUTLINES[plan.type].map(([key, title]) => ({ key, title, body: '' }));
      v.annexes = latest?.annexes ?? [];
      v.changeSummary = dto.changeSummary;
      v.revisionTriggers = dto.revisionTriggers;
      v.reviewDueOn = null;
      const saved = await this.plans.saveVersion(v);
      if (latest) {
        for (const l of await this.plans.levelsOf([latest.id])) {
          await this.plans.saveLevel(
            Object.assign(new PlanLevel(), { ...l, id: undefined, versionId: saved.id }),
          );
        }
        for (const c of await this.plans.cardsOf(latest.id)) {
          await this.plans.saveCard(
            Object.assign(new DisposalCard(), { ...c, id: undefined, versionId: saved.id }),
          );
        }
      }
      await this.audit.record({
        action: 'plan_version.created',
        entity: 'plan_version',
        entityId: saved.id,
        after: { planId, number: saved.number, copiedFrom: latest?.id ?? null, ...dto },
      });
      return saved.id;
    });
    return this.getVersion(id);
  }

  async updateVersion(id: string, dto: VersionUpdateDto): Promise<PlanVersionView> {
    await this.db.transaction(async () => {
      const { version } = await this.draftVersion(id);
      const before = { ...version };
      if (dto.label !== undefined) version.label = dto.label;
      if (dto.changeSummary !== undefined) version.changeSummary = dto.changeSummary;
      if (dto.revisionTriggers !== undefined) version.revisionTriggers = dto.revisionTriggers;
      if (dto.sections !== undefined)
        version.sections = dto.sections.map(({ key, title, body }) => ({ key, title, body }));
      if (dto.annexes !== undefined)
        version.annexes = dto.annexes.map(({ kind, title, body }) => ({ kind, title, body }));
      if (dto.reviewDueOn !== undefined) version.reviewDueOn = dto.reviewDueOn;
      const saved = await this.plans.saveVersion(version);
      await this.audit.record({
        action: 'plan_version.updated',
        entity: 'plan_version',
        entityId: id,
        before,
        after: saved,
      });
    });
    return this.getVersion(id);
  }

  /** Discards a draft revision; the first version of a plan goes with the plan instead. */
  async removeVersion(id: string): Promise<void> {
    await this.db.transaction(async () => {
      const { version } = await this.draftVersion(id);
      if (version.number === 1) {
        throw new ConflictError('This is the plan’s only version; delete the plan instead');
      }
      await this.plans.removeVersion(id);
      await this.audit.record({
        action: 'plan_version.deleted',
        entity: 'plan_version',
        entityId: id,
        before: version,
      });
    });
  }

  async submit(id: string): Promise<PlanVersionView> {
    await this.transition(id, 'plan_version.submitted', async (version, plan) => {
      if (version.status !== 'draft') {
        throw new ConflictError(
          `Version ${version.number} is ${version.status}; only a draft can be submitted`,
        );
      }
      const problems = await this.completenessProblems(version, plan);
      if (problems.length) throw new InvalidError(problems);
      version.status = 'in_review';
      version.submittedAt = new Date();
      version.submittedBy = this.actorName();
    });
    return this.getVersion(id);
  }

  async returnToDraft(id: string, dto: VersionReturnDto): Promise<PlanVersionView> {
    await this.transition(
      id,
      'plan_version.returned',
      async (version) => {
        if (version.status !== 'in_review') {
          throw new ConflictError(
            `Version ${version.number} is ${version.status}; only a version in review can be returned`,
          );
        }
        version.status = 'draft';
        version.submittedAt = null;
        version.submittedBy = null;
      },
      { note: dto.note },
    );
    return this.getVersion(id);
  }

  /**
   * Puts a reviewed version in force and retires the one it replaces, in one transaction under
   * the plan's row lock: concurrent attempts queue on the lock, and each re-reads the status it
   * acts on, so exactly one succeeds. The partial unique index is the backstop.
   */
  async publish(id: string): Promise<PlanVersionView> {
    await this.transition(id, 'plan_version.published', async (version, plan) => {
      if (version.status !== 'in_review') {
        throw new ConflictError(
          `Version ${version.number} is ${version.status}; only a version in review can be published`,
        );
      }
      const now = new Date();
      const current = await this.plans.findVersionByStatus(plan.id, ['published']);
      if (current) {
        current.status = 'superseded';
        current.supersededAt = now;
        await this.plans.saveVersion(current);
      }
      const today = dayIn(now, this.config.TZ);
      const risk = plan.enterpriseId ? (await this.enterprises.getById(plan.enterpriseId)).riskClass : null;
      version.status = 'published';
      version.publishedAt = now;
      version.publishedBy = this.actorName();
      version.filingDueOn = addWorkingDays(today, 20);
      // The zone's own plans are held to the same 3-year cycle as its high-risk enterprises.
      version.evaluationDueOn = risk === null || THREE_YEAR_EVALUATION.has(risk) ? addYears(today, 3) : null;
      return current ? { superseded: current.id } : {};
    });
    return this.getVersion(id);
  }

  // ---- levels ------------------------------------------------------------------------------

  async addLevel(versionId: string, dto: LevelCreateDto): Promise<PlanLevelView> {
    const level = await this.db.transaction(async () => {
      const { plan } = await this.draftVersion(versionId);
      await this.checkLevelRefs(plan, dto);
      const l = new PlanLevel();
      l.versionId = versionId;
      applyLevel(l, dto);
      const saved = await this.plans.saveLevel(l);
      await this.audit.record({
        action: 'plan_level.created',
        entity: 'plan_level',
        entityId: saved.id,
        after: saved,
      });
      return saved;
    });
    return (await this.levelViews([level]))[0]!;
  }

  async updateLevel(id: string, dto: LevelUpdateDto): Promise<PlanLevelView> {
    const level = await this.db.transaction(async () => {
      const l = await this.plans.findLevel(id);
      if (!l) throw new NotFoundError('Level not found');
      const { plan } = await this.draftVersion(l.versionId, 'Level not found');
      await this.checkLevelRefs(plan, dto);
      const before = { ...l };
      applyLevel(l, dto);
      const saved = await this.plans.saveLevel(l);
      await this.audit.record({
        action: 'plan_level.updated',
        entity: 'plan_level',
        entityId: id,
        before,
        after: saved,
      });
      return saved;
    });
    return (await this.levelViews([level]))[0]!;
  }

  async removeLevel(id: string): Promise<void> {
    await this.db.transaction(async () => {
      const l = await this.plans.findLevel(id);
      if (!l) throw new NotFoundError('Level not found');
      await this.draftVersion(l.versionId, 'Level not found');
      await this.plans.removeLevel(id);
      await this.audit.record({
        action: 'plan_level.deleted',
        entity: 'plan_level',
        entityId: id,
        before: l,
      });
    });
  }

  // ---- disposal cards ----------------------------------------------------------------------

  async addCard(versionId: string, dto: CardCreateDto): Promise<DisposalCardView> {
    return this.db.transaction(async () => {
      await this.draftVersion(versionId);
      const existing = await this.plans.cardsOf(versionId);
      const c = new DisposalCard();
      c.versionId = versionId;
      c.position = dto.position ?? existing.length;
      c.hazards = '';
      c.precautions = [];
      c.contacts = [];
      applyCard(c, dto);
      const saved = await this.plans.saveCard(c);
      await this.audit.record({
        action: 'disposal_card.created',
        entity: 'disposal_card',
        entityId: saved.id,
        after: saved,
      });
      return mapCard(saved);
    });
  }

  async updateCard(id: string, dto: CardUpdateDto): Promise<DisposalCardView> {
    return this.db.transaction(async () => {
      const c = await this.plans.findCard(id);
      if (!c) throw new NotFoundError('Disposal card not found');
      await this.draftVersion(c.versionId, 'Disposal card not found');
      const before = { ...c };
      applyCard(c, dto);
      const saved = await this.plans.saveCard(c);
      await this.audit.record({
        action: 'disposal_card.updated',
        entity: 'disposal_card',
        entityId: id,
        before,
        after: saved,
      });
      return mapCard(saved);
    });
  }

  async removeCard(id: string): Promise<void> {
    await this.db.transaction(async () => {
      const c = await this.plans.findCard(id);
      if (!c) throw new NotFoundError('Disposal card not found');
      await this.draftVersion(c.versionId, 'Disposal card not found');
      await this.plans.removeCard(id);
      await this.audit.record({
        action: 'disposal_card.deleted',
        entity: 'disposal_card',
        entityId: id,
        before: c,
      });
    });
  }

  // ---- suggestion --------------------------------------------------------------------------

  /**
   * The published plans that apply to an incident of `category` at an enterprise, most specific
   * first, each with the level its version maps the severity to. The incidents module calls this
   * when an incident is filed or re-graded.
   */
  async suggest(q: PlanSuggestQueryDto): Promise<PlanSuggestion> {
    const principal = this.context.principal();
    const enterpriseId =
      q.enterpriseId ?? (principal?.role === 'enterprise_officer' ? principal.enterpriseId : null);
    // Scoped: an officer asking about another enterprise learns nothing, not even its zone plans.
    if (enterpriseId) await this.enterprises.getById(enterpriseId);
    const candidates = await this.plans.publishedFor(enterpriseId, q.category);
    const levels = await this.levelViews(await this.plans.levelsOf(candidates.map((c) => c.version.id)));
    const views = await this.planViews(candidates.map((c) => c.plan));
    const items: PlanSuggestionItem[] = [];
    const onSite: { view: PlanView; own: boolean }[] = [];
    candidates.forEach((c, i) => {
      const own = c.plan.enterpriseId !== null;
      if (c.plan.type === 'on_site') {
        onSite.push({ view: views[i]!, own });
        return;
      }
      const match: SuggestionMatch = `${own ? 'enterprise' : 'zone'}_${c.plan.type}`;
      const versionLevels = levels.filter((l) => l.versionId === c.version.id);
      items.push({
        match,
        plan: views[i]!,
        versionId: c.version.id,
        level: q.severity ? (versionLevels.find((l) => l.severities.includes(q.severity!)) ?? null) : null,
      });
    });
    items.sort((a, b) => MATCH_ORDER.indexOf(a.match) - MATCH_ORDER.indexOf(b.match));
    onSite.sort((a, b) => Number(b.own) - Number(a.own));
    return {
      category: q.category,
      enterpriseId,
      severity: q.severity ?? null,
      items,
      onSite: onSite.map((o) => o.view),
    };
  }

  // ---- helpers -----------------------------------------------------------------------------

  private owner(requested: string | null | undefined): string | null {
    const principal = this.context.principal();
    if (requested === undefined)
      return principal?.role === 'enterprise_officer' ? principal.enterpriseId : null;
    return requested;
  }

  /** Zone plans are visible to enterprise officers but changed by the zone only. */
  private assertWritable(p: Plan): void {
    if (p.enterpriseId === null && this.context.scope().kind !== 'zone') {
      throw new ForbiddenError('Zone plans are maintained by the zone');
    }
  }

  private actorName(): string {
    const p = this.context.principal();
    return p ? `${p.name} <${p.email}>` : `system:${this.context.systemActor() ?? 'unknown'}`;
  }

  private async draftVersion(id: string, notFound?: string): Promise<{ version: PlanVersion; plan: Plan }> {
    const found = await this.plans.getVersion(id).catch((e: unknown) => {
      if (notFound && e instanceof NotFoundError) throw new NotFoundError(notFound);
      throw e;
    });
    this.assertWritable(found.plan);
    if (found.version.status !== 'draft') {
      throw new ConflictError(
        `Version ${found.version.number} is ${found.version.status}; only a draft can be edited (start a new version)`,
      );
    }
    return found;
  }

  private async transition(
    id: string,
    action: string,
    change: (v: PlanVersion, plan: Plan) => Promise<object | void>,
    extra: object = {},
  ): Promise<void> {
    await this.db.transaction(async () => {
      const { plan } = await this.plans.getVersion(id);
      this.assertWritable(plan);
      await this.plans.lock(plan.id);
      const version = await this.plans.reloadVersion(id);
      const before = { status: version.status };
      const more = (await change(version, plan)) ?? {};
      await this.plans.saveVersion(version);
      await this.audit.record({
        action,
        entity: 'plan_version',
        entityId: id,
        before,
        after: { planId: plan.id, number: version.number, status: version.status, ...more, ...extra },
      });
    });
  }

  /** What a version must have before reviewers spend time on it. */
  private async completenessProblems(v: PlanVersion, plan: Plan): Promise<string[]> {
    const out: string[] = [];
    if (!v.sections.length) out.push('sections: the plan has no sections');
    v.sections.forEach((s: PlanSection, i) => {
      if (!s.body.trim()) out.push(`sections[${i}].body: "${s.title}" is empty`);
    });
    if (plan.type !== 'on_site') {
      const levels = await this.plans.levelsOf([v.id]);
      if (!levels.length)
        out.push('levels: a comprehensive or special plan needs at least one response level');
      levels.forEach((l) => {
        if (!l.checklist.length) out.push(`levels[${l.code}].checklist: the level sets no action in motion`);
      });
    } else if (!(await this.plans.cardsOf(v.id)).length) {
      out.push('cards: an on-site disposal plan needs at least one disposal card');
    }
    return out;
  }

  private async checkLevelRefs(plan: Plan, dto: LevelUpdateDto): Promise<void> {
    if (dto.policyId) await this.policyService.assertUsableBy(dto.policyId, plan.enterpriseId, 'policyId');
    const items: ChecklistItemDto[] = dto.checklist ?? [];
    const teamIds = items.flatMap((i) => (i.teamId ? [i.teamId] : []));
    const teams = new Map((await this.teams.findByIds(teamIds)).map((t) => [t.id, t]));
    const problems: string[] = [];
    items.forEach((item, i) => {
      if (!item.role && !item.teamId) problems.push(`checklist[${i}]: name a role or a team`);
      if (item.teamId) {
        const t = teams.get(item.teamId);
        if (!t || t.enterpriseId !== plan.enterpriseId)
          problems.push(`checklist[${i}].teamId: team does not exist`);
      }
    });
    if (problems.length) throw new InvalidError(problems);
  }

  private async planViews(rows: Plan[], knownVersions?: PlanVersion[]): Promise<PlanView[]> {
    const ids = rows.map((p) => p.id);
    const versions = knownVersions ?? (await this.plans.versionsOf(ids, ['published', 'draft', 'in_review']));
    const names = await this.plans.enterpriseNames([
      ...new Set(rows.flatMap((p) => (p.enterpriseId ? [p.enterpriseId] : []))),
    ]);
    return rows.map((p) => {
      const mine = versions.filter((v) => v.planId === p.id);
      return mapPlan(
        p,
        p.enterpriseId ? (names.get(p.enterpriseId) ?? null) : null,
        mine.find((v) => v.status === 'published'),
        mine.find((v) => v.status === 'draft' || v.status === 'in_review'),
      );
    });
  }

  private async levelViews(levels: PlanLevel[]): Promise<PlanLevelView[]> {
    const summaries = await this.policies.summaries(levels.flatMap((l) => (l.policyId ? [l.policyId] : [])));
    return levels.map((l) => mapLevel(l, l.policyId ? (summaries.get(l.policyId) ?? null) : null));
  }

  private async versionView(v: PlanVersion): Promise<PlanVersionView> {
    const levels = await this.levelViews(await this.plans.levelsOf([v.id]));
    const cards = (await this.plans.cardsOf(v.id)).map(mapCard);
    return mapVersion(v, levels, cards);
  }
}

function assertCategories(p: Plan): void {
  if (p.type !== 'comprehensive' && !p.incidentCategories.length) {
    throw new InvalidError([
      'incidentCategories: a special or on-site disposal plan must name the incidents it applies to',
    ]);
  }
}

function applyLevel(l: PlanLevel, dto: LevelUpdateDto): void {
  if (dto.rank !== undefined) l.rank = dto.rank;
  if (dto.code !== undefined) l.code = dto.code;
  if (dto.name !== undefined) l.name = dto.name;
  if (dto.activationCriteria !== undefined) l.activationCriteria = dto.activationCriteria;
  if (dto.severities !== undefined) l.severities = dto.severities;
  if (dto.checklist !== undefined) {
    l.checklist = dto.checklist.map((i) => ({
      item: i.item,
      role: i.role ?? null,
      teamId: i.teamId ?? null,
      targetMinutes: i.targetMinutes,
    }));
  }
  if (dto.policyId !== undefined) l.policyId = dto.policyId;
  l.severities ??= [];
  l.checklist ??= [];
  l.policyId ??= null;
}

function applyCard(c: DisposalCard, dto: CardUpdateDto): void {
  if (dto.post !== undefined) c.post = dto.post;
  if (dto.title !== undefined) c.title = dto.title;
  if (dto.hazards !== undefined) c.hazards = dto.hazards;
  if (dto.steps !== undefined) c.steps = dto.steps;
  if (dto.precautions !== undefined) c.precautions = dto.precautions;
  if (dto.contacts !== undefined) c.contacts = dto.contacts.map(({ name, phone }) => ({ name, phone }));
  if (dto.position !== undefined) c.position = dto.position;
}
