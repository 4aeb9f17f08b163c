import { Injectable } from '@nestjs/common';
import { In, type SelectQueryBuilder } from 'typeorm';
import { Db } from '../database/db.js';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { escapeLike } from '../common/sql.js';
import type { IncidentCategory, PlanType, PlanVersionStatus } from '@muster/contracts';
import { DisposalCard } from './disposal-card.entity.js';
import { PlanLevel } from './plan-level.entity.js';
import { PlanVersion } from './plan-version.entity.js';
import { Plan } from './plan.entity.js';
import { NotFoundError } from '../common/domain-errors.js';

export interface PlanFilter {
  q?: string;
  type?: PlanType;
  /** An enterprise's plans, or 'zone' for the zone's own. */
  owner?: string;
  category?: IncidentCategory;
  skip: number;
  take: number;
}

export interface PublishedCandidate {
  plan: Plan;
  version: PlanVersion;
}

/**
 * Plans of an enterprise are scoped to it; the zone's plans (enterprise_id NULL) are readable by
 * every enterprise officer too, because enterprise plans must dovetail with the zone's (衔接,
 * GB/T 29639 §4) and officers need to read what the zone will do around them. Writing a zone plan
 * is the zone's alone (checked in the service, which answers 403 for a plan the caller can see).
 */
@Injectable()
export class PlanRepository extends EnterpriseScopedRepository<Plan> {
  protected readonly target = Plan;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Plan not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  protected override query(alias: string): SelectQueryBuilder<Plan> {
    const qb = this.repo.createQueryBuilder(alias);
    return scopeIncludingZone(qb, `${alias}.enterpriseId`, this.context);
  }

  list(f: PlanFilter): Promise<[Plan[], number]> {
    const qb = this.query('p')
      .orderBy('p.enterpriseId', 'ASC', 'NULLS FIRST')
      .addOrderBy('p.type', 'ASC')
      .addOrderBy('p.title', 'ASC')
      .skip(f.skip)
      .take(f.take);
    if (f.q) {
      qb.andWhere('(p.title ILIKE :q OR p.code ILIKE :q)', { q: `%${escapeLike(f.q)}%` });
    }
    if (f.type) qb.andWhere('p.type = :type', { type: f.type });
    if (f.owner === 'zone') qb.andWhere('p.enterpriseId IS NULL');
    else if (f.owner) qb.andWhere('p.enterpriseId = :owner', { owner: f.owner });
    if (f.category) {
      qb.andWhere(`(cardinality(p.incidentCategories) = 0 OR :category = ANY(p.incidentCategories))`, {
        category: f.category,
      });
    }
    return qb.getManyAndCount();
  }

  async save(p: Plan): Promise<Plan> {
    this.assertInScope(p.enterpriseId);
    return this.repo.save(p);
  }

  async remove(p: Plan): Promise<void> {
    this.assertInScope(p.enterpriseId);
    await this.repo.delete({ id: p.id });
  }

  /** Serializes workflow changes of one plan (publishing above all) until the transaction ends. */
  async lock(planId: string): Promise<void> {
    await this.db.manager.query(`SELECT id FROM plan WHERE id = $1 FOR UPDATE`, [planId]);
  }

  /** The plans among `ids` whatever their owner: for naming what another record refers to. */
  anyByIds(ids: readonly string[]): Promise<Plan[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo.findBy({ id: In([...new Set(ids)]) });
  }

  /**
   * The plans of these enterprises that are in force (a version published), each with when it
   * was first published: it has been binding since, superseded editions included.
   */
  inForce(
    enterpriseIds: readonly string[],
  ): Promise<{ enterpriseId: string; type: PlanType; firstPublishedAt: Date }[]> {
    return this.db.manager
      .query(
        `SELECT p.enterprise_id, p.type, min(v.published_at) AS first_published_at
           FROM plan p JOIN plan_version v ON v.plan_id = p.id
          WHERE p.enterprise_id = ANY($1) AND v.published_at IS NOT NULL
          GROUP BY p.id
         HAVING bool_or(v.status = 'published')`,
        [enterpriseIds],
      )
      .then((rows: { enterprise_id: string; type: PlanType; first_published_at: Date }[]) =>
        rows.map((r) => ({
          enterpriseId: r.enterprise_id,
          type: r.type,
          firstPublishedAt: new Date(r.first_published_at),
        })),
      );
  }

  // ---- versions ----------------------------------------------------------------------------

  private get versions() {
    return this.db.repo(PlanVersion);
  }

