import { Injectable } from '@nestjs/common';
import type { DutyPolicyView, DutyTier } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { InvalidError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { RotationService } from '../directory/rotation.service.js';
import { TeamService } from '../directory/team.service.js';
import type { DutyPolicyDto } from './duty-policy.dto.js';
import { DutyPolicy } from './duty.entities.js';

/** What a zone without a policy sees in the editor: one tier, no rules, switched off. */
const DEFAULT_TIERS: DutyTier[] = [
  { ackTimeoutSeconds: 300, channels: ['sms', 'voice'], voiceDelaySeconds: 120 },
];

/** The zone's alerting policy: read by the zone's command, kept by the zone admin. */
@Injectable()
export class DutyPolicyService {
  constructor(
    private readonly db: Db,
    private readonly rotations: RotationService,
    private readonly teams: TeamService,
    private readonly contacts: ContactService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  /** The stored policy, or null when the zone has none. */
  current(): Promise<DutyPolicy | null> {
    return this.db.repo(DutyPolicy).findOneBy({ id: true });
  }

  async get(): Promise<DutyPolicyView> {
    return this.view(await this.current());
  }

  async update(dto: DutyPolicyDto): Promise<DutyPolicyView> {
    await this.check(dto);
    return this.db.transaction(async () => {
      const previous = await this.current();
      const before = previous ? await this.view(previous) : undefined;
      const row = Object.assign(previous ?? new DutyPolicy(), {
        id: true,
        enabled: dto.enabled,
        dutyRotationId: dto.dutyRotationId,
        tiers: dto.tiers.map((t) => ({
          ackTimeoutSeconds: t.ackTimeoutSeconds,
          channels: t.channels,
          voiceDelaySeconds: t.voiceDelaySeconds,
        })),
        rules: dto.rules.map((r) => ({
          minSeverity: r.minSeverity,
          category: r.category,
          tier: r.tier,
          targets: r.targets.map((t) =>
            t.kind === 'team'
              ? { kind: 'team' as const, teamId: t.teamId! }
              : t.kind === 'contact'
                ? { kind: 'contact' as const, contactId: t.contactId! }
                : { kind: t.kind },
          ),
        })),
        updatedBy: this.context.principal()?.id ?? null,
        updatedAt: new Date(),
      });
      await this.db.repo(DutyPolicy).save(row);
      const after = await this.view(row);
      await this.audit.record({ action: 'duty_policy.updated', entity: 'duty_policy', before, after });
      return after;
    });
  }

  /** References are checked like any other: an unknown (or out of scope) id names its field. */
  private async check(dto: DutyPolicyDto): Promise<void> {
    const problems: string[] = [];
    if (dto.dutyRotationId && !(await this.rotations.findByIds([dto.dutyRotationId])).length)
      problems.push('dutyRotationId: no such rotation');
    const teamIds = new Set<string>();
    const contactIds = new Set<string>();
    dto.rules.forEach((r, i) => {
      if (r.tier >= dto.tiers.length) problems.push(`rules.${i}.tier: there are ${dto.tiers.length} tiers`);
      r.targets.forEach((t, j) => {
        if (t.kind === 'duty_officer' && !dto.dutyRotationId)
          problems.push(
            `rules.${i}.targets.${j}.kind: the duty officer needs a duty rotation (dutyRotationId)`,
          );
        if (t.kind === 'team') teamIds.add(t.teamId!);
        if (t.kind === 'contact') contactIds.add(t.contactId!);
      });
    });
    const teams = new Set((await this.teams.findByIds([...teamIds])).map((t) => t.id));
    for (const id of teamIds) if (!teams.has(id)) problems.push(`rules.targets.teamId: no such team ${id}`);
    const contacts = new Set((await this.contacts.findByIds([...contactIds])).map((c) => c.id));
    for (const id of contactIds)
      if (!contacts.has(id)) problems.push(`rules.targets.contactId: no such contact ${id}`);
    if (problems.length) throw new InvalidError(problems);
  }

  private async view(p: DutyPolicy | null): Promise<DutyPolicyView> {
    if (!p)
      return {
        enabled: false,
        dutyRotationId: null,
        dutyRotationName: null,
        tiers: DEFAULT_TIERS,
        rules: [],
        updatedAt: null,
      };
    const [rotation] = p.dutyRotationId ? await this.rotations.findByIds([p.dutyRotationId]) : [];
    return {
      enabled: p.enabled,
      dutyRotationId: p.dutyRotationId,
      dutyRotationName: rotation?.name ?? null,
      tiers: p.tiers,
      rules: p.rules,
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}
