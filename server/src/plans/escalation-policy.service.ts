import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import type {
  ListResponse,
  EscalationPolicyView,
  PolicyPreview,
  PreviewRecipient,
  PreviewTier,
  RecipientSource,
  TeamView,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { ContactService, type PageableContact } from '../directory/contact.service.js';
import { type OnCallRota, RotationService } from '../directory/rotation.service.js';
import { TeamService } from '../directory/team.service.js';
import { EscalationPolicy, EscalationTier } from './escalation-policy.entity.js';
import type {
  EscalationTierDto,
  PolicyCreateDto,
  PolicyListQueryDto,
  PolicyUpdateDto,
} from './escalation-policy.dto.js';
import { mapPolicy } from './escalation-policy.view.js';
import { EscalationPolicyRepository } from './escalation-policy.repository.js';
import { ConflictError, InvalidError } from '../common/domain-errors.js';

/** Everything a set of tiers names, loaded once for validation or preview. */
interface Targets {
  contacts: Map<string, PageableContact>;
  teams: Map<string, TeamView>;
  rotations: Map<string, OnCallRota>;
}

@Injectable()
export class EscalationPolicyService {
  constructor(
    private readonly db: Db,
    private readonly policies: EscalationPolicyRepository,
    private readonly enterprises: EnterpriseService,
    private readonly contacts: ContactService,
    private readonly teams: TeamService,
    private readonly rotations: RotationService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(q: PolicyListQueryDto): Promise<ListResponse<EscalationPolicyView>> {
    const [rows, total] = await this.policies.list({ ...q, ...pageWindow(q) });
    const names = await this.enterprises.namesByIds(ownerIds(rows));
    return { items: rows.map((p) => mapPolicy(p, names.get(p.enterpriseId ?? '') ?? null)), total };
  }

  async get(id: string): Promise<EscalationPolicyView> {
    return this.view(await this.policies.getById(id));
  }

  async create(dto: PolicyCreateDto): Promise<EscalationPolicyView> {
    return this.db.transaction(async () => {
      const p = new EscalationPolicy();
      p.enterpriseId = this.owner(dto.enterpriseId);
      p.name = dto.name;
      p.description = dto.description ?? '';
      p.tiers = await this.validTiers(p.enterpriseId, dto.tiers);
      const saved = await this.policies.save(p);
      const view = await this.view(saved);
      await this.audit.record({
        action: 'policy.created',
        entity: 'escalation_policy',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(id: string, dto: PolicyUpdateDto): Promise<EscalationPolicyView> {
    return this.db.transaction(async () => {
      const p = await this.policies.getById(id);
      const before = await this.view(p);
      if (dto.name !== undefined) p.name = dto.name;
      if (dto.description !== undefined) p.description = dto.description;
      // Tiers are re-validated on every save, also when unchanged: a contact may have lost
      // their phone since, and a policy that cannot page must not be saved as if it could.
      p.tiers = await this.validTiers(p.enterpriseId, dto.tiers ?? before.tiers);
      const view = await this.view(await this.policies.save(p));
      await this.audit.record({
        action: 'policy.updated',
        entity: 'escalation_policy',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  async remove(id: string): Promise<void> {
    return this.db.transaction(async () => {
      const p = await this.policies.getById(id);
      const uses = await this.policies.levelUses(id);
      if (uses.length) {
        const named = uses
          .slice(0, 5)
          .map((u) => `${u.planTitle} v${u.versionNumber} level ${u.levelCode}`)
          .join('; ');
        throw new ConflictError(`The policy pages for ${uses.length} plan level(s): ${named}`);
      }
      const before = await this.view(p);
      await this.policies.remove(p);
      await this.audit.record({
        action: 'policy.deleted',
        entity: 'escalation_policy',
        entityId: id,
        before,
      });
    });
  }

  /**
   * Each tier resolved to the people it would page if a call-out started at `at`: teams expanded
   * to their members, a rotation to whoever is on call when that tier starts (a tier paged 20
   * minutes in may reach the next shift).
   */
  async preview(id: string, at: Date = new Date()): Promise<PolicyPreview> {
    return (await this.resolve(id, at)).preview;
  }

  /**
   * The preview with the contacts it pages, as loaded for it: a call-out started from the policy
   * needs their languages, and a team of thousands is not worth loading twice.
   */
  async resolve(
    id: string,
    at: Date = new Date(),
  ): Promise<{ preview: PolicyPreview; contacts: ReadonlyMap<string, PageableContact> }> {
    const p = await this.policies.getById(id);
    const targets = await this.loadTargets(p.tiers);
    let offset = 0;
    const tiers: PreviewTier[] = p.tiers.map((t, index) => {
      const startsAfterSeconds = offset;
      offset += t.ackTimeoutSeconds * (1 + t.repeats);
      const { recipients, problems } = this.resolveTier(
        t,
        targets,
        new Date(at.getTime() + startsAfterSeconds * 1000),
      );
      return {
        index,
        startsAfterSeconds,
        channels: t.channels,
        voiceDelaySeconds: t.voiceDelaySeconds,
        ackTimeoutSeconds: t.ackTimeoutSeconds,
        quorum: t.quorum,
        repeats: t.repeats,
        recipients,
        problems,
      };
    });
    return {
      preview: { policyId: p.id, policyName: p.name, at: at.toISOString(), tiers },
      contacts: targets.contacts,
    };
  }

  /** A policy may be attached to a plan level of the same owner only. */
  async assertUsableBy(policyId: string, ownerEnterpriseId: string | null, field: string): Promise<void> {
    const p = await this.policies.findById(policyId);
    if (!p) throw new InvalidError([`${field}: escalation policy does not exist`]);
    if (p.enterpriseId !== ownerEnterpriseId) {
      throw new InvalidError([`${field}: the policy belongs to another owner than the plan`]);
    }
  }

  // ---- rules -------------------------------------------------------------------------------

  private owner(requested: string | null | undefined): string | null {
    const principal = this.context.principal();
    if (requested === undefined) {
      return principal?.role === 'enterprise_officer' ? principal.enterpriseId : null;
    }
    return requested;
  }

  private async validTiers(owner: string | null, dtos: EscalationTierDto[]): Promise<EscalationTier[]> {
    const tiers = dtos.map((d) => {
      const t = new EscalationTier();
      t.contactIds = d.contactIds;
      t.teamIds = d.teamIds;
      t.rotationId = d.rotationId ?? null;
      t.channels = d.channels;
      t.voiceDelaySeconds = d.voiceDelaySeconds ?? 0;
      t.ackTimeoutSeconds = d.ackTimeoutSeconds;
      t.quorum = d.quorum;
      t.repeats = d.repeats ?? 0;
      return t;
    });
    const targets = await this.loadTargets(tiers);
    const problems = tiers.flatMap((t, i) => tierProblems(t, i, owner, targets));
    if (problems.length) throw new InvalidError(problems);
    return tiers;
  }

  private async loadTargets(tiers: EscalationTier[]): Promise<Targets> {
    const teams = await this.teams.findByIds(tiers.flatMap((t) => t.teamIds));
    const rotations = await this.rotations.rotasByIds(
      tiers.flatMap((t) => (t.rotationId ? [t.rotationId] : [])),
    );
    const contactIds = [
      ...tiers.flatMap((t) => t.contactIds),
      ...teams.flatMap((t) => t.memberContactIds),
      ...rotations.flatMap((r) => [...r.memberContactIds, ...r.overrides.map((o) => o.contactId)]),
    ];
    const contacts = await this.contacts.pageableByIds(contactIds);
    return {
      contacts: new Map(contacts.map((c) => [c.id, c])),
      teams: new Map(teams.map((t) => [t.id, t])),
      rotations: new Map(rotations.map((r) => [r.id, r])),
    };
  }

  private resolveTier(
    t: EscalationTier,
    targets: Targets,
    at: Date,
  ): { recipients: PreviewRecipient[]; problems: string[] } {
    const byId = new Map<string, PreviewRecipient>();
    const problems: string[] = [];
    const add = (contactId: string, via: RecipientSource) => {
      const c = targets.contacts.get(contactId);
      if (!c) {
        problems.push(`contact ${contactId} is no longer visible`);
        return;
      }
      const r = byId.get(contactId) ?? { contactId, name: c.name, phone: c.phones[0] ?? null, via: [] };
      r.via.push(via);
      byId.set(contactId, r);
    };
    for (const id of t.contactIds) add(id, { kind: 'contact' });
    for (const teamId of t.teamIds) {
      const team = targets.teams.get(teamId);
      if (!team) {
        problems.push(`team ${teamId} is no longer visible`);
        continue;
      }
      for (const m of team.memberContactIds) add(m, { kind: 'team', teamId, teamName: team.name });
    }
    if (t.rotationId) {
      const rot = targets.rotations.get(t.rotationId);
      if (!rot) {
        problems.push(`rotation ${t.rotationId} is no longer visible`);
      } else {
        const onCall = rot.onCallAt(at);
        if (onCall) add(onCall, { kind: 'rotation', rotationId: rot.id, rotationName: rot.name });
        else problems.push(`nobody is on call on ${rot.name} at ${at.toISOString()}`);
      }
    }
    const recipients = [...byId.values()];
    for (const r of recipients) if (!r.phone) problems.push(`${r.name} has no phone`);
    const reachable = recipients.filter((r) => r.phone).length;
    if (reachable < t.quorum) {
      problems.push(
        `${t.quorum} acknowledgement(s) needed but only ${reachable} recipient(s) can be reached`,
      );
    }
    return { recipients, problems };
  }

  private async view(p: EscalationPolicy): Promise<EscalationPolicyView> {
    const names = await this.enterprises.namesByIds(ownerIds([p]));
    return mapPolicy(p, names.get(p.enterpriseId ?? '') ?? null);
  }
}

function ownerIds(rows: { enterpriseId: string | null }[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])))];
}

/**
 * What is wrong with one tier, as `tiers[i].field: problem` lines. Targets must belong to the
 * policy's owner: an enterprise pages its own people, and reaches the zone through the zone's
 * plan (the two plans dovetail rather than borrow each other's staff).
 */
export function tierProblems(t: EscalationTier, i: number, owner: string | null, targets: Targets): string[] {
  const at = `tiers[${i}]`;
  const out: string[] = [];
  if (!t.contactIds.length && !t.teamIds.length && !t.rotationId) {
    out.push(`${at}: names no contact, team or rotation`);
    return out;
  }
  const reachable = new Set<string>();
  const withPhone = (id: string) => (targets.contacts.get(id)?.phones.length ?? 0) > 0;

  t.contactIds.forEach((id, j) => {
    const c = targets.contacts.get(id);
    if (!c || c.enterpriseId !== owner) out.push(`${at}.contactIds[${j}]: contact does not exist`);
    else if (!c.phones.length) out.push(`${at}.contactIds[${j}]: contact has no phone`);
    else reachable.add(id);
  });
  t.teamIds.forEach((id, j) => {
    const team = targets.teams.get(id);
    if (!team || team.enterpriseId !== owner) {
      out.push(`${at}.teamIds[${j}]: team does not exist`);
      return;
    }
    if (!team.memberContactIds.length) out.push(`${at}.teamIds[${j}]: team has no members`);
    const noPhone = team.memberContactIds.filter((m) => !withPhone(m));
    if (noPhone.length) {
      const names = noPhone.map((m) => targets.contacts.get(m)?.name ?? m).join(', ');
      out.push(`${at}.teamIds[${j}]: member(s) without a phone: ${names}`);
    }
    team.memberContactIds.filter(withPhone).forEach((m) => reachable.add(m));
  });
  let onCall = 0;
  if (t.rotationId) {
    const rot = targets.rotations.get(t.rotationId);
    if (!rot || rot.enterpriseId !== owner) {
      out.push(`${at}.rotationId: rotation does not exist`);
    } else if (!rot.memberContactIds.length) {
      out.push(`${at}.rotationId: rotation has no members`);
    } else {
      // Anyone who can be on call must be reachable, whoever's turn it is when the call-out comes.
      const noPhone = [...new Set(rot.memberContactIds)].filter((m) => !withPhone(m));
      if (noPhone.length) {
        const names = noPhone.map((m) => targets.contacts.get(m)?.name ?? m).join(', ');
        out.push(`${at}.rotationId: member(s) without a phone: ${names}`);
      }
      // The on-call person may also be named in the tier; count them once, conservatively.
      if (!rot.memberContactIds.every((m) => reachable.has(m))) onCall = 1;
    }
  }
  if (t.channels.length > 1 && t.voiceDelaySeconds >= t.ackTimeoutSeconds) {
    out.push(`${at}.voiceDelaySeconds: must be shorter than ackTimeoutSeconds (${t.ackTimeoutSeconds})`);
  }
  const total = reachable.size + onCall;
  if (!out.length && t.quorum > total) {
    out.push(
      `${at}.quorum: ${t.quorum} acknowledgement(s) needed but only ${total} recipient(s) can be reached`,
    );
  }
  return out;
}
