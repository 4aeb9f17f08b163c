import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { type PageRequest, pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { PG_INT_MAX } from '../common/sql.js';
import type {
  AuditAction,
  ListResponse,
  ScenarioDocument,
  ScenarioExport,
  ScenarioVersionSummary,
  ScenarioView,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { TeamService } from '../directory/team.service.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { UserFinder } from '../identity/user-finder.js';
import { PlanService } from '../plans/plan.service.js';
import { DrillScenario, DrillScenarioVersion } from './drill.entities.js';
import { exportScenario, parseScenarioDocument, parseScenarioExport } from './scenario-document.js';
import { ScenarioRepository } from './scenario.repository.js';
import { InvalidError, NotFoundError } from '../common/domain-errors.js';

/**
 * The scenario library. Every save is a new version; earlier versions are kept, and a run keeps
 * a copy of the version it was scheduled from, so editing a scenario never rewrites history.
 */
@Injectable()
export class ScenarioService {
  constructor(
    private readonly db: Db,
    private readonly scenarios: ScenarioRepository,
    private readonly plans: PlanService,
    private readonly enterprises: EnterpriseService,
    private readonly contacts: ContactService,
    private readonly teams: TeamService,
    private readonly users: UserFinder,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(q: PageRequest & { q?: string }): Promise<ListResponse<ScenarioView>> {
    const [rows, total] = await this.scenarios.list({ q: q.q, ...pageWindow(q) });
    return { items: await this.views(rows), total };
  }

  async get(id: string): Promise<ScenarioView> {
    return (await this.views([await this.scenarios.getById(id)]))[0]!;
  }

  async create(input: unknown): Promise<ScenarioView> {
    const doc = await this.checked(parseScenarioDocument(input));
    return this.insert(doc, 'drill_scenario.created');
  }

  async update(id: string, input: unknown): Promise<ScenarioView> {
    const doc = await this.checked(parseScenarioDocument(input));
    return this.db.transaction(async () => {
      const before = await this.scenarios.getById(id);
      await this.db.manager.query('SELECT 1 FROM drill_scenario WHERE id = $1 FOR UPDATE', [id]);
      const current = await this.db.repo(DrillScenario).findOneByOrFail({ id });
      this.scenarios.assertInScope(doc.setting.enterpriseId);
      current.version += 1;
      current.title = doc.title;
      current.document = doc;
      current.enterpriseId = doc.setting.enterpriseId;
      await this.db.repo(DrillScenario).save(current);
      await this.saveVersion(current);
      await this.audit.record({
        action: 'drill_scenario.updated',
        entity: 'drill_scenario',
        entityId: id,
        before: { version: before.version, title: before.title },
        after: { version: current.version, title: current.title, injects: doc.injects.length },
      });
      return this.get(id);
    });
  }

  /**
   * Retires a scenario from the library. Runs keep their own copy of what they rehearsed, so the
   * scenario stays readable by id (for their reports) and only leaves the list.
   */
  async archive(id: string): Promise<void> {
    await this.db.transaction(async () => {
      const s = await this.scenarios.getById(id);
      if (s.archived) return;
      await this.db.repo(DrillScenario).update(id, { archived: true });
      await this.audit.record({
        action: 'drill_scenario.archived',
        entity: 'drill_scenario',
        entityId: id,
        before: { title: s.title, version: s.version },
      });
    });
  }

  async versions(id: string): Promise<ScenarioVersionSummary[]> {
    await this.scenarios.getById(id);
    const rows = await this.db
      .repo(DrillScenarioVersion)
      .find({ where: { scenarioId: id }, order: { version: 'DESC' } });
    const authorIds = [...new Set(rows.map((v) => v.createdBy).filter((x): x is string => !!x))];
    const authors = await this.users.namesByIds(authorIds);
    return rows.map((v) => ({
      version: v.version,
      title: v.document.title,
      createdAt: v.createdAt.toISOString(),
      createdBy: v.createdBy ? (authors.get(v.createdBy) ?? null) : null,
    }));
  }

  async version(id: string, version: number): Promise<ScenarioDocument> {
    await this.scenarios.getById(id);
    // A number outside the integer column names no version (and the database would refuse it);
    // versions count from 1.
    const row =
      version >= 1 && version <= PG_INT_MAX
        ? await this.db.repo(DrillScenarioVersion).findOneBy({ scenarioId: id, version })
        : null;
    if (!row) throw new NotFoundError(`Scenario version ${version} not found`);
    return row.document;
  }

  async copy(id: string): Promise<ScenarioView> {
    const source = await this.scenarios.getById(id);
    const doc: ScenarioDocument = { ...source.document, title: `${source.document.title}（副本）` };
    return this.insert(await this.checked(parseScenarioDocument(doc)), 'drill_scenario.copied', {
      copiedFrom: id,
      version: source.version,
    });
  }

  async export(id: string): Promise<ScenarioExport> {
    return exportScenario((await this.scenarios.getById(id)).document);
  }

  async import(input: unknown): Promise<ScenarioView> {
    return this.insert(await this.checked(parseScenarioExport(input)), 'drill_scenario.imported');
  }

  /** The document at the version a run is scheduled from, with the scope already applied. */
  async forRun(id: string): Promise<DrillScenario> {
    return this.scenarios.getById(id);
  }

  private async insert(
    doc: ScenarioDocument,
    action: AuditAction,
    extra: Record<string, unknown> = {},
  ): Promise<ScenarioView> {
    this.scenarios.assertInScope(doc.setting.enterpriseId);
    return this.db.transaction(async () => {
      const row = await this.db.repo(DrillScenario).save(
        Object.assign(new DrillScenario(), {
          enterpriseId: doc.setting.enterpriseId,
          version: 1,
          title: doc.title,
          document: doc,
          createdBy: this.context.principal()?.id ?? null,
        }),
      );
      await this.saveVersion(row);
      await this.audit.record({
        action,
        entity: 'drill_scenario',
        entityId: row.id,
        after: { title: doc.title, injects: doc.injects.length, ...extra },
      });
      return this.get(row.id);
    });
  }

  private async saveVersion(s: DrillScenario): Promise<void> {
    await this.db.repo(DrillScenarioVersion).insert({
      scenarioId: s.id,
      version: s.version,
      document: s.document,
      createdBy: this.context.principal()?.id ?? null,
    });
  }

  /** References that must exist: the plan, the enterprise, the teams and named contacts. */
  private async checked(doc: ScenarioDocument): Promise<ScenarioDocument> {
    const problems: string[] = [];
    if (doc.planId && !(await this.plans.summariesByIds([doc.planId])).length)
      problems.push(`planId: no such plan ${doc.planId}`);
    const eid = doc.setting.enterpriseId;
    if (eid && !(await this.enterprises.namesByIds([eid])).has(eid))
      problems.push(`setting.enterpriseId: no such enterprise ${eid}`);
    if (doc.teamIds.length) {
      const found = new Set((await this.teams.findByIds(doc.teamIds)).map((t) => t.id));
      doc.teamIds.forEach((t, i) => {
        if (!found.has(t)) problems.push(`teamIds.${i}: no such team ${t}`);
      });
    }
    const contactIds = doc.injects.flatMap((inj) =>
      inj.kind === 'responder_unreachable' ? [(inj.content as { contactId: string }).contactId] : [],
    );
    if (contactIds.length) {
      const found = new Set((await this.contacts.findByIds(contactIds)).map((c) => c.id));
      doc.injects.forEach((inj, i) => {
        const cid = (inj.content as { contactId?: string }).contactId;
        if (inj.kind === 'responder_unreachable' && cid && !found.has(cid))
          problems.push(`injects.${i}.content.contactId: no such contact ${cid}`);
      });
    }
    if (problems.length) throw new InvalidError(problems);
    return doc;
  }

  private async views(rows: DrillScenario[]): Promise<ScenarioView[]> {
    const planIds = [...new Set(rows.map((r) => r.document.planId).filter((x): x is string => !!x))];
    const plans = new Map((await this.plans.summariesByIds(planIds)).map((p) => [p.id, p]));
    const entIds = [...new Set(rows.map((r) => r.enterpriseId).filter((x): x is string => !!x))];
    const ents = await this.enterprises.namesByIds(entIds);
    return rows.map((r) => {
      const plan = r.document.planId ? plans.get(r.document.planId) : undefined;
      return {
        ...r.document,
        id: r.id,
        version: r.version,
        enterpriseId: r.enterpriseId,
        enterpriseName: r.enterpriseId ? (ents.get(r.enterpriseId) ?? null) : null,
        planTitle: plan?.title ?? null,
        planType: plan?.type ?? null,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      };
    });
  }
}
