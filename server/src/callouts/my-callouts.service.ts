import { Inject, Injectable } from '@nestjs/common';
import type { IncidentView, MyCalloutList, MyCalloutScope, MyCalloutView } from '@muster/contracts';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { IncidentService } from '../incidents/incident.service.js';
import { Callout, CalloutRecipient } from './callout.entities.js';
import { CalloutService } from './callout.service.js';
import { signResponseToken } from './response-link.js';
import { ConflictError, NotFoundError, UnauthenticatedError, problem } from '../common/domain-errors.js';

/**
 * Whether a recipient row still takes part, in SQL: the rule of `CalloutService.stillTakesPart`
 * (an active call-out, or one that succeeded with this person coming while the incident is open).
 */
const TAKES_PART = `(c.status = 'active'
  OR (c.status = 'succeeded' AND r.state = 'acknowledged' AND i.status <> 'closed'))`;

/**
 * The signed-in person's own call-outs, across incidents, found through the directory contacts
 * linked to their account, and their answer from the console. The answer goes through the same
 * `CalloutService.respond` as an SMS reply, a keypress or the link, so the board, the room's
 * events, the quorum and the audit follow it alike. Nobody else's rows are ever read here: a
 * call-out that does not name one of the person's contacts is not found.
 */
@Injectable()
export class MyCalloutsService {
  constructor(
    private readonly db: Db,
    private readonly callouts: CalloutService,
    private readonly contacts: ContactService,
    private readonly incidents: IncidentService,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `open`: what still takes their answer (or whose briefing they keep, coming), those awaiting an
   * answer first, newest first. `recent`: the ones that have ended for them, newest first.
   */
  async list(scope: MyCalloutScope, paging: { page: number; pageSize: number }): Promise<MyCalloutList> {
    const contactIds = await this.myContactIds();
    if (!contactIds.length) return { items: [], total: 0, linked: false };
    const { skip, take } = pageWindow(paging);
    const where = `r.contact_id = ANY($1::uuid[]) AND ${scope === 'open' ? TAKES_PART : `NOT ${TAKES_PART}`}`;
    const order =
      scope === 'open'
        ? `CASE WHEN r.state IN ('pending', 'notified') THEN 0 ELSE 1 END, c.created_at DESC, r.id`
        : `COALESCE(c.ended_at, c.created_at) DESC, r.id`;
    const [{ total }]: { total: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS total
         FROM callout_recipient r JOIN callout c ON c.id = r.callout_id JOIN incident i ON i.id = c.incident_id
        WHERE ${where}`,
      [contactIds],
    );
    const rows: { rid: string }[] = await this.db.manager.query(
      `SELECT r.id AS rid
         FROM callout_recipient r JOIN callout c ON c.id = r.callout_id JOIN incident i ON i.id = c.incident_id
        WHERE ${where}
        ORDER BY ${order}
        OFFSET $2 LIMIT $3`,
      [contactIds, skip, take],
    );
    const items = await this.views(rows.map((x) => x.rid));
    return { items, total, linked: true };
  }

  /**
   * Accepts or declines every row of the call-out that names one of the person's contacts
   * (normally one). Answering again is no change, as by the link; an ended call-out refuses
   * the answer with a 409 that says so.
   */
  async answer(
    calloutId: string,
    decision: 'accept' | 'decline',
    location?: { lat: number; lng: number },
  ): Promise<MyCalloutView> {
    const mine = await this.myRows(calloutId);
    let taken = false;
    for (const r of mine) {
      const { closed } = await this.callouts.respond(r.id, decision, 'console', location);
      taken ||= !closed;
    }
    if (!taken)
      throw new ConflictError(problem('callout.ended', 'The call-out has ended; it no longer takes answers'));
    return (await this.views([mine[0]!.id]))[0]!;
  }

  private async myRows(calloutId: string): Promise<CalloutRecipient[]> {
    const contactIds = await this.myContactIds();
    const rows = contactIds.length
      ? await this.db
          .repo(CalloutRecipient)
          .createQueryBuilder('r')
          .where('r.calloutId = :calloutId', { calloutId })
          .andWhere('r.contactId IN (:...contactIds)', { contactIds })
          .orderBy('r.tier', 'ASC')
          .getMany()
      : [];
    if (!rows.length) throw new NotFoundError('Call-out not found');
    return rows;
  }

  private async myContactIds(): Promise<string[]> {
    const principal = this.context.principal();
    if (!principal) throw new UnauthenticatedError('Sign in first');
    return this.contacts.idsLinkedToUser(principal.id);
  }

  /** The rows as the person sees them, in the order given; one read per incident named. */
  private async views(recipientIds: string[]): Promise<MyCalloutView[]> {
    if (!recipientIds.length) return [];
    const recipients = await this.db
      .repo(CalloutRecipient)
      .createQueryBuilder('r')
      .where('r.id IN (:...ids)', { ids: recipientIds })
      .getMany();
    const calloutIds = [...new Set(recipients.map((r) => r.calloutId))];
    const callouts = new Map(
      (
        await this.db
          .repo(Callout)
          .createQueryBuilder('c')
          .where('c.id IN (:...ids)', { ids: calloutIds })
          .getMany()
      ).map((c) => [c.id, c]),
    );
    const incidents = new Map<string, IncidentView>();
    for (const incidentId of new Set([...callouts.values()].map((c) => c.incidentId))) {
      const incident = await this.incidents.findAnyById(incidentId);
      if (incident) incidents.set(incidentId, incident);
    }
    const byId = new Map(recipients.map((r) => [r.id, r]));
    const out: MyCalloutView[] = [];
    for (const id of recipientIds) {
      const r = byId.get(id)!;
      const c = callouts.get(r.calloutId)!;
      const incident = incidents.get(c.incidentId)!;
      // The link's own rule, so the console and the link never disagree on what is still open.
      const open = await this.callouts.stillTakesPart(c, r);
      out.push({
        calloutId: c.id,
        recipientId: r.id,
        incidentId: c.incidentId,
        isDrill: c.isDrill,
        responseLevel: c.responseLevel,
        calloutStatus: c.status,
        state: r.state,
        open,
        pagedAt: (r.notifiedAt ?? c.createdAt).toISOString(),
        respondedAt: r.respondedAt?.toISOString() ?? null,
        responseChannel: r.responseChannel,
        endedAt: c.endedAt?.toISOString() ?? null,
        message: open ? c.message : null,
        incident: open
          ? {
              title: incident.title,
              category: incident.category,
              severity: incident.severity,
              address: incident.address,
              location: incident.location,
              enterpriseName: incident.enterpriseName,
            }
          : { title: incident.title, category: incident.category, severity: incident.severity },
        briefingToken: open ? signResponseToken(r.id, this.config.JWT_SECRET) : null,
      });
    }
    return out;
  }
}