  versionsOf(planIds: string[], statuses?: PlanVersionStatus[]): Promise<PlanVersion[]> {
    if (!planIds.length) return Promise.resolve([]);
    return this.versions.find({
      where: { planId: In(planIds), ...(statuses ? { status: In(statuses) } : {}) },
      order: { number: 'DESC' },
    });
  }

  /** A version, if its plan is visible to the caller. */
  async getVersion(id: string): Promise<{ version: PlanVersion; plan: Plan }> {
    const version = await this.versions.findOneBy({ id });
    const plan = version ? await this.findById(version.planId) : null;
    if (!version || !plan) throw new NotFoundError('Plan version not found');
    return { version, plan };
  }

  /** Reads the version's row again under the plan's lock, so the status checked is the current one. */
  async reloadVersion(id: string): Promise<PlanVersion> {
    return this.versions.findOneByOrFail({ id });
  }

  latestVersion(planId: string): Promise<PlanVersion | null> {
    return this.versions.findOne({ where: { planId }, order: { number: 'DESC' } });
  }

  findVersionByStatus(planId: string, statuses: PlanVersionStatus[]): Promise<PlanVersion | null> {
    return this.versions.findOne({ where: { planId, status: In(statuses) }, order: { number: 'DESC' } });
  }

  saveVersion(v: PlanVersion): Promise<PlanVersion> {
    return this.versions.save(v);
  }

  async removeVersion(id: string): Promise<void> {
    await this.versions.delete({ id });
  }

  async everPublished(planId: string): Promise<boolean> {
    return this.versions.exists({ where: { planId, status: In(['published', 'superseded']) } });
  }

  /** Published versions of plans of that enterprise and of the zone that cover the category. */
  async publishedFor(enterpriseId: string | null, category: IncidentCategory): Promise<PublishedCandidate[]> {
    const qb = this.query('p')
      .innerJoin(PlanVersion, 'v', `v.planId = p.id AND v.status = 'published'`)
      .addSelect('v.id', 'version_id')
      .andWhere(`(cardinality(p.incidentCategories) = 0 OR :category = ANY(p.incidentCategories))`, {
        category,
      })
      .andWhere(
        enterpriseId ? '(p.enterpriseId = :eid OR p.enterpriseId IS NULL)' : 'p.enterpriseId IS NULL',
        {
          eid: enterpriseId,
        },
      )
      .orderBy('p.title', 'ASC');
    const { entities, raw } = await qb.getRawAndEntities<{ version_id: string }>();
    const versionIds = raw.map((r) => r.version_id);
    const versions = versionIds.length ? await this.versions.findBy({ id: In(versionIds) }) : [];
    const byPlan = new Map(versions.map((v) => [v.planId, v]));
    return entities.map((plan) => ({ plan, version: byPlan.get(plan.id)! }));
  }

  // ---- levels and disposal cards -----------------------------------------------------------

  levelsOf(versionIds: string[]): Promise<PlanLevel[]> {
    if (!versionIds.length) return Promise.resolve([]);
    return this.db.repo(PlanLevel).find({ where: { versionId: In(versionIds) }, order: { rank: 'ASC' } });
  }

  findLevel(id: string): Promise<PlanLevel | null> {
    return this.db.repo(PlanLevel).findOneBy({ id });
  }

  saveLevel(l: PlanLevel): Promise<PlanLevel> {
    return this.db.repo(PlanLevel).save(l);
  }

  async removeLevel(id: string): Promise<void> {
    await this.db.repo(PlanLevel).delete({ id });
  }

  cardsOf(versionId: string): Promise<DisposalCard[]> {
    return this.db.repo(DisposalCard).find({ where: { versionId }, order: { position: 'ASC' } });
  }

  findCard(id: string): Promise<DisposalCard | null> {
    return this.db.repo(DisposalCard).findOneBy({ id });
  }

  saveCard(c: DisposalCard): Promise<DisposalCard> {
    return this.db.repo(DisposalCard).save(c);
  }

  async removeCard(id: string): Promise<void> {
    await this.db.repo(DisposalCard).delete({ id });
  }
}

/** Enterprise scope that also admits the zone's own records (enterprise_id NULL). */
export function scopeIncludingZone<Q extends SelectQueryBuilder<object>>(
  qb: Q,
  column: string,
  context: RequestContext,
): Q {
  const scope = context.scope();
  if (scope.kind === 'enterprise') {
    qb.andWhere(`(${column} = :scopeEnterpriseId OR ${column} IS NULL)`, {
      scopeEnterpriseId: scope.enterpriseId,
    });
  } else if (scope.kind === 'none') {
    qb.andWhere('1 = 0');
  }
  return qb;
}
