import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type DutyTarget, type IncidentView, IN_CHARGE_TARGET_KINDS } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { CalloutCreateDto } from '../callouts/callout.dto.js';
import { type CalloutAcknowledgement, CalloutHooks } from '../callouts/callout-hooks.js';
import { CalloutService, type ResolvedTier } from '../callouts/callout.service.js';
import { DomainError } from '../common/domain-errors.js';
import { Db } from '../database/db.js';
import type { ContactView } from '@muster/contracts';
import type { ContactListQueryDto } from '../directory/contact.dto.js';
import { ContactService } from '../directory/contact.service.js';
import { RotationService } from '../directory/rotation.service.js';
import { TeamService } from '../directory/team.service.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { IncidentHooks } from '../incidents/incident-hooks.js';
import { IncidentService } from '../incidents/incident.service.js';
import { OnJob } from '../jobs/job.decorators.js';
import { JobName, type JobPayloads } from '../jobs/job.types.js';
import { Outbox } from '../jobs/outbox.js';
import { NotificationService } from '../notifications/notification.service.js';
import { DutyPolicyService } from './duty-policy.service.js';
import { DutyAlert, type DutyPolicy } from './duty.entities.js';
import { targetsByTier } from './duty-rules.js';

interface Person {
  contact: ContactView;
  inCharge: boolean;
}

/**
 * Duty alerting (值班): a filed incident pages whom the zone's policy names, through the call-out
 * ladder. Filing only writes the job to the outbox, in its own transaction; the worker resolves
 * the people (the duty officer is whoever is on the duty rotation then) and starts the call-out.
 * One `duty_alert` row per incident and trigger makes a retried or repeated job page nobody twice.
 */
@Injectable()
export class DutyAlerts implements OnModuleInit {
  private readonly logger = new Logger(DutyAlerts.name);

  constructor(
    private readonly db: Db,
    private readonly incidentHooks: IncidentHooks,
    private readonly calloutHooks: CalloutHooks,
    private readonly incidents: IncidentService,
    private readonly callouts: CalloutService,
    private readonly policies: DutyPolicyService,
    private readonly rotations: RotationService,
    private readonly teams: TeamService,
    private readonly contacts: ContactService,
    private readonly enterprises: EnterpriseService,
    private readonly notifications: NotificationService,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.incidentHooks.onFiled({
      // Read in the filing's own statement: a zone without an enabled policy costs nothing more.
      lookup: `(SELECT enabled FROM duty_policy WHERE id)`,
      filed: async (incident, enabled) => {
        if (enabled === true)
          await this.outbox.enqueue(JobName.DutyAlert, { incidentId: incident.id, trigger: 'filed' });
      },
    });
    this.incidentHooks.onRegraded(async (incident) => {
      await this.outbox.enqueue(JobName.DutyAlert, {
        incidentId: incident.id,
        trigger: `regraded.${incident.severity}`,
      });
    });
    this.calloutHooks.onAcknowledged((ack) => this.acknowledged(ack));
  }

  @OnJob(JobName.DutyAlert)
  async alert(p: JobPayloads[JobName.DutyAlert]): Promise<void> {
    await this.db.transaction(async () => {
      const [claimed]: { id: string }[] = await this.db.manager.query(
        `INSERT INTO duty_alert (incident_id, trigger, outcome) VALUES ($1, $2, 'pending')
         ON CONFLICT (incident_id, trigger) DO NOTHING RETURNING id`,
        [p.incidentId, p.trigger],
      );
      if (!claimed) return; // this incident and trigger were handled already
      const outcome = await this.page(claimed.id, p);
      if (outcome) await this.db.repo(DutyAlert).update({ id: claimed.id }, { outcome });
    });
  }

  /** Pages the policy's people for the incident; the outcome to record when nobody was paged. */
  private async page(alertId: string, p: JobPayloads[JobName.DutyAlert]): Promise<string | null> {
    const incident = await this.incidents.findAnyById(p.incidentId);
    if (!incident) return 'gone';
    if (incident.status === 'closed') return 'closed';
    const policy = await this.policies.current();
    if (!policy) return 'no_policy';
    if (!policy.enabled) return 'disabled';
    const targets = targetsByTier(policy.rules, policy.tiers.length, incident.severity, incident.category);
    const inCharge = new Set<string>();
    const ladder: ResolvedTier[] = [];
    const users = new Map<string, string>();
    for (const [i, tierTargets] of targets.entries()) {
      const people = await this.resolve(tierTargets, incident, policy);
      for (const person of people) {
        if (person.inCharge) inCharge.add(person.contact.id);
        if (person.contact.userId) users.set(person.contact.id, person.contact.userId);
      }
      const tier = policy.tiers[i]!;
      ladder.push({
        channels: tier.channels,
        voiceDelaySeconds: tier.voiceDelaySeconds,
        ackTimeoutSeconds: tier.ackTimeoutSeconds,
        quorum: 1,
        repeats: 0,
        people: people.flatMap(({ contact: c }) =>
          c.phones[0]
            ? [
                {
                  contactId: c.id,
                  name: c.name,
                  phone: c.phones[0],
                  language: c.language === 'en' ? 'en' : 'zh-CN',
                },
              ]
            : [],
        ),
      });
    }
    if (!ladder.some((t) => t.people.length)) return 'nobody';
    // A raised grade pages only whom it adds: people being paged or coming already are left out.
    const exclude = p.trigger === 'filed' ? undefined : await this.alreadyPaged(incident.id);
    let calloutId: string;
    let paged: { contactId: string | null }[];
    try {
      const callout = await this.callouts.create(
        incident.id,
        { message: message(incident) } as CalloutCreateDto,
        {
          ladder,
          excludeContactIds: exclude,
        },
      );
      calloutId = callout.id;
      paged = callout.recipients;
    } catch (e) {
      // Nobody left to page (all paged already, or none on a drill's roster) is an outcome, not
      // a failure to retry.
      if (e instanceof DomainError) {
        this.logger.log(
          { incidentId: incident.id, trigger: p.trigger, reason: e.message },
          'duty alert paged nobody',
        );
        return 'nobody';
      }
      throw e;
    }
    await this.db
      .repo(DutyAlert)
      .update({ id: alertId }, { calloutId, outcome: 'paged', inChargeContactIds: [...inCharge] });
    await this.audit.record({
      action: 'duty.paged',
      entity: 'incident',
      entityId: incident.id,
      after: { trigger: p.trigger, calloutId, recipients: paged.length },
    });
    const userIds = [...new Set(paged.flatMap((r) => (r.contactId && users.get(r.contactId)) || []))];
    if (userIds.length) {
      // In app (and on screen); the page itself is the SMS and the call (see pagedByDutyPolicy).
      await this.notifications.notify(
        { userIds },
        {
          kind: 'duty.paged',
          params: {
            title: incident.title,
            enterprise: incident.enterpriseName ?? '',
            address: incident.address,
          },
          entity: 'incident',
          entityId: incident.id,
        },
      );
    }
    return null;
  }

