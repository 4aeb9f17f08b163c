import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  type ListResponse,
  type Quarter,
  type WorkPlanContent,
  type WorkPlanDetail,
  type WorkPlanEnterpriseStatus,
  type WorkPlanOverview,
  type WorkPlanOverviewRow,
  type WorkPlanProgressReportView,
  type WorkPlanTask,
  type WorkPlanTaskTally,
  type WorkPlanTemplateSection,
  type WorkPlanTemplateView,
  blankWorkPlan,
  quarterEndOn,
  quarterOpensOn,
  quarterOwed,
  workPlanGaps,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { FileService } from '../files/file.service.js';
import { UserFinder } from '../identity/user-finder.js';
import { NotificationService } from '../notifications/notification.service.js';
import { zoneDate } from '../zone/zone-time.js';
import type {
  ApproveDto,
  PlanContentDto,
  ProgressReportDto,
  ReturnDto,
  TemplateCreateDto,
  TemplateSectionDto,
  TemplateUpdateDto,
} from './work-plan.dto.js';
import { WorkPlan, WorkPlanReport, WorkPlanTemplate, WorkPlanVersion } from './work-plan.entities.js';
import {
  WorkPlanReportRepository,
  WorkPlanRepository,
  WorkPlanTemplateRepository,
  WorkPlanVersionRepository,
} from './work-plan.repository.js';
import {
  mapPlan,
  mapReport,
  mapTemplate,
  mapVersion,
  quarterCells,
  submittedLate,
} from './work-plan.view.js';

/** The zone's staff who review the plans and are told when one comes in. */
const REVIEWERS = ['zone_admin', 'inspector'] as const;

