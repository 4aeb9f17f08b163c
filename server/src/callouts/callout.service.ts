import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type {
  CalloutDeliveryPreview,
  AnswerChannel,
  CalloutMessagePreview,
  CalloutView,
  ResponderMetric,
  ResponseLevel,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { TeamService } from '../directory/team.service.js';
import { JobName } from '../jobs/job.types.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { EscalationPolicyService } from '../plans/escalation-policy.service.js';
import { Broadcaster } from '../room-log/broadcaster.js';
import { RoomLog } from '../room-log/room-log.js';
import type { CalloutCreateDto } from './callout.dto.js';
import { mapCallout } from './callout.view.js';
import { Callout, type CalloutPurpose, CalloutDelivery, CalloutRecipient } from './callout.entities.js';
import { DrillRosters } from './drill-rosters.js';
import { CalloutHooks } from './callout-hooks.js';
import { type LadderTier, afterAcknowledgement, fitQuorums } from './ladder.js';
import { Outbox } from '../jobs/outbox.js';
import { SHORT_CODE_ALPHABET, type ReplyDecision } from './replies.js';
import { signResponseToken } from './response-link.js';
import { previewMessages } from './templates.js';
import { deliveryPreview } from './delivery-preview.js';
import { Providers } from '../messaging/providers.js';
import type { ProviderName } from '../messaging/routing.js';
import { ConflictError, InvalidError, NotFoundError, problem } from '../common/domain-errors.js';

/** A call-out named by hand: SMS, a call two minutes later, ten minutes to answer. */
export const MANUAL_TIER: Omit<LadderTier, 'quorum'> = {
  index: 0,
  channels: ['sms', 'voice'],
  voiceDelaySeconds: 120,
  ackTimeoutSeconds: 600,
  repeats: 1,
};

interface PlannedRecipient {
  contactId: string | null;
  name: string;
  phone: string;
  language: 'zh-CN' | 'en';
  tier: number;
  /** A drill's inject took this person out of reach: listed, never paged. */
  unreachable?: boolean;
}

/** What a plan level adds to a call-out it starts. */
export interface CalloutStartOptions {
  /** The level it is started for: every text names it in its reader's language. */
  responseLevel?: ResponseLevel | null;
  /** Contacts left out because they are paged or coming already (a level raised over another). */
  excludeContactIds?: ReadonlySet<string>;
  /**
   * Tiers whose people another domain has resolved already (duty alerting's policy), paged in
   * place of a policy or names in the request; a drill's roster still contains them.
   */
  ladder?: ResolvedTier[];
  /** A warning asks its people to take notice, not to come: its texts say so. */
  purpose?: CalloutPurpose;
}

/** A tier of a ladder with its people already known. */
export interface ResolvedTier extends Omit<LadderTier, 'index'> {
  /**
   * A person without a contact id is a number outside the directory (a sensitive target's
   * contact): paged like anyone, never on a drill's roster.
   */
  people: { contactId: string | null; name: string; phone: string; language: 'zh-CN' | 'en' }[];
}

/** Someone a call-out would page, as a level's confirmation lists them. */
export interface PlannedPerson {
  contactId: string | null;
  name: string;
}

/**
 * Call-outs: who is paged, in which tiers, and what they answered. Creating one commits the
 * call-out, its recipients and its first job (in the outbox) together; the worker's engine does
 * the sending and the timers.
 */
@Injectable()
export class CalloutService {
  constructor(
    private readonly db: Db,
    private readonly incidents: IncidentRepository,
    private readonly contacts: ContactService,
    private readonly teams: TeamService,
    private readonly policies: EscalationPolicyService,
    private readonly rooms: RoomLog,
    private readonly rosters: DrillRosters,
    private readonly hooks: CalloutHooks,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly providers: Providers,
    private readonly live: Broadcaster,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(
    incidentId: string,
    dto: CalloutCreateDto,
    options: CalloutStartOptions = {},
  ): Promise<CalloutView> {
    const incident = await this.incidents.getById(incidentId);
    if (incident.status === 'closed') throw new ConflictError('The incident is closed; reopen it first');
    const { tiers: planned, recipients, outsideRoster } = await this.recipientsFor(incidentId, dto, options);
    if (!recipients.length) throw new InvalidError(['contactIds: nobody with a phone number to call out']);
    // A quorum larger than the people who can be paged could never be met.
    const tiers = fitQuorums(planned, recipients);

    const id = await this.db.transaction(async () => {
      const callout = await this.db.repo(Callout).save(
        Object.assign(new Callout(), {
          incidentId,
          policyId: dto.policyId ?? null,
          message: dto.message,
          responseLevel: options.responseLevel ?? null,
          isDrill: incident.isDrill,
          purpose: options.purpose ?? 'callout',
          shortCode: shortCode(),
          status: 'active',
          tiers,
          currentTier: 0,
          currentRound: 0,
          createdBy: this.context.principal()?.id ?? null,
        }),
      );
      // One statement per 5,000 people: the ORM's insert of a large team spent a second building
      // its statement and reading back every row's defaults, all before the first text could go.
      for (let i = 0; i < recipients.length; i += 5000) {
        const chunk = recipients.slice(i, i + 5000);
        await this.db.manager.query(
          `INSERT INTO callout_recipient (callout_id, contact_id, name, phone, language, tier, unreachable)
           SELECT $1, c, n, p, l, t, u FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[], $7::bool[])
             AS r(c, n, p, l, t, u)`,
          [
            callout.id,
            chunk.map((r) => r.contactId),
            chunk.map((r) => r.name),
            chunk.map((r) => r.phone),
            chunk.map((r) => r.language),
            chunk.map((r) => r.tier),
            chunk.map((r) => r.unreachable ?? false),
          ],
        );
      }
      await this.rooms.append(incidentId, 'callout.started', {
        calloutId: callout.id,
        message: dto.message,
        recipients: recipients.length,
        tiers: tiers.length,
        isDrill: incident.isDrill,
        ...(incident.isDrill ? { outsideRoster } : {}),
      });
      await this.audit.record({
        action: 'callout.created',
        entity: 'callout',
        entityId: callout.id,
        after: { incidentId, policyId: callout.policyId, recipients: recipients.length, tiers },
      });
      await this.outbox.enqueue(JobName.CalloutTierStart, { calloutId: callout.id, tier: 0, round: 0 });
      this.db.afterCommit(() => this.live.zoneChanged({ topic: 'callouts' }));
      return callout.id;
    });
    // Read once committed, so the first tier is paged while the board is built: a team of
    // thousands takes a while to read back, and its texts need not wait for that.
    return this.view(id);
  }

  /** Who a call-out of the incident would page, before it is started (a level's confirmation). */
  async plannedPeople(
    incidentId: string,
    dto: CalloutCreateDto,
    options: CalloutStartOptions = {},
  ): Promise<PlannedPerson[]> {
    const { recipients } = await this.recipientsFor(incidentId, dto, options);
    return recipients.filter((r) => !r.unreachable).map((r) => ({ contactId: r.contactId, name: r.name }));
  }

  /**
   * Contacts of the incident's call-outs who are being paged (an active call-out has not had
   * their answer) or are coming (they accepted): paging them again would only repeat the ask.
   */
  async pagedOrComing(incidentId: string): Promise<{ contactId: string; name: string }[]> {
    return this.db.manager.query(
      `SELECT DISTINCT r.contact_id AS "contactId", r.name
         FROM callout_recipient r JOIN callout c ON c.id = r.callout_id
        WHERE c.incident_id = $1 AND r.contact_id IS NOT NULL
          AND (r.state = 'acknowledged' OR (c.status = 'active' AND r.state IN ('pending', 'notified')))`,
      [incidentId],
    );
  }

  private async recipientsFor(
    incidentId: string,
    dto: CalloutCreateDto,
    options: CalloutStartOptions,
  ): Promise<{ tiers: LadderTier[]; recipients: PlannedRecipient[]; outsideRoster: number }> {
    const incident = await this.incidents.getById(incidentId);
    if (!options.ladder && !dto.policyId && !dto.contactIds?.length && !dto.teamIds?.length) {
      throw new InvalidError(['contactIds: name contacts, teams or a policy to call out']);
    }
    const { tiers, recipients: planned } = options.ladder
      ? resolvedPlan(options.ladder)
      : await this.plan(dto);
    const { recipients, outsideRoster } = incident.isDrill
      ? await this.containDrill(incidentId, dto, planned)
      : { recipients: planned, outsideRoster: 0 };
    const exclude = options.excludeContactIds;
    const kept = exclude ? recipients.filter((r) => !r.contactId || !exclude.has(r.contactId)) : recipients;
    return { ...withoutEmptyTiers(tiers, kept), outsideRoster };
  }

  async get(id: string): Promise<CalloutView> {
    const callout = await this.db.repo(Callout).findOneBy({ id });
    // Visible exactly when its incident is: the incident repository applies the caller's scope.
    if (!callout || !(await this.incidents.findById(callout.incidentId)))
      throw new NotFoundError('Call-out not found');
    return this.view(id);
  }

  /** Call-outs still paging (not warnings), newest first, with their incident's title: the leaders' dashboard. */
  async underWay(): Promise<{ id: string; title: string; startedAt: string }[]> {
    const rows: { id: string; title: string; created_at: Date }[] = await this.db.manager.query(
      `SELECT c.id, i.title, c.created_at FROM callout c JOIN incident i ON i.id = c.incident_id
        WHERE c.status = 'active' AND c.purpose = 'callout' ORDER BY c.created_at DESC`,
    );
    return rows.map((r) => ({ id: r.id, title: r.title, startedAt: new Date(r.created_at).toISOString() }));
  }

  async listForIncident(incidentId: string): Promise<CalloutView[]> {
    await this.incidents.getById(incidentId);
    const rows = await this.db.repo(Callout).find({ where: { incidentId }, order: { createdAt: 'DESC' } });
    return Promise.all(rows.map((c) => this.view(c.id)));
  }

  async cancel(id: string): Promise<CalloutView> {
    await this.get(id);
    return this.db.transaction(async () => {
      const callout = await this.lock(id);
      if (callout.status !== 'active')
        throw new ConflictError(`The call-out has already ended (${callout.status})`);
      await this.end(callout, 'cancelled', 'cancelled by the commander');
      await this.audit.record({ action: 'callout.cancelled', entity: 'callout', entityId: id });
      return this.view(id);
    });
  }

  /** The preview for a call-out of that incident (in the caller's scope), or of none. */
  async previewFor(message: string, incidentId?: string): Promise<CalloutMessagePreview[]> {
    const isDrill = incidentId ? (await this.incidents.getById(incidentId)).isDrill : false;
    return this.previewMessages(message, isDrill);
  }

  /**
   * What a call-out with this body would send in its first round, per provider (nothing is
   * sent): whom each texts or calls, the billed SMS, the time at its rate, its daily cap.
   */
  async deliveryPreviewFor(incidentId: string, dto: CalloutCreateDto): Promise<CalloutDeliveryPreview> {
    const incident = await this.incidents.getById(incidentId);
    const { tiers, recipients } = await this.plan(dto);
    const texts = Object.fromEntries(
      this.previewMessages(dto.message, incident.isDrill).map((p) => [p.language, p.text]),
    ) as Record<'zh-CN' | 'en', string>;
    const today = await this.sentToday(recipients.map((r) => r.phone));
    return deliveryPreview({
      recipients: recipients.map((r) => ({
        phone: r.phone,
        language: r.language,
        channels: tiers[r.tier]?.channels ?? [],
      })),
      texts,
      route: (phone, channel) => this.providers.candidates(phone, channel)[0] ?? null,
      limits: {
        twilio: { ratePerSecond: this.config.SMS_RATE_PER_SECOND, dailyCapPerNumber: 0, prefix: '' },
        tencent: {
          ratePerSecond: this.config.TENCENT_RATE_PER_SECOND,
          dailyCapPerNumber: this.config.TENCENT_DAILY_CAP_PER_NUMBER,
          prefix: `【${this.config.TENCENT_SMS_SIGN ?? ''}】`,
        },
      },
      sentToday: (provider, phone) => today.get(`${provider} ${phone}`) ?? 0,
    });
  }

  /** Texts each of these numbers got through each provider since the zone's midnight. */
  private async sentToday(phones: string[]): Promise<Map<string, number>> {
    const rows: { provider: ProviderName; phone: string; n: number }[] = await this.db.manager.query(
      `WITH midnight AS (SELECT date_trunc('day', now() AT TIME ZONE $2) AT TIME ZONE $2 AS t)
       SELECT provider, phone, count(*)::int AS n FROM (
         SELECT d.provider, r.phone FROM callout_delivery d JOIN callout_recipient r ON r.id = d.recipient_id
          WHERE d.channel = 'sms' AND d.provider IS NOT NULL AND r.phone = ANY($1::text[])
            AND d.created_at >= (SELECT t FROM midnight)
         UNION ALL
         SELECT provider, phone FROM notification_sms
          WHERE provider IS NOT NULL AND phone = ANY($1::text[]) AND created_at >= (SELECT t FROM midnight)
       ) sent GROUP BY provider, phone`,
      [phones, this.config.TZ],
    );
    return new Map(rows.map((r) => [`${r.provider} ${r.phone}`, r.n]));
  }

  previewMessages(message: string, isDrill: boolean): CalloutMessagePreview[] {
    return previewMessages(
      message,
      isDrill,
      `${this.config.PUBLIC_URL}/r/${signResponseToken(ZERO_UUID, 'preview')}`,
    ).map((p) => ({ language: p.language, text: p.text, ...p.segments }));
  }

  /**
   * A responder's answer, by SMS, keypress or link. Idempotent: answering again changes nothing.
   * The call-out row is locked so that two answers arriving together count the quorum once.
   */
  async respond(
    recipientId: string,
    decision: ReplyDecision,
    channel: AnswerChannel,
    location?: { lat: number; lng: number },
  ): Promise<{ recipient: CalloutRecipient; changed: boolean; closed: boolean; callout: Callout }> {
    return this.db.transaction(async () => {
      const r0 = await this.db.repo(CalloutRecipient).findOneBy({ id: recipientId });
      if (!r0) throw new NotFoundError('Call-out recipient not found');
      const callout = await this.lock(r0.calloutId);
      const r = (await this.db.repo(CalloutRecipient).findOneBy({ id: recipientId }))!;
      // An ended call-out takes no answer by any channel: a late one would count in no quorum
      // and show in a drill's report after the drill ended.
      if (!(await this.stillTakesPart(callout, r)))
        return { recipient: r, changed: false, closed: true, callout };
      if (location) {
        r.location = location;
        r.locatedAt = new Date();
      }
      if (r.state === 'acknowledged' || r.state === 'declined') {
        if (location) {
          await this.db.repo(CalloutRecipient).save(r);
          await this.locationShared(callout, r);
        }
        return { recipient: r, changed: false, closed: false, callout };
      }
      r.state = decision === 'accept' ? 'acknowledged' : 'declined';
      r.respondedAt = new Date();
      r.responseChannel = channel;
      r.notifiedAt ??= r.respondedAt;
      await this.db.repo(CalloutRecipient).save(r);
      await this.rooms.append(callout.incidentId, 'callout.recipient_updated', {
        calloutId: callout.id,
        recipientId: r.id,
        name: r.name,
        state: r.state,
        channel,
        secondsToRespond: Math.round((r.respondedAt.getTime() - r.notifiedAt.getTime()) / 1000),
      });
      if (location) await this.locationShared(callout, r);
      await this.audit.record({
        action: `callout.${r.state}`,
        entity: 'callout_recipient',
        entityId: r.id,
        after: { calloutId: callout.id, state: r.state, channel },
      });
      if (decision === 'accept') {
        const all = await this.db.repo(CalloutRecipient).findBy({ calloutId: callout.id });
        const next = afterAcknowledgement(
          { tier: callout.currentTier, round: callout.currentRound },
          callout.tiers,
          all,
        );
        await this.hooks.runAcknowledged({
          calloutId: callout.id,
          incidentId: callout.incidentId,
          recipientId: r.id,
          contactId: r.contactId,
          name: r.name,
          channel,
          at: r.respondedAt,
        });
        if (next.kind === 'succeeded') await this.end(callout, 'succeeded', 'quorum of acknowledgements met');
      }
      return { recipient: r, changed: true, closed: false, callout };
    });
  }

  /** Every map open in the room moves the responder's marker; the log keeps the trail. */
  private async locationShared(callout: Callout, r: CalloutRecipient): Promise<void> {
    await this.rooms.append(callout.incidentId, 'callout.location_shared', {
      calloutId: callout.id,
      recipientId: r.id,
      name: r.name,
      lat: r.location!.lat,
      lng: r.location!.lng,
      at: r.locatedAt!.toISOString(),
    });
  }

  /**
   * Whether the recipient's link and answers still belong to a live call-out: it is active, or it
   * succeeded with this person among those coming while its incident is open (they still need
   * the briefing and may share where they are). Anything else has ended for them.
   */
  async stillTakesPart(
    callout: Pick<Callout, 'status' | 'incidentId'>,
    r: Pick<CalloutRecipient, 'state'>,
  ): Promise<boolean> {
    if (callout.status === 'active') return true;
    if (callout.status !== 'succeeded' || r.state !== 'acknowledged') return false;
    const [incident]: { status: string }[] = await this.db.manager.query(
      'SELECT status FROM incident WHERE id = $1',
      [callout.incidentId],
    );
    return incident?.status !== 'closed';
  }

  /** Open call-outs that are waiting for this phone's answer. */
  async openFor(phone: string): Promise<{ recipient: CalloutRecipient; callout: Callout }[]> {
    const rows: { rid: string; cid: string }[] = await this.db.manager.query(
      `SELECT r.id AS rid, c.id AS cid FROM callout_recipient r JOIN callout c ON c.id = r.callout_id
        WHERE r.phone = $1 AND c.status = 'active' AND r.state IN ('pending', 'notified')
        ORDER BY c.created_at DESC`,
      [phone],
    );
    const out: { recipient: CalloutRecipient; callout: Callout }[] = [];
    for (const row of rows) {
      out.push({
        recipient: (await this.db.repo(CalloutRecipient).findOneBy({ id: row.rid }))!,
        callout: (await this.db.repo(Callout).findOneBy({ id: row.cid }))!,
      });
    }
    return out;
  }

  /**
   * Whether this phone's call-out that has this short code, or without a code its latest
   * call-out, has ended: an answer to it is told so rather than that nothing is open.
   */
  async hasEnded(phone: string, code?: string | null): Promise<boolean> {
    const [row]: { status: string }[] = await this.db.manager.query(
      `SELECT c.status FROM callout_recipient r JOIN callout c ON c.id = r.callout_id
        WHERE r.phone = $1 AND ($2::text IS NULL OR c.short_code = $2)
        ORDER BY c.created_at DESC LIMIT 1`,
      [phone, code ?? null],
    );
    return !!row && row.status !== 'active';
  }

  /**
   * The language to answer a phone in when no open call-out of it says: that of the directory
   * contact with the number, else of its latest call-out, else Chinese.
   */
  async languageOf(phone: string): Promise<CalloutRecipient['language']> {
    const [row]: { language: string }[] = await this.db.manager.query(
      `SELECT language FROM (
         SELECT language, 0 AS source, updated_at AS at FROM contact WHERE phones @> ARRAY[$1::text]
         UNION ALL
         SELECT r.language, 1, c.created_at FROM callout_recipient r JOIN callout c ON c.id = r.callout_id
          WHERE r.phone = $1
       ) known ORDER BY source, at DESC LIMIT 1`,
      [phone],
    );
    return row?.language === 'en' ? 'en' : 'zh-CN';
  }

  /** Ends an active call-out: the room hears of it, and the pending timers find it ended. */
  async end(
    callout: Callout,
    status: 'succeeded' | 'cancelled' | 'exhausted',
    reason: string,
  ): Promise<void> {
    callout.status = status;
    callout.endedAt = new Date();
    callout.endReason = reason;
    await this.db.repo(Callout).save(callout);
    if (status === 'exhausted') {
      await this.db.manager.query(
        `UPDATE callout_recipient SET state = 'exhausted' WHERE callout_id = $1 AND state IN ('pending', 'notified')`,
        [callout.id],
      );
    }
    const recipients = await this.db.repo(CalloutRecipient).findBy({ calloutId: callout.id });
    await this.rooms.append(callout.incidentId, 'callout.ended', {
      calloutId: callout.id,
      status,
      reason,
      acknowledged: recipients.filter((r) => r.state === 'acknowledged').length,
      recipients: recipients.length,
    });
    this.db.afterCommit(() => this.live.zoneChanged({ topic: 'callouts' }));
  }

  /** Everyone the incident's call-outs named, in call-out and tier order, with how they answered. */
  async responders(incidentId: string): Promise<ResponderMetric[]> {
    const rows: {
      name: string;
      phone: string;
      state: string;
      response_channel: string | null;
      seconds: number | null;
    }[] = await this.db.manager.query(
      `SELECT r.name, r.phone, r.state, r.response_channel,
              CASE WHEN r.responded_at IS NOT NULL AND r.notified_at IS NOT NULL
                   THEN round(extract(epoch FROM (r.responded_at - r.notified_at)))::int END AS seconds
         FROM callout_recipient r JOIN callout c ON c.id = r.callout_id
        WHERE c.incident_id = $1
        ORDER BY c.created_at, r.tier, r.name`,
      [incidentId],
    );
    return rows.map((r) => ({
      name: r.name,
      phone: r.phone,
      state: r.state,
      channel: r.response_channel,
      secondsToRespond: r.seconds,
    }));
  }

  /**
   * Where the people of the incident's call-outs last shared their position (the responder
   * page), one row per contact, the latest call-out's first.
   */
  async sharedLocations(
    incidentId: string,
  ): Promise<
    { contactId: string; name: string; phone: string; language: 'zh-CN' | 'en'; lat: number; lng: number }[]
  > {
    return this.db.manager.query(
      `SELECT DISTINCT ON (r.contact_id) r.contact_id AS "contactId", r.name, r.phone, r.language,
              (r.location->>'lat')::float8 AS lat, (r.location->>'lng')::float8 AS lng
         FROM callout_recipient r JOIN callout c ON c.id = r.callout_id
        WHERE c.incident_id = $1 AND r.contact_id IS NOT NULL AND r.location IS NOT NULL
        ORDER BY r.contact_id, c.created_at DESC`,
      [incidentId],
    );
  }

  /** Cancels every call-out of the incident that is still paging (a drill that ended, say). */
  async cancelActive(incidentId: string, reason: string): Promise<void> {
    const active = await this.db.repo(Callout).findBy({ incidentId, status: 'active' });
    for (const c of active) {
      const locked = await this.lock(c.id);
      if (locked.status === 'active') await this.end(locked, 'cancelled', reason);
    }
  }

  /**
   * Marks this contact unreachable wherever an active call-out of the incident still waits for
   * them (a drill inject took them out of reach): listed, never paged. Returns how many rows.
   */
  async markUnreachable(incidentId: string, contactId: string): Promise<number> {
    const marked: unknown[] = await this.db.manager.query(
      `UPDATE callout_recipient r SET unreachable = true
         FROM callout c
        WHERE c.id = r.callout_id AND c.incident_id = $1 AND c.status = 'active'
          AND r.contact_id = $2 AND r.state IN ('pending', 'notified')
       RETURNING r.id`,
      [incidentId, contactId],
    );
    // pg answers an UPDATE … RETURNING through TypeORM as [rows, count].
    const rows = Array.isArray(marked[0]) ? (marked[0] as unknown[]) : marked;
    return rows.length;
  }

  async lock(id: string): Promise<Callout> {
    await this.db.manager.query('SELECT 1 FROM callout WHERE id = $1 FOR UPDATE', [id]);
    const c = await this.db.repo(Callout).findOneBy({ id });
    if (!c) throw new NotFoundError('Call-out not found');
    return c;
  }

  async view(id: string): Promise<CalloutView> {
    const callout = (await this.db.repo(Callout).findOneBy({ id }))!;
    const recipients = await this.db
      .repo(CalloutRecipient)
      .find({ where: { calloutId: id }, order: { tier: 'ASC', name: 'ASC' } });
    const deliveries = await this.db
      .repo(CalloutDelivery)
      .find({ where: { calloutId: id }, order: { createdAt: 'ASC' } });
    return mapCallout(callout, recipients, deliveries);
  }

  /**
   * A drill pages its roster and nobody else. Naming someone or a team off the roster is refused
   * outright, all of them in one answer; people off the roster who come in through a policy are
   * left out (and counted). Someone a drill inject made unreachable is kept on the board but never
   * paged.
   */
  private async containDrill(
    incidentId: string,
    dto: CalloutCreateDto,
    planned: PlannedRecipient[],
  ): Promise<{ recipients: PlannedRecipient[]; outsideRoster: number }> {
    const roster = await this.rosters.for(incidentId);
    const named = new Set(dto.contactIds ?? []);
    const refusedPeople = planned.filter(
      (r) => r.contactId && named.has(r.contactId) && !roster.contactIds.has(r.contactId),
    );
    const offRosterTeamIds = (dto.teamIds ?? []).filter((id) => !roster.teamIds.has(id));
    const refusedTeams = offRosterTeamIds.length ? await this.teams.findByIds(offRosterTeamIds) : [];
    if (refusedPeople.length || refusedTeams.length) {
      const people = refusedPeople.map((r) => r.name).join(', ');
      const teams = refusedTeams.map((t) => t.name).join(', ');
      throw new InvalidError([
        ...(people
          ? [
              problem('drill.notOnRoster', `contactIds: not on the drill's roster: ${people}`, {
                names: people,
              }),
            ]
          : []),
        ...(teams
          ? [
              problem('drill.teamsNotOnRoster', `teamIds: not on the drill's roster: ${teams}`, {
                names: teams,
              }),
            ]
          : []),
      ]);
    }
    const recipients = planned
      .filter((r) => r.contactId !== null && roster.contactIds.has(r.contactId))
      .map((r) => ({ ...r, unreachable: roster.unreachableContactIds.has(r.contactId!) }));
    if (planned.length && !recipients.length)
      throw new InvalidError([
        problem(
          'drill.noneOnRoster',
          `contactIds: none of the ${planned.length} people this call-out names is on the drill's roster`,
          { count: planned.length },
        ),
      ]);
    return { recipients, outsideRoster: planned.length - recipients.length };
  }

  /** Resolves the policy's tiers (teams and the on-call of rotations, now) plus anyone named by hand. */
  private async plan(
    dto: CalloutCreateDto,
  ): Promise<{ tiers: LadderTier[]; recipients: PlannedRecipient[] }> {
    const tiers: LadderTier[] = [];
    const planned: PlannedRecipient[] = [];
    const seen = new Set<string>();
    const add = (r: PlannedRecipient) => {
      if (seen.has(r.phone)) return; // a person in two tiers is paged in the first
      seen.add(r.phone);
      planned.push(r);
    };
    const languages = new Map<string, 'zh-CN' | 'en'>();

    const manualIds = [...(dto.contactIds ?? [])];
    if (dto.teamIds?.length) {
      const teams = await this.teams.findByIds(dto.teamIds);
      const missing = dto.teamIds.filter((id) => !teams.some((t) => t.id === id));
      if (missing.length) throw new InvalidError(missing.map((id) => `teamIds: no such team ${id}`));
      for (const t of teams) manualIds.push(...t.memberContactIds);
    }
    // As plain rows, as a policy's people are read; paged in the order named.
    const named = [...new Set(manualIds)];
    const found = new Map((await this.contacts.pageableByIds(named)).map((c) => [c.id, c]));
    const manual = named.flatMap((id) => found.get(id) ?? []);
    const unknown = (dto.contactIds ?? []).filter((id) => !found.has(id));
    if (unknown.length) throw new InvalidError(unknown.map((id) => `contactIds: no such contact ${id}`));
    for (const c of manual) languages.set(c.id, c.language === 'en' ? 'en' : 'zh-CN');

    if (dto.policyId) {
      const { preview, contacts } = await this.policies.resolve(dto.policyId, new Date());
      for (const c of contacts.values()) languages.set(c.id, c.language === 'en' ? 'en' : 'zh-CN');
      for (const t of preview.tiers) {
        tiers.push({
          index: tiers.length,
          channels: t.channels,
          voiceDelaySeconds: t.voiceDelaySeconds,
          ackTimeoutSeconds: t.ackTimeoutSeconds,
          quorum: t.quorum,
          repeats: t.repeats,
        });
        for (const r of t.recipients) {
          if (r.phone)
            add({
              contactId: r.contactId,
              name: r.name,
              phone: r.phone,
              language: languages.get(r.contactId) ?? 'zh-CN',
              tier: tiers.length - 1,
            });
        }
      }
    }
    if (manual.length) {
      if (!tiers.length) tiers.push({ ...MANUAL_TIER, quorum: 1 });
      for (const c of manual) {
        const phone = c.phones[0];
        if (phone) add({ contactId: c.id, name: c.name, phone, language: languages.get(c.id)!, tier: 0 });
      }
      if (!dto.policyId)
        tiers[0]!.quorum = Math.min(dto.quorum ?? planned.length, Math.max(planned.length, 1));
    }
    return { tiers, recipients: planned };
  }
}

/** Resolved tiers as the plan's tiers and recipients; a person in two tiers is paged in the first. */
function resolvedPlan(ladder: ResolvedTier[]): { tiers: LadderTier[]; recipients: PlannedRecipient[] } {
  const seen = new Set<string>();
  const recipients: PlannedRecipient[] = [];
  const tiers = ladder.map(({ people, ...t }, index) => {
    for (const p of people) {
      if (seen.has(p.phone)) continue;
      seen.add(p.phone);
      recipients.push({ ...p, tier: index });
    }
    return { ...t, index };
  });
  return { tiers, recipients };
}

/**
 * A tier that a drill's roster or a raised level left with nobody in it would page no one and
 * wait for nothing: it is left out, and the tiers after it move up.
 */
function withoutEmptyTiers(
  tiers: LadderTier[],
  recipients: PlannedRecipient[],
): { tiers: LadderTier[]; recipients: PlannedRecipient[] } {
  const used = tiers.filter((t) => recipients.some((r) => r.tier === t.index));
  if (used.length === tiers.length) return { tiers, recipients };
  const newIndex = new Map(used.map((t, i) => [t.index, i]));
  return {
    tiers: used.map((t, i) => ({ ...t, index: i })),
    recipients: recipients.map((r) => ({ ...r, tier: newIndex.get(r.tier)! })),
  };
}

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

function shortCode(): string {
  return Array.from({ length: 3 }, () => SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)]).join('');
}