  /**
   * Whom a raised grade must not page again: anyone an earlier duty call-out of the incident
   * reached (or is still trying to reach), and anyone another call-out is paging or brings.
   */
  private async alreadyPaged(incidentId: string): Promise<Set<string>> {
    const out = new Set((await this.callouts.pagedOrComing(incidentId)).map((r) => r.contactId));
    const earlier = await this.db.repo(DutyAlert).findBy({ incidentId });
    for (const a of earlier) {
      if (!a.calloutId) continue;
      const callout = await this.callouts.get(a.calloutId);
      for (const r of callout.recipients)
        if (r.contactId && (callout.status === 'active' || r.state !== 'pending')) out.add(r.contactId);
    }
    return out;
  }

  private async resolve(
    targets: DutyTarget[],
    incident: IncidentView,
    policy: DutyPolicy,
  ): Promise<Person[]> {
    const out = new Map<string, Person>();
    const add = (contacts: ContactView[], inCharge: boolean) => {
      for (const c of contacts) {
        const known = out.get(c.id);
        out.set(c.id, { contact: c, inCharge: inCharge || (known?.inCharge ?? false) });
      }
    };
    for (const t of targets) {
      const inCharge = IN_CHARGE_TARGET_KINDS.includes(t.kind);
      switch (t.kind) {
        case 'duty_officer': {
          if (!policy.dutyRotationId) break;
          const [rota] = await this.rotations.findByIds([policy.dutyRotationId]);
          if (!rota) break;
          const onCall = await this.rotations.onCallAt(policy.dutyRotationId);
          if (onCall.contact) add([onCall.contact], inCharge);
          break;
        }
        case 'commanders': {
          const userIds = await this.notifications.activeUserIds(['commander']);
          add(await this.contacts.findByUserIds(userIds), inCharge);
          break;
        }
        case 'safety_lead': {
          if (!incident.enterpriseId) break;
          const enterprise = await this.enterprises.get(incident.enterpriseId);
          const name = enterprise.safetyLead.trim();
          if (!name) break;
          const found = await this.contacts.list({
            enterpriseId: incident.enterpriseId,
            q: name,
            page: 1,
            pageSize: 50,
          } as ContactListQueryDto);
          add(
            found.items.filter((c) => c.enterpriseId === incident.enterpriseId && c.name === name),
            inCharge,
          );
          break;
        }
        case 'team': {
          const [team] = await this.teams.findByIds([t.teamId]);
          if (team) add(await this.contacts.findByIds(team.memberContactIds), inCharge);
          break;
        }
        case 'contact':
          add(await this.contacts.findByIds([t.contactId]), inCharge);
          break;
      }
    }
    return [...out.values()];
  }

  /** 接警: the first acknowledgement of a duty call-out by its duty officer or a commander. */
  private async acknowledged(ack: CalloutAcknowledgement): Promise<void> {
    if (!ack.contactId) return;
    const [alert]: { id: string }[] = await this.db.manager.query(
      `SELECT id FROM duty_alert WHERE callout_id = $1 AND $2 = ANY (in_charge_contact_ids)`,
      [ack.calloutId, ack.contactId],
    );
    if (!alert) return;
    await this.incidents.takeInCharge(ack.incidentId, {
      name: ack.name,
      contactId: ack.contactId,
      calloutId: ack.calloutId,
      channel: ack.channel,
      at: ack.at,
    });
  }
}

/** The page's text: what happened, where, how grave; a drill's title loses its own marker (the SMS adds one). */
function message(i: IncidentView): string {
  const title = i.title.replace(/^【演练】/, '');
  const who = i.enterpriseName ? `${i.enterpriseName}：` : '';
  return `${who}${title}，${i.address}。请立即确认接警`;
}
