import { Injectable } from '@nestjs/common';
import type { PlanLevelView } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { InvalidError, NotFoundError } from '../common/domain-errors.js';
import { Db } from '../database/db.js';
import { TeamRepository } from '../directory/team.repository.js';
import { EscalationPolicyService } from './escalation-policy.service.js';
import { PlanAccess } from './plan-access.js';
import { PlanLevel } from './plan-level.entity.js';
import type { ChecklistItemDto, LevelCreateDto, LevelUpdateDto } from './plan.dto.js';
import type { Plan } from './plan.entity.js';
import { PlanRepository } from './plan.repository.js';
import { PlanViews } from './plan.view.js';

/**
 * The response levels of a draft version: which severities each answers, the checklist it sets in
 * motion, and the escalation policy it pages. The checklist's teams and the policy are the plan
 * owner's (or the zone's, for a policy).
 */
@Injectable()
export class PlanLevelService {
  constructor(
    private readonly db: Db,
    private readonly plans: PlanRepository,
    private readonly policies: EscalationPolicyService,
    private readonly teams: TeamRepository,
    private readonly access: PlanAccess,
    private readonly views: PlanViews,
    private readonly audit: AuditService,
  ) {}

  async add(versionId: string, dto: LevelCreateDto): Promise<PlanLevelView> {
    const level = await this.db.transaction(async () => {
      const { plan } = await this.access.draftVersion(versionId);
      await this.checkRefs(plan, dto);
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
    return (await this.views.levels([level]))[0]!;
  }

  async update(id: string, dto: LevelUpdateDto): Promise<PlanLevelView> {
    const level = await this.db.transaction(async () => {
      const l = await this.plans.findLevel(id);
      if (!l) throw new NotFoundError('Level not found');
      const { plan } = await this.access.draftVersion(l.versionId, 'Level not found');
      await this.checkRefs(plan, dto);
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
    return (await this.views.levels([level]))[0]!;
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction(async () => {
      const l = await this.plans.findLevel(id);
      if (!l) throw new NotFoundError('Level not found');
      await this.access.draftVersion(l.versionId, 'Level not found');
      await this.plans.removeLevel(id);
      await this.audit.record({
        action: 'plan_level.deleted',
        entity: 'plan_level',
        entityId: id,
        before: l,
      });
    });
  }

  /** The policy must be usable by the plan's owner; each checklist item names a role or one of its teams. */
  private async checkRefs(plan: Plan, dto: LevelUpdateDto): Promise<void> {
    if (dto.policyId) await this.policies.assertUsableBy(dto.policyId, plan.enterpriseId, 'policyId');
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