@Injectable()
export class WorkPlanService {
  constructor(
    private readonly db: Db,
    private readonly templates: WorkPlanTemplateRepository,
    private readonly plans: WorkPlanRepository,
    private readonly versions: WorkPlanVersionRepository,
    private readonly reports: WorkPlanReportRepository,
    private readonly enterprises: EnterpriseService,
    private readonly contacts: ContactService,
    private readonly files: FileService,
    private readonly users: UserFinder,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private today(): string {
    return zoneDate(this.clock.now(), this.config.TZ);
  }

  thisYear(): number {
    return Number(this.today().slice(0, 4));
  }

  /** Enterprises see the published templates only; drafts are the zone's work in progress. */
  private seesDrafts(): boolean {
    return this.context.scope().kind === 'zone';
  }

  // ---- templates -------------------------------------------------------------------------

  async listTemplates(): Promise<ListResponse<WorkPlanTemplateView>> {
    const rows = await this.templates.list(!this.seesDrafts());
    return { items: rows.map(mapTemplate), total: rows.length };
  }

  async getTemplate(id: string): Promise<WorkPlanTemplateView> {
    const t = await this.templates.getById(id);
    if (t.status !== 'published' && !this.seesDrafts()) {
      throw new NotFoundError('Implementation plan template not found');
    }
    return mapTemplate(t);
  }

  async createTemplate(dto: TemplateCreateDto): Promise<WorkPlanTemplateView> {
    const problems = [
      ...sectionProblems(dto.sections),
      ...deadlineProblems(dto.year, dto.submissionDeadline),
    ];
    if (problems.length) throw new InvalidError(problems);
    const sections = templateSections(dto.sections);
    return this.db.transaction(async () => {
      const t = Object.assign(new WorkPlanTemplate(), {
        year: dto.year,
        title: dto.title,
        status: 'draft',
        submissionDeadline: dto.submissionDeadline,
        sections,
        publishedAt: null,
        createdBy: this.context.principal()?.id ?? null,
      });
      const view = mapTemplate(await this.templates.save(t));
      await this.audit.record({
        action: 'work_plan_template.created',
        entity: 'work_plan_template',
        entityId: view.id,
        after: view,
      });
      return view;
    });
  }

  async updateTemplate(id: string, dto: TemplateUpdateDto): Promise<WorkPlanTemplateView> {
    return this.db.transaction(async () => {
      const t = await this.templates.getById(id, true);
      const before = mapTemplate(t);
      if (t.status === 'published' && dto.sections !== undefined) {
        throw new ConflictError(
          'sections: the template is published and enterprises are filling it in; only its title and deadline may change',
        );
      }
      if (dto.title !== undefined) t.title = dto.title;
      const problems = [
        ...(dto.sections ? sectionProblems(dto.sections) : []),
        ...(dto.submissionDeadline ? deadlineProblems(t.year, dto.submissionDeadline) : []),
      ];
      if (problems.length) throw new InvalidError(problems);
      if (dto.submissionDeadline !== undefined) t.submissionDeadline = dto.submissionDeadline;
      if (dto.sections !== undefined) t.sections = templateSections(dto.sections);
      const view = mapTemplate(await this.templates.save(t));
      await this.audit.record({
        action: 'work_plan_template.updated',
        entity: 'work_plan_template',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  async publishTemplate(id: string): Promise<WorkPlanTemplateView> {
    return this.db.transaction(async () => {
      const t = await this.templates.getById(id, true);
      if (t.status === 'published') throw new ConflictError('The template is already published');
      if (!t.sections.some((s) => s.kind === 'tasks' && s.tasks.length > 0)) {
        throw new InvalidError(['sections: a template needs at least one required task to publish']);
      }
      t.status = 'published';
      t.publishedAt = this.clock.now();
      const view = mapTemplate(await this.templates.save(t));
      await this.audit.record({
        action: 'work_plan_template.published',
        entity: 'work_plan_template',
        entityId: id,
        after: {
          year: view.year,
          submissionDeadline: view.submissionDeadline,
          publishedAt: view.publishedAt,
        },
      });
      return view;
    });
  }

  // ---- plans -----------------------------------------------------------------------------

  /** An enterprise starts its plan for a year from the year's published template. */
  async start(year: number): Promise<WorkPlanDetail> {
    const scope = this.context.scope();
    if (scope.kind !== 'enterprise') {
      throw new ForbiddenError('An implementation plan is written by the enterprise’s own officers');
    }
    const template = await this.templates.byYear(year);
    if (!template || template.status !== 'published') {
      throw new InvalidError([`year: the zone has not published a template for ${year}`]);
    }
    const id = await this.db.transaction(async () => {
      const p = Object.assign(new WorkPlan(), {
        enterpriseId: scope.enterpriseId,
        templateId: template.id,
        year,
        status: 'draft',
        content: blankWorkPlan(template.sections),
        versions: 0,
        firstSubmittedAt: null,
        submittedAt: null,
        approvedAt: null,
        createdBy: this.context.principal()?.id ?? null,
      });
      const saved = await this.plans.save(p);
      await this.audit.record({
        action: 'work_plan.created',
        entity: 'work_plan',
        entityId: saved.id,
        after: { enterpriseId: saved.enterpriseId, year, templateId: template.id },
      });
      return saved.id;
    });
    return this.get(id);
  }

  async get(id: string): Promise<WorkPlanDetail> {
    const p = await this.plans.getById(id);
    const template = await this.templates.getById(p.templateId);
    const versions = await this.versions.ofPlan(p.id);
    const reports = await this.reports.ofPlans([p.id]);
    const users = await this.users.namesByIds(
      [
        ...versions.flatMap((v) => [v.submittedBy, v.reviewedBy]),
        ...reports.map((r) => r.submittedBy),
      ].filter((x): x is string => x !== null),
    );
    const files = await this.files.viewsByIds(
      reports.flatMap((r) => r.entries.flatMap((e) => e.evidenceFileIds)),
    );
    const names = await this.enterprises.namesByIds([p.enterpriseId]);
    const tz = this.config.TZ;
    return {
      ...mapPlan(p, names.get(p.enterpriseId) ?? '', template.submissionDeadline, tz),
      template: mapTemplate(template),
      history: versions.map((v) => mapVersion(v, users)),
      reports: reports.map((r) => mapReport(r, p.year, tz, users, files)),
      quarters: quarterCells(p.year, p, reports, this.today(), tz),
    };
  }

  /** Saves the enterprise's draft (or its revision of a returned plan). */
  async save(id: string, dto: PlanContentDto): Promise<WorkPlanDetail> {
    await this.db.transaction(async () => {
      const p = await this.plans.lock(id);
      this.assertOwnEnterprise(p);
      if (p.status !== 'draft' && p.status !== 'returned') {
        throw new ConflictError(
          `The plan is ${p.status}; it can be changed only as a draft or when returned`,
        );
      }
      const template = await this.templates.getById(p.templateId);
      const before = p.content;
      p.content = await this.content(p, template.sections, dto);
      await this.plans.save(p);
      await this.audit.record({
        action: 'work_plan.saved',
        entity: 'work_plan',
        entityId: id,
        before,
        after: p.content,
      });
    });
    return this.get(id);
  }

  async submit(id: string): Promise<WorkPlanDetail> {
    await this.db.transaction(async () => {
      const p = await this.plans.lock(id);
      this.assertOwnEnterprise(p);
      if (p.status !== 'draft' && p.status !== 'returned') {
        throw new ConflictError(`The plan is already ${p.status}`);
      }
      const template = await this.templates.getById(p.templateId);
      const gaps = workPlanGaps(p.year, template.sections, p.content);
      if (gaps.length) throw new InvalidError(gaps);
      const now = this.clock.now();
      p.versions += 1;
      p.status = 'submitted';
      p.submittedAt = now;
      p.firstSubmittedAt ??= now;
      await this.plans.save(p);
      const late = submittedLate(now, template.submissionDeadline, this.config.TZ);
      await this.versions.save(
        Object.assign(new WorkPlanVersion(), {
          planId: p.id,
          version: p.versions,
          enterpriseId: p.enterpriseId,
          content: p.content,
          submittedAt: now,
          submittedBy: this.context.principal()?.id ?? null,
          late,
          decision: null,
          reviewedAt: null,
          reviewedBy: null,
          comment: null,
          sectionComments: [],
        }),
      );
      const enterprise = (await this.enterprises.namesByIds([p.enterpriseId])).get(p.enterpriseId) ?? '';
      await this.notifications.notify(
        { roles: [...REVIEWERS] },
        {
          kind: 'work_plan.submitted',
          params: { enterprise, year: p.year, version: p.versions },
          entity: 'work_plan',
          entityId: p.id,
        },
      );
      await this.audit.record({
        action: 'work_plan.submitted',
        entity: 'work_plan',
        entityId: id,
        after: { version: p.versions, late },
      });
    });
    return this.get(id);
  }

  async approve(id: string, dto: ApproveDto): Promise<WorkPlanDetail> {
    await this.db.transaction(async () => {
      const { plan, version } = await this.underReview(id);
      const now = this.clock.now();
      Object.assign(version, {
        decision: 'approved',
        reviewedAt: now,
        reviewedBy: this.context.principal()?.id ?? null,
        comment: dto.comment || null,
        sectionComments: [],
      });
      await this.versions.save(version);
      plan.status = 'approved';
      plan.approvedAt = now;
      await this.plans.save(plan);
      await this.tellEnterprise(plan, 'work_plan.approved', {});
      await this.audit.record({
        action: 'work_plan.approved',
        entity: 'work_plan',
        entityId: id,
        after: { version: version.version, comment: version.comment },
      });
    });
    return this.get(id);
  }

  async return(id: string, dto: ReturnDto): Promise<WorkPlanDetail> {
    await this.db.transaction(async () => {
      const { plan, version } = await this.underReview(id);
      const template = await this.templates.getById(plan.templateId);
      const keys = new Set(template.sections.map((s) => s.key));
      const unknown = dto.sectionComments.filter((c) => !keys.has(c.sectionKey));
      if (unknown.length) {
        throw new InvalidError(
          unknown.map((c) => `sectionComments: ${c.sectionKey} is not a section of the template`),
        );
      }
      Object.assign(version, {
        decision: 'returned',
        reviewedAt: this.clock.now(),
        reviewedBy: this.context.principal()?.id ?? null,
        comment: dto.comment || null,
        sectionComments: dto.sectionComments.map((c) => ({ sectionKey: c.sectionKey, comment: c.comment })),
      });
      await this.versions.save(version);
      plan.status = 'returned';
      await this.plans.save(plan);
      const title = (key: string) => template.sections.find((s) => s.key === key)?.title ?? key;
      const comment = [
        ...(dto.comment ? [dto.comment] : []),
        ...dto.sectionComments.map((c) => `${title(c.sectionKey)}：${c.comment}`),
      ].join('\n');
      await this.tellEnterprise(plan, 'work_plan.returned', { comment });
      await this.audit.record({
        action: 'work_plan.returned',
        entity: 'work_plan',
        entityId: id,
        after: {
          version: version.version,
          comment: version.comment,
          sectionComments: version.sectionComments,
        },
      });
    });
    return this.get(id);
  }

  /** An approved plan's progress for a quarter; sent again, it replaces the quarter's report. */
  async report(id: string, dto: ProgressReportDto): Promise<WorkPlanProgressReportView> {
    const saved = await this.db.transaction(async () => {
      const p = await this.plans.lock(id);
      this.assertOwnEnterprise(p);
      if (p.status !== 'approved') {
        throw new ConflictError('Progress is reported on an approved plan; this one is not approved yet');
      }
      const tz = this.config.TZ;
      const q: Quarter = dto.quarter;
      if (!quarterOwed(p.year, q, zoneDate(p.approvedAt!, tz))) {
        throw new ConflictError(
          `quarter: the plan was approved after Q${q} ended (${quarterEndOn(p.year, q)}); its first report is for a later quarter`,
        );
      }
      const opens = quarterOpensOn(p.year, q);
      if (this.today() < opens) {
        throw new ConflictError(`quarter: the Q${q} report opens on ${opens}`);
      }
      const problems: string[] = [];
      const tasks = new Set(p.content.tasks.map((t) => t.key));
      const seen = new Set<string>();
      dto.entries.forEach((e, i) => {
        if (!tasks.has(e.taskKey))
          problems.push(`entries.${i}.taskKey: ${e.taskKey} is not a task of the plan`);
        else if (seen.has(e.taskKey)) problems.push(`entries.${i}.taskKey: ${e.taskKey} is reported twice`);
        seen.add(e.taskKey);
        if (e.status === 'delayed' && !e.reason) {
          problems.push(`entries.${i}.reason: a delayed task says why it is behind`);
        }
        if (e.status === 'done' && e.percent !== 100)
          problems.push(`entries.${i}.percent: a done task is at 100`);
        if (e.status === 'not_started' && e.percent !== 0) {
          problems.push(`entries.${i}.percent: a task not started is at 0`);
        }
      });
      for (const key of tasks) {
        if (!seen.has(key)) problems.push(`entries: task ${key} of the plan has no entry`);
      }
      if (problems.length) throw new InvalidError(problems);
      const evidence = [...new Set(dto.entries.flatMap((e) => e.evidenceFileIds ?? []))];
      if (evidence.length) await this.files.claim(evidence, p.enterpriseId, 'evidenceFileIds');
      const now = this.clock.now();
      const before = await this.reports.find(p.id, q);
      const r = Object.assign(new WorkPlanReport(), {
        planId: p.id,
        quarter: q,
        enterpriseId: p.enterpriseId,
        entries: dto.entries.map((e) => ({
          taskKey: e.taskKey,
          status: e.status,
          percent: e.percent,
          reason: e.status === 'delayed' ? (e.reason ?? null) : null,
          evidenceFileIds: [...new Set(e.evidenceFileIds ?? [])],
        })),
        note: dto.note ?? '',
        firstSubmittedAt: before?.firstSubmittedAt ?? now,
        submittedAt: now,
        submittedBy: this.context.principal()?.id ?? null,
      });
      await this.reports.save(r);
      await this.audit.record({
        action: 'work_plan.progress_reported',
        entity: 'work_plan',
        entityId: p.id,
        before: before ? { quarter: q, entries: before.entries, note: before.note } : null,
        after: { quarter: q, entries: r.entries, note: r.note },
      });
      return { r, year: p.year };
    });
    const users = await this.users.namesByIds(saved.r.submittedBy ? [saved.r.submittedBy] : []);
    const files = await this.files.viewsByIds(saved.r.entries.flatMap((e) => e.evidenceFileIds));
    return mapReport(saved.r, saved.year, this.config.TZ, users, files);
  }

  // ---- the zone's view -------------------------------------------------------------------

  /** Every enterprise the caller may see, with its plan's state and the year's quarters. */
  async overview(year = this.thisYear()): Promise<WorkPlanOverview> {
    const template = await this.templates.byYear(year);
    const visible = template && (template.status === 'published' || this.seesDrafts()) ? template : null;
    const enterprises = await this.enterprises.profiles();
    const plans = new Map(
      (
        await this.plans.ofYear(
          year,
          enterprises.map((e) => e.id),
        )
      ).map((p) => [p.enterpriseId, p]),
    );
    const reports = await this.reports.ofPlans([...plans.values()].map((p) => p.id));
    const today = this.today();
    const tz = this.config.TZ;
    const rows: WorkPlanOverviewRow[] = enterprises.map((e) => {
      const p = plans.get(e.id) ?? null;
      const own = p ? reports.filter((r) => r.planId === p.id) : [];
      return {
        enterpriseId: e.id,
        enterpriseName: e.name,
        planId: p?.id ?? null,
        status: p?.status ?? 'not_started',
        firstSubmittedAt: p?.firstSubmittedAt?.toISOString() ?? null,
        submittedLate: p ? submittedLate(p.firstSubmittedAt, template?.submissionDeadline, tz) : false,
        approvedAt: p?.approvedAt?.toISOString() ?? null,
        quarters: quarterCells(year, p, own, today, tz),
        tasks: p ? tally(p.content.tasks, own) : null,
      };
    });
    return { year, template: visible ? mapTemplate(visible) : null, rows };
  }

  /**
   * For the assessment: per enterprise asked about, whether its plan for the year was submitted
   * (on time) and approved, and how its quarterly reports due by now came in. Whatever the
   * caller's scope: the assessment scores enterprises it has already chosen.
   */
  async statusByEnterprise(
    year: number,
    enterpriseIds: readonly string[],
  ): Promise<Map<string, WorkPlanEnterpriseStatus>> {
    const template = await this.templates.byYear(year);
    const plans = new Map((await this.plans.anyOfYear(year, enterpriseIds)).map((p) => [p.enterpriseId, p]));
    const reports = await this.reports.ofPlans([...plans.values()].map((p) => p.id));
    const today = this.today();
    const tz = this.config.TZ;
    return new Map(
      enterpriseIds.map((enterpriseId) => {
        const p = plans.get(enterpriseId) ?? null;
        const cells = quarterCells(year, p, p ? reports.filter((r) => r.planId === p.id) : [], today, tz);
        const count = (state: string) => cells.filter((c) => c.state === state).length;
        const submitted = p?.firstSubmittedAt != null;
        return [
          enterpriseId,
          {
            enterpriseId,
            year,
            submitted,
            planDue: template?.status === 'published' && (submitted || today > template.submissionDeadline),
            submittedOnTime:
              submitted && !submittedLate(p!.firstSubmittedAt, template?.submissionDeadline, tz),
            approved: p?.status === 'approved',
            quartersDue: count('submitted') + count('late') + count('missing'),
            quartersOnTime: count('submitted'),
            quartersLate: count('late'),
            quartersMissing: count('missing'),
          },
        ];
      }),
    );
  }

  // ---- helpers ---------------------------------------------------------------------------

  private assertOwnEnterprise(p: WorkPlan): void {
    const scope = this.context.scope();
    if (scope.kind !== 'enterprise' || scope.enterpriseId !== p.enterpriseId) {
      throw new ForbiddenError('Only the enterprise’s own officers change its implementation plan');
    }
  }

  private async underReview(id: string): Promise<{ plan: WorkPlan; version: WorkPlanVersion }> {
    const plan = await this.plans.lock(id);
    if (plan.status !== 'submitted') {
      throw new ConflictError(`The plan is ${plan.status}; only a submitted plan is reviewed`);
    }
    return { plan, version: await this.versions.get(plan.id, plan.versions) };
  }

  private async tellEnterprise(
    plan: WorkPlan,
    kind: 'work_plan.approved' | 'work_plan.returned',
    params: Record<string, string>,
  ): Promise<void> {
    const enterprise = (await this.enterprises.namesByIds([plan.enterpriseId])).get(plan.enterpriseId) ?? '';
    await this.notifications.notify(
      { roles: ['enterprise_officer'], enterpriseId: plan.enterpriseId },
      { kind, params: { enterprise, year: plan.year, ...params }, entity: 'work_plan', entityId: plan.id },
    );
  }

  /**
   * The content as sent, checked against the template: its sections and required tasks kept in
   * the template's order with the template's headings, added tasks given a key, and each
   * responsible person looked up in the enterprise's directory.
   */
  private async content(
    p: WorkPlan,
    sections: readonly WorkPlanTemplateSection[],
    dto: PlanContentDto,
  ): Promise<WorkPlanContent> {
    const problems: string[] = [];
    const textKeys = new Set(sections.filter((s) => s.kind !== 'tasks').map((s) => s.key));
    dto.sections.forEach((s, i) => {
      if (!textKeys.has(s.key))
        problems.push(`sections.${i}.key: ${s.key} is not a goals or safeguards section`);
    });
    const taskSections = new Map(sections.filter((s) => s.kind === 'tasks').map((s) => [s.key, s]));
    const required = new Map(
      sections.flatMap((s) => s.tasks.map((t) => [t.key, { section: s.key, task: t }])),
    );
    const previous = new Map(p.content.tasks.map((t) => [t.key, t]));
    const seen = new Set<string>();
    dto.tasks.forEach((t, i) => {
      if (!taskSections.has(t.sectionKey)) {
        problems.push(`tasks.${i}.sectionKey: ${t.sectionKey} is not a tasks section of the template`);
      }
      if (t.key) {
        const req = required.get(t.key);
        if (req && req.section !== t.sectionKey) {
          problems.push(`tasks.${i}.sectionKey: ${t.key} belongs to ${req.section}`);
        }
        if (!req && !previous.get(t.key)?.extra)
          problems.push(`tasks.${i}.key: ${t.key} is not a task of the plan`);
        if (seen.has(t.key)) problems.push(`tasks.${i}.key: ${t.key} is given twice`);
        seen.add(t.key);
      }
      if (!(t.key && required.has(t.key)) && !t.heading)
        problems.push(`tasks.${i}.heading: an added task needs a heading`);
    });
    const contactIds = [
      ...new Set(dto.tasks.flatMap((t) => (t.responsibleContactId ? [t.responsibleContactId] : []))),
    ];
    const people = new Map((await this.contacts.findByIds(contactIds)).map((c) => [c.id, c]));
    dto.tasks.forEach((t, i) => {
      const c = t.responsibleContactId ? people.get(t.responsibleContactId) : undefined;
      if (t.responsibleContactId && (!c || c.enterpriseId !== p.enterpriseId)) {
        problems.push(
          `tasks.${i}.responsibleContactId: ${t.responsibleContactId} is not a person of the enterprise`,
        );
      }
    });
    if (problems.length) throw new InvalidError(problems);
    const texts = new Map(dto.sections.map((s) => [s.key, s.text]));
    const tasks: WorkPlanTask[] = [];
    // Required tasks first, in the template's order, each present whether sent or not.
    for (const s of sections) {
      for (const t of s.tasks) {
        const sent = dto.tasks.find((x) => x.key === t.key);
        tasks.push(task(t.key, s.key, t.heading, sent, people, false));
      }
      for (const x of dto.tasks) {
        if (x.sectionKey !== s.key || (x.key && required.has(x.key))) continue;
        tasks.push(
          task(x.key ?? `x-${randomBytes(5).toString('hex')}`, s.key, x.heading ?? '', x, people, true),
        );
      }
    }
    return {
      sections: sections
        .filter((s) => s.kind !== 'tasks')
        .map((s) => ({ key: s.key, text: texts.get(s.key) ?? '' })),
      tasks,
    };
  }
}

function task(
  key: string,
  sectionKey: string,
  heading: string,
  sent: PlanContentDto['tasks'][number] | undefined,
  people: Map<string, { name: string }>,
  extra: boolean,
): WorkPlanTask {
  const contactId = sent?.responsibleContactId ?? null;
  return {
    key,
    sectionKey,
    heading,
    measures: sent?.measures ?? '',
    responsibleContactId: contactId,
    responsibleName: contactId ? (people.get(contactId)?.name ?? null) : null,
    deadline: sent?.deadline ?? null,
    extra,
  };
}

/** Each task counted by its status in the latest report that covers it. */
function tally(tasks: readonly WorkPlanTask[], reports: readonly WorkPlanReport[]): WorkPlanTaskTally | null {
  if (!reports.length) return null;
  const latest = [...reports].sort((a, b) => b.quarter - a.quarter)[0]!;
  const status = new Map(latest.entries.map((e) => [e.taskKey, e.status]));
  return {
    total: tasks.length,
    done: tasks.filter((t) => status.get(t.key) === 'done').length,
    delayed: tasks.filter((t) => status.get(t.key) === 'delayed').length,
  };
}

/** Keys unique across sections and tasks; required headings only under tasks sections. */
function sectionProblems(sections: readonly TemplateSectionDto[]): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  const seen = (key: string, path: string) => {
    if (keys.has(key)) problems.push(`${path}: ${key} is used twice`);
    keys.add(key);
  };
  sections.forEach((s, i) => {
    seen(s.key, `sections.${i}.key`);
    if (s.kind !== 'tasks' && s.tasks?.length) {
      problems.push(`sections.${i}.tasks: only a tasks section has required tasks`);
    }
    (s.tasks ?? []).forEach((t, j) => seen(t.key, `sections.${i}.tasks.${j}.key`));
  });
  if (!sections.some((s) => s.kind === 'goals')) problems.push('sections: a template has a goals section');
  return problems;
}

function templateSections(sections: readonly TemplateSectionDto[]): WorkPlanTemplateSection[] {
  return sections.map((s) => ({
    key: s.key,
    kind: s.kind,
    title: s.title,
    guidance: s.guidance ?? '',
    tasks: (s.tasks ?? []).map((t) => ({ key: t.key, heading: t.heading, guidance: t.guidance ?? '' })),
  }));
}

/** Plans for a year are due within that year (or from the December before). */
function deadlineProblems(year: number, deadline: string): string[] {
  return deadline < `${year - 1}-12-01` || deadline > `${year}-12-31`
    ? [`submissionDeadline: plans for ${year} are due between ${year - 1}-12-01 and ${year}-12-31`]
    : [];
}
