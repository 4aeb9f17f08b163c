import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '../database/db.js';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { escapeLike } from '../common/sql.js';
import {
  EscalationPolicy,
  EscalationTier,
  EscalationTierContact,
  EscalationTierTeam,
} from './escalation-policy.entity.js';

export interface PolicyFilter {
  q?: string;
  /** An enterprise's policies, or 'zone'. */
  owner?: string;
  skip: number;
  take: number;
}

/**
 * Policies name people and their phones, so they follow the directory's scope strictly: an
 * enterprise officer sees the policies of their enterprise, not the zone's.
 */
@Injectable()
export class EscalationPolicyRepository extends EnterpriseScopedRepository<EscalationPolicy> {
  protected readonly target = EscalationPolicy;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Escalation policy not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  async list(f: PolicyFilter): Promise<[EscalationPolicy[], number]> {
    const qb = this.query('p')
      .orderBy('p.enterpriseId', 'ASC', 'NULLS FIRST')
      .addOrderBy('p.name', 'ASC')
      .skip(f.skip)
      .take(f.take);
    if (f.q) qb.andWhere('p.name ILIKE :q', { q: `%${escapeLike(f.q)}%` });
    if (f.owner === 'zone') qb.andWhere('p.enterpriseId IS NULL');
    else if (f.owner) qb.andWhere('p.enterpriseId = :owner', { owner: f.owner });
    const [rows, total] = await qb.getManyAndCount();
    await this.attachTiers(rows);
    return [rows, total];
  }

  override async findById(id: string): Promise<EscalationPolicy | null> {
    const p = await super.findById(id);
    if (p) await this.attachTiers([p]);
    return p;
  }

  /** Names and tier counts of policies, whatever the caller's scope: a plan shows its levels' policies by name. */
  async summaries(ids: string[]): Promise<Map<string, { id: string; name: string; tierCount: number }>> {
    if (!ids.length) return new Map();
    const rows = (await this.db.manager.query(
      `SELECT p.id, p.name, (SELECT count(*)::int FROM escalation_tier t WHERE t.policy_id = p.id) AS tier_count
         FROM escalation_policy p WHERE p.id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    )) as { id: string; name: string; tier_count: number }[];
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, tierCount: r.tier_count }]));
  }

  /** Saves the policy and replaces its tiers with `p.tiers`, in order. */
  async save(p: EscalationPolicy): Promise<EscalationPolicy> {
    this.assertInScope(p.enterpriseId);
    const tiers = p.tiers;
    const saved = await this.repo.save(p);
    const tierRepo = this.db.repo(EscalationTier);
    await tierRepo.delete({ policyId: saved.id });
    saved.tiers = [];
    for (const [position, t] of tiers.entries()) {
      const row = await tierRepo.save(
        tierRepo.create({
          policyId: saved.id,
          position,
          rotationId: t.rotationId,
          channels: t.channels,
          voiceDelaySeconds: t.voiceDelaySeconds,
          ackTimeoutSeconds: t.ackTimeoutSeconds,
          quorum: t.quorum,
          repeats: t.repeats,
        }),
      );
      if (t.contactIds.length) {
        await this.db
          .repo(EscalationTierContact)
          .insert(t.contactIds.map((contactId, i) => ({ tierId: row.id, contactId, position: i })));
      }
      if (t.teamIds.length) {
        await this.db
          .repo(EscalationTierTeam)
          .insert(t.teamIds.map((teamId, i) => ({ tierId: row.id, teamId, position: i })));
      }
      row.contactIds = t.contactIds;
      row.teamIds = t.teamIds;
      saved.tiers.push(row);
    }
    return saved;
  }

  async remove(p: EscalationPolicy): Promise<void> {
    this.assertInScope(p.enterpriseId);
    await this.repo.delete({ id: p.id });
  }

  /** Plan levels that page with this policy, so it is not deleted from under a plan. */
  async levelUses(id: string): Promise<{ planTitle: string; levelCode: string; versionNumber: number }[]> {
    const rows = (await this.db.manager.query(
      `SELECT p.title AS plan_title, l.code AS level_code, v.number AS version_number
         FROM plan_level l JOIN plan_version v ON v.id = l.version_id JOIN plan p ON p.id = v.plan_id
        WHERE l.policy_id = $1 ORDER BY p.title, v.number`,
      [id],
    )) as { plan_title: string; level_code: string; version_number: number }[];
    return rows.map((r) => ({
      planTitle: r.plan_title,
      levelCode: r.level_code,
      versionNumber: r.version_number,
    }));
  }

  private async attachTiers(policies: EscalationPolicy[]): Promise<void> {
    if (!policies.length) return;
    const tiers = await this.db.repo(EscalationTier).find({
      where: { policyId: In(policies.map((p) => p.id)) },
      order: { position: 'ASC' },
    });
    const tierIds = tiers.map((t) => t.id);
    const contacts = tierIds.length
      ? await this.db
          .repo(EscalationTierContact)
          .find({ where: { tierId: In(tierIds) }, order: { position: 'ASC' } })
      : [];
    const teams = tierIds.length
      ? await this.db
          .repo(EscalationTierTeam)
          .find({ where: { tierId: In(tierIds) }, order: { position: 'ASC' } })
      : [];
    for (const t of tiers) {
      t.contactIds = contacts.filter((c) => c.tierId === t.id).map((c) => c.contactId);
      t.teamIds = teams.filter((c) => c.tierId === t.id).map((c) => c.teamId);
    }
    for (const p of policies) p.tiers = tiers.filter((t) => t.policyId === p.id);
  }
}
