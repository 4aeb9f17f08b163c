import { Injectable, type OnModuleInit } from '@nestjs/common';
import type {
  LinkRollCall,
  MyRollCall,
  RecordLanguage,
  RollCallCandidates,
  RollCallChannel,
  RollCallView,
  TypedRoomEvent,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { DrillRosters } from '../callouts/drill-rosters.js';
import { InboundTexts } from '../callouts/inbound-texts.js';
import { Clock } from '../common/clock.js';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { ContactRepository } from '../directory/contact.repository.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { IncidentService } from '../incidents/incident.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { ResourceRepository } from '../resources/resource.repository.js';
import { RoomLog } from '../room-log/room-log.js';
import { RoomWorkService } from '../rooms/room-work.service.js';
import type {
  MissingPersonDto,
  RollCallCheckInDto,
  RollCallCloseDto,
  RollCallCountDto,
  RollCallOpenDto,
} from './rollcall.dto.js';
import {
  RollCall,
  RollCallCheckIn,
  RollCallCount,
  RollCallEnterprise,
  RollCallMissing,
  RollCallPoint,
} from './rollcall.entities.js';
import { parseRollCallReply } from './rollcall-replies.js';
import { type PhoneRole, RollCallRepository } from './rollcall.repository.js';
import {
  type DangerArea,
  DEFAULT_RADIUS_M,
  metresBetween,
  nearestPoint,
  pointCode,
  suggestEnterprises,
} from './rollcall-selection.js';
import { pointList, rollCallText } from './rollcall-texts.js';
import { mapRollCall } from './rollcall.view.js';

/** How far from the incident the zone's registered assembly points are offered. */
const RESOURCE_POINT_RADIUS_M = 5000;
const RESOURCE_POINT_LIMIT = 12;
/** Drawn areas that mark people in danger (a route or a command post does not). */
const DANGER_KINDS = new Set(['hazard_zone', 'cordon']);

/**
 * Roll call at the assembly points. The commander opens one for an incident with its points and
 * the enterprises concerned, who are asked by text for their headcount; counts arrive from the
 * console, the officers' and responders' pages and SMS replies, and each is a room event, an
 * audit row and a fresh board, committed together. Officers report for their own enterprise,
 * commanders for any; responders check themselves in.
 */
@Injectable()
export class RollCallService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly rollCalls: RollCallRepository,
    private readonly incidents: IncidentRepository,
    private readonly incidentService: IncidentService,
    private readonly roomWork: RoomWorkService,
    private readonly rooms: RoomLog,
    private readonly enterprises: EnterpriseRepository,
    private readonly resources: ResourceRepository,
    private readonly contacts: ContactRepository,
    private readonly notifications: NotificationService,
    private readonly rosters: DrillRosters,
    private readonly inbound: InboundTexts,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.inbound.register({
      claim: (from, body) => this.textReceived(from, body),
      hint: (from) => this.hintFor(from),
    });
  }

  // ── reading ──────────────────────────────────────────────────────────────
  /** Every roll call of the incident, newest first (the incident's scope is the read check). */
  async list(incidentId: string): Promise<RollCallView[]> {
    await this.incidents.getById(incidentId);
    return Promise.all((await this.rollCalls.forIncident(incidentId)).map((rc) => this.view(rc)));
  }

  /** The points and enterprises a roll call of this incident may take, with the default choice. */
  async candidates(incidentId: string): Promise<RollCallCandidates> {
    const incident = await this.incidents.getById(incidentId);
    const at = { lat: incident.lat, lng: incident.lng };
    const features = await this.roomWork.features(incidentId);
    const drawn = features
      .filter((f) => f.kind === 'assembly_point' && f.geometry.type === 'Point')
      .map((f) => {
        const [lng, lat] = f.geometry.coordinates as number[];
        return { source: 'room' as const, sourceId: f.id, label: f.label, lat: lat!, lng: lng! };
      });
    const registered = (
      await this.resources.nearest({
        ...at,
        limit: RESOURCE_POINT_LIMIT,
        types: ['assembly_point'],
        maxDistanceM: RESOURCE_POINT_RADIUS_M,
      })
    ).map(({ resource: r }) => ({
      source: 'resource' as const,
      sourceId: r.id,
      label: r.name,
      lat: r.lat,
      lng: r.lng,
    }));
    const areas: DangerArea[] = [
      ...features
        .filter((f) => DANGER_KINDS.has(f.kind))
        .map((f) => ({ geometry: f.geometry, radiusM: f.radiusM })),
      ...(await this.threatZones(incidentId)),
    ];
    const sites = (await this.enterprises.inScope()).map((e) => ({
      id: e.id,
      name: e.name,
      lat: e.lat,
      lng: e.lng,
      outline: e.outline,
    }));
    return {
      points: [...drawn, ...registered].map((p) => ({
        ...p,
        distanceM: Math.round(metresBetween(p, at)),
      })),
      enterprises: suggestEnterprises(sites, areas, at, DEFAULT_RADIUS_M),
      radiusM: DEFAULT_RADIUS_M,
    };
  }

  /** Open roll calls that ask the caller something: their enterprise's count, or a responder's check-in. */
  async mine(): Promise<MyRollCall[]> {
    const p = this.context.principal();
    if (!p) return [];
    const contactIds = await this.contacts.idsLinkedTo(p.id);
    const found =
      p.role === 'enterprise_officer' && p.enterpriseId
        ? await this.rollCalls.openForEnterprise(p.enterpriseId)
        : await this.rollCalls.openForContacts(contactIds);
    return Promise.all(
      found.map(async (rc) => {
        const rollCall = await this.view(rc);
        const incident = await this.incidents.findAnyById(rc.incidentId);
        const mineIn = rollCall.checkIns.find((c) => c.contactId && contactIds.includes(c.contactId));
        return {
          rollCall,
          incidentTitle: incident?.title ?? '',
          enterpriseId: p.role === 'enterprise_officer' ? p.enterpriseId : null,
          checkedInAt: mineIn?.pointId ?? null,
        };
      }),
    );
  }

  // ── changing ─────────────────────────────────────────────────────────────
  async open(incidentId: string, dto: RollCallOpenDto): Promise<RollCallView> {
    return this.db.transaction(async () => {
      const incident = await this.incidents.getById(incidentId);
      if (incident.status === 'closed') throw new ConflictError('The incident is closed; reopen it first');
      const open = (await this.rollCalls.forIncident(incidentId)).find((r) => r.status === 'open');
      if (open) throw new ConflictError('A roll call is already open in this incident; close it first');
      const points = await this.resolvePoints(incidentId, dto);
      const ids = [...new Set(dto.enterpriseIds)];
      const sites = (await this.enterprises.inScope()).filter((e) => ids.includes(e.id));
      const unknown = ids.filter((id) => !sites.some((s) => s.id === id));
      if (unknown.length) throw new InvalidError(unknown.map((id) => `enterpriseIds: ${id} not found`));
      const now = this.clock.now();
      const rc = await this.db.repo(RollCall).save(
        Object.assign(new RollCall(), {
          incidentId,
          status: 'open',
          openedAt: now,
          openedBy: this.context.principal()?.id ?? null,
          closedAt: null,
          closedBy: null,
          allAccountedAt: null,
          final: null,
          reportId: null,
        }),
      );
      const saved = await this.db
        .repo(RollCallPoint)
        .save(
          points.map((p, i) =>
            Object.assign(new RollCallPoint(), { ...p, rollCallId: rc.id, code: pointCode(i), position: i }),
          ),
        );
      await this.db.repo(RollCallEnterprise).save(
        sites.map((s) =>
          Object.assign(new RollCallEnterprise(), {
            rollCallId: rc.id,
            enterpriseId: s.id,
            pointId: nearestPoint(s, saved).id,
            expected: null,
            lastReportAt: null,
            lastChannel: null,
          }),
        ),
      );
      const view = await this.view(rc);
      await this.rooms.append(incidentId, 'rollcall.opened', {
        rollCallId: rc.id,
        points: saved.map((p) => ({ id: p.id, code: p.code, label: p.label, lat: p.lat, lng: p.lng })),
        enterprises: sites.length,
      });
      await this.requestCounts(view, incident.title, incident.isDrill);
      await this.audit.record({
        action: 'roll_call.opened',
        entity: 'roll_call',
        entityId: rc.id,
        after: view,
      });
      return view;
    });
  }

  /** An enterprise's headcount and how many are accounted for at a point (console or responder page). */
  async count(rollCallId: string, dto: RollCallCountDto): Promise<RollCallView> {
    this.assertMayReportFor(dto.enterpriseId);
    return this.db.transaction(async () => {
      const rc = await this.lockOpen(rollCallId);
      const point = dto.pointId ? await this.point(rc.id, dto.pointId, 'pointId') : null;
      return (await this.recordCount(rc, dto.enterpriseId, point, dto.expected, dto.accounted, 'console'))
        .view;
    });
  }

  async checkIn(rollCallId: string, dto: RollCallCheckInDto): Promise<RollCallView> {
    const p = this.context.principal()!;
    const commands = p.role === 'commander' || p.role === 'zone_admin';
    if (dto.contactId && !commands) throw new ForbiddenError('Only commanders check in someone else');
    return this.db.transaction(async () => {
      const rc = await this.lockOpen(rollCallId);
      const point = await this.point(rc.id, dto.pointId, 'pointId');
      let who: { contactId: string | null; name: string };
      if (dto.contactId) {
        const c = await this.contacts.getById(dto.contactId);
        who = { contactId: c.id, name: c.name };
      } else {
        const [contactId] = await this.contacts.idsLinkedTo(p.id);
        who = { contactId: contactId ?? null, name: p.name };
      }
      const channel: RollCallChannel = dto.contactId ? 'console' : 'link';
      return this.recordCheckIn(rc, point, who, channel);
    });
  }

  async nameMissing(rollCallId: string, dto: MissingPersonDto): Promise<RollCallView> {
    const p = this.context.principal()!;
    const enterpriseId = p.role === 'enterprise_officer' ? p.enterpriseId : (dto.enterpriseId ?? null);
    if (p.role === 'enterprise_officer' && dto.enterpriseId && dto.enterpriseId !== p.enterpriseId)
      throw new ForbiddenError('Officers name missing people of their own enterprise');
    return this.db.transaction(async () => {
      const rc = await this.lockOpen(rollCallId);
      const record = await this.rollCalls.record(rc);
      if (enterpriseId && !record.enterprises.some((e) => e.enterpriseId === enterpriseId))
        throw new InvalidError(['enterpriseId: not in this roll call']);
      const person = await this.db.repo(RollCallMissing).save(
        Object.assign(new RollCallMissing(), {
          rollCallId: rc.id,
          enterpriseId,
          name: dto.name,
          note: dto.note ?? '',
          createdAt: this.clock.now(),
          clearedAt: null,
        }),
      );
      const enterpriseName = enterpriseId
        ? ((await this.enterprises.namesByIds([enterpriseId])).get(enterpriseId) ?? null)
        : null;
      await this.rooms.append(rc.incidentId, 'rollcall.missing_named', {
        rollCallId: rc.id,
        personId: person.id,
        name: person.name,
        enterpriseName,
      });
      await this.audit.record({
        action: 'roll_call.missing_named',
        entity: 'roll_call',
        entityId: rc.id,
        after: { personId: person.id, name: person.name, enterpriseId, note: person.note },
      });
      return this.view(rc);
    });
  }

  async clearMissing(rollCallId: string, personId: string): Promise<RollCallView> {
    return this.db.transaction(async () => {
      const rc = await this.lockOpen(rollCallId);
      const person = await this.db.repo(RollCallMissing).findOneBy({ id: personId, rollCallId: rc.id });
      if (!person || person.clearedAt) throw new NotFoundError('Missing person not found');
      const p = this.context.principal()!;
      if (p.role === 'enterprise_officer' && person.enterpriseId !== p.enterpriseId)
        throw new ForbiddenError('Officers clear missing people of their own enterprise');
      person.clearedAt = this.clock.now();
      await this.db.repo(RollCallMissing).save(person);
      await this.rooms.append(rc.incidentId, 'rollcall.missing_cleared', {
        rollCallId: rc.id,
        personId,
        name: person.name,
      });
      await this.audit.record({
        action: 'roll_call.missing_cleared',
        entity: 'roll_call',
        entityId: rc.id,
        before: { personId, name: person.name, enterpriseId: person.enterpriseId },
      });
      return this.view(rc);
    });
  }

  /**
   * Closes with the numbers as they stand: they are kept whatever is texted later. With
   * `carryIntoReport` the final missing count goes into a supplementary report (续报), which
   * re-grades the incident as Decree 493 counts missing people with the dead.
   */
  async close(rollCallId: string, dto: RollCallCloseDto): Promise<RollCallView> {
    return this.db.transaction(async () => {
      const rc = await this.lockOpen(rollCallId);
      const before = await this.view(rc);
      const final = before.totals;
      let reportId: string | null = null;
      if (dto.carryIntoReport) reportId = await this.carryIntoReport(rc, before);
      Object.assign(rc, {
        status: 'closed',
        closedAt: this.clock.now(),
        closedBy: this.context.principal()?.id ?? null,
        final,
        reportId,
      });
      await this.db.repo(RollCall).save(rc);
      await this.rooms.append(rc.incidentId, 'rollcall.closed', {
        rollCallId: rc.id,
        final,
        secondsToAllAccounted: rc.allAccountedAt ? secondsBetween(rc.openedAt, rc.allAccountedAt) : null,
        reportId,
      });
      const after = await this.view(rc);
      await this.audit.record({
        action: 'roll_call.closed',
        entity: 'roll_call',
        entityId: rc.id,
        before,
        after,
      });
      return after;
    });
  }

  /** The open roll call of the incident a responder's signed link was sent for, and where they checked in. */
  async byLink(recipientId: string): Promise<LinkRollCall> {
    const who = await this.rollCalls.recipient(recipientId);
    if (!who) throw new NotFoundError('Link not found');
    const rc = (await this.rollCalls.forIncident(who.incidentId)).find((r) => r.status === 'open');
    if (!rc) return { rollCallId: null, points: [], checkedInAt: null };
    const view = await this.view(rc);
    const mineIn = who.contactId ? view.checkIns.find((c) => c.contactId === who.contactId) : undefined;
    return {
      rollCallId: rc.id,
      points: view.points.map((p) => ({ id: p.id, code: p.code, label: p.label, lat: p.lat, lng: p.lng })),
      checkedInAt: mineIn?.pointId ?? null,
    };
  }

  /** A responder checks in through their signed link: the link is the credential, as for the answer. */
  async checkInByLink(recipientId: string, pointId: string): Promise<LinkRollCall> {
    const who = await this.rollCalls.recipient(recipientId);
    if (!who) throw new NotFoundError('Link not found');
    return this.context.runAsSystem('responder-link', () =>
      this.db.transaction(async () => {
        const open = (await this.rollCalls.forIncident(who.incidentId)).find((r) => r.status === 'open');
        if (!open) throw new ConflictError('No roll call is open in this incident');
        const rc = await this.rollCalls.lock(open.id);
        const point = await this.point(rc.id, pointId, 'pointId');
        await this.recordCheckIn(rc, point, { contactId: who.contactId, name: who.name }, 'link');
        return this.byLink(recipientId);
      }),
    );
  }

  // ── texts ────────────────────────────────────────────────────────────────
  /**
   * A text from a number in an open roll call that reads as a count or a check-in (or plainly
   * tries to) is the roll call's; anything else is left to call-outs.
   */
  async textReceived(from: string, body: string): Promise<{ reply: string | null } | undefined> {
    const parsed = parseRollCallReply(body);
    if (!parsed) return undefined;
    const roles = await this.rollCalls.phoneRoles(from);
    if (!roles.length) return undefined;
    return this.context.runAsSystem('sms-reply', async () => {
      const reporter = roles.find((r) => r.enterpriseId);
      const role = parsed.kind === 'count' ? (reporter ?? roles[0]!) : roles[0]!;
      const lang: RecordLanguage = role.language;
      const points = await this.db
        .repo(RollCallPoint)
        .find({ where: { rollCallId: role.rollCallId }, order: { position: 'ASC' } });
      const list = pointList(lang, points);
      const reply = (text: string) => ({ reply: text });
      if (parsed.kind === 'invalid') {
        return reply(
          parsed.reason === 'more_than_expected'
            ? rollCallText(lang, 'moreThanExpected', {
                accounted: parsed.accounted!,
                expected: parsed.expected!,
              })
            : rollCallText(lang, 'help', { points: list }),
        );
      }
      const point = parsed.point ? points.find((p) => p.code === parsed.point) : null;
      if (parsed.point && !point)
        return reply(rollCallText(lang, 'unknownPoint', { code: parsed.point, points: list }));
      if (parsed.kind === 'count') {
        if (!role.enterpriseId) return reply(rollCallText(lang, 'notReporter'));
        return this.db.transaction(async () => {
          const rc = await this.rollCalls.lock(role.rollCallId);
          if (rc.status !== 'open') return reply(rollCallText(lang, 'help', { points: list }));
          try {
            const { view, point: at } = await this.recordCount(
              rc,
              role.enterpriseId!,
              point ?? null,
              parsed.expected,
              parsed.accounted,
              'sms',
            );
            const e = view.enterprises.find((x) => x.enterpriseId === role.enterpriseId)!;
            const values = {
              enterprise: e.name,
              point: at.code,
              accounted: parsed.accounted,
              expected: parsed.expected,
            };
            const more = e.missing
              ? rollCallText(lang, 'stillMissing', { missing: e.missing })
              : rollCallText(lang, 'allHere', { enterprise: e.name });
            return reply(`${rollCallText(lang, 'counted', values)}${more}`);
          } catch (err) {
            if (err instanceof InvalidError)
              return reply(rollCallText(lang, 'moreThanHeadcount', { expected: parsed.expected }));
            throw err;
          }
        });
      }
      if (!point && points.length > 1) return reply(rollCallText(lang, 'whichPoint', { points: list }));
      const at = point ?? points[0]!;
      return this.db.transaction(async () => {
        const rc = await this.rollCalls.lock(role.rollCallId);
        if (rc.status !== 'open') return reply(rollCallText(lang, 'help', { points: list }));
        await this.recordCheckIn(rc, at, { contactId: role.contactId, name: role.name }, 'sms');
        return reply(rollCallText(lang, 'checkedIn', { name: role.name, point: at.code, place: at.label }));
      });
    });
  }

  /** What a number in an open roll call may text, for a text nothing could read. */
  async hintFor(from: string): Promise<string | null> {
    const [role] = await this.rollCalls.phoneRoles(from);
    if (!role) return null;
    return this.helpText(role);
  }

  // ── the rules ────────────────────────────────────────────────────────────
  private async helpText(role: PhoneRole): Promise<string> {
    const points = await this.db
      .repo(RollCallPoint)
      .find({ where: { rollCallId: role.rollCallId }, order: { position: 'ASC' } });
    return rollCallText(role.language, 'help', { points: pointList(role.language, points) });
  }

  /**
   * The latest report of an enterprise at a point replaces its previous one there; its headcount
   * is the latest given. The first time every enterprise is in and accounted for is recorded
   * once: it is the drill's time to 100 %.
   */
  private async recordCount(
    rc: RollCall,
    enterpriseId: string,
    point: RollCallPoint | null,
    expected: number,
    accounted: number,
    channel: RollCallChannel,
  ): Promise<{ view: RollCallView; point: RollCallPoint }> {
    const entry = await this.db.repo(RollCallEnterprise).findOneBy({ rollCallId: rc.id, enterpriseId });
    if (!entry) throw new InvalidError(['enterpriseId: not in this roll call']);
    const at = point ?? (await this.point(rc.id, entry.pointId, 'pointId'));
    const others = (await this.db.repo(RollCallCount).find({ where: { rollCallId: rc.id, enterpriseId } }))
      .filter((c) => c.pointId !== at.id)
      .reduce((n, c) => n + c.accounted, 0);
    if (accounted + others > expected)
      throw new InvalidError([
        `accounted: ${accounted + others} accounted for at all points is more than the ${expected} on shift`,
      ]);
    const now = this.clock.now();
    const before = { expected: entry.expected, lastReportAt: entry.lastReportAt };
    await this.db.repo(RollCallCount).save(
      Object.assign(new RollCallCount(), {
        rollCallId: rc.id,
        enterpriseId,
        pointId: at.id,
        accounted,
        reportedAt: now,
      }),
    );
    Object.assign(entry, { expected, lastReportAt: now, lastChannel: channel });
    await this.db.repo(RollCallEnterprise).save(entry);
    const view = await this.view(rc);
    const e = view.enterprises.find((x) => x.enterpriseId === enterpriseId)!;
    await this.rooms.append(rc.incidentId, 'rollcall.counted', {
      rollCallId: rc.id,
      enterpriseId,
      enterpriseName: e.name,
      pointId: at.id,
      pointCode: at.code,
      expected,
      accounted,
      channel,
      totals: view.totals,
    });
    if (view.totals.complete && !rc.allAccountedAt) {
      rc.allAccountedAt = now;
      await this.db.repo(RollCall).save(rc);
      await this.rooms.append(rc.incidentId, 'rollcall.all_accounted', {
        rollCallId: rc.id,
        expected: view.totals.expected,
        secondsSinceOpened: secondsBetween(rc.openedAt, now),
      });
    }
    await this.audit.record({
      action: 'roll_call.counted',
      entity: 'roll_call',
      entityId: rc.id,
      before: { enterpriseId, ...before },
      after: { enterpriseId, pointId: at.id, expected, accounted, channel },
    });
    return { view: rc.allAccountedAt === now ? await this.view(rc) : view, point: at };
  }

  /** A person checks in once per roll call; checking in again moves them to the new point. */
  private async recordCheckIn(
    rc: RollCall,
    point: RollCallPoint,
    who: { contactId: string | null; name: string },
    channel: RollCallChannel,
  ): Promise<RollCallView> {
    const repo = this.db.repo(RollCallCheckIn);
    const previous = who.contactId
      ? await repo.findOneBy({ rollCallId: rc.id, contactId: who.contactId })
      : null;
    const row =
      previous ?? Object.assign(new RollCallCheckIn(), { rollCallId: rc.id, contactId: who.contactId });
    Object.assign(row, { pointId: point.id, name: who.name, channel, at: this.clock.now() });
    const saved = await repo.save(row);
    await this.rooms.append(rc.incidentId, 'rollcall.checked_in', {
      rollCallId: rc.id,
      pointId: point.id,
      pointCode: point.code,
      name: who.name,
      channel,
    });
    await this.audit.record({
      action: 'roll_call.checked_in',
      entity: 'roll_call',
      entityId: rc.id,
      before: previous ? { pointId: previous.pointId } : undefined,
      after: { checkInId: saved.id, contactId: who.contactId, name: who.name, pointId: point.id, channel },
    });
    return this.view(rc);
  }

  /** Each enterprise's contacts get the request by text, its officers in the console; a drill's only reach its roster. */
  private async requestCounts(view: RollCallView, incidentTitle: string, isDrill: boolean): Promise<void> {
    const roster = isDrill ? await this.rosters.for(view.incidentId) : null;
    const reporters = await this.rollCalls.reporters(view.enterprises.map((e) => e.enterpriseId));
    const points = view.points.map((p) => `${p.code} ${p.label}`).join(' / ');
    for (const e of view.enterprises) {
      const point = view.points.find((p) => p.id === e.pointId)!;
      const contacts = reporters
        .filter((r) => r.enterpriseId === e.enterpriseId)
        .filter((r) => !roster || roster.contactIds.has(r.contactId))
        .map((r) => ({ name: r.name, phone: r.phone, language: r.language }));
      await this.notifications.notify(
        isDrill ? {} : { roles: ['enterprise_officer'], enterpriseId: e.enterpriseId },
        {
          kind: 'rollcall.requested',
          params: {
            drill: isDrill ? 'drill' : 'real',
            incident: incidentTitle,
            enterprise: e.name,
            point: point.code,
            place: point.label,
            points,
          },
          entity: 'roll_call',
          entityId: view.id,
          deliveryKey: `rollcall:${view.id}:${e.enterpriseId}`,
          contacts,
        },
      );
    }
  }

  private async carryIntoReport(rc: RollCall, view: RollCallView): Promise<string> {
    const incident = await this.incidentService.get(rc.incidentId);
    const names = view.missingPersons.map((m) => m.name).join('、');
    const t = view.totals;
    const report = await this.incidentService.supplement(rc.incidentId, {
      casualties: { ...incident.casualties, missing: t.missing },
      directLossCny: incident.directLossCny,
      summary: `清点人数结束：应到 ${t.expected} 人，实到 ${t.accounted} 人，失联 ${t.missing} 人。`,
      otherMatters: names ? `失联人员：${names}` : undefined,
    });
    return report.id;
  }

  private async resolvePoints(incidentId: string, dto: RollCallOpenDto): Promise<PointDraft[]> {
    const features = await this.roomWork.features(incidentId);
    const resources = await this.resources.findByIds(
      dto.points.filter((p) => p.source === 'resource').map((p) => p.sourceId),
    );
    const problems: string[] = [];
    const points = dto.points.flatMap<PointDraft>((ref, i) => {
      if (ref.source === 'room') {
        const f = features.find((x) => x.id === ref.sourceId);
        if (!f || f.kind !== 'assembly_point' || f.geometry.type !== 'Point') {
          problems.push(`points.${i}.sourceId: no assembly point drawn in this room`);
          return [];
        }
        const [lng, lat] = f.geometry.coordinates as number[];
        return [{ label: f.label, lat: lat!, lng: lng!, source: 'room' as const, sourceId: f.id }];
      }
      const r = resources.find((x) => x.id === ref.sourceId);
      if (!r || r.type !== 'assembly_point') {
        problems.push(`points.${i}.sourceId: no registered assembly point`);
        return [];
      }
      return [{ label: r.name, lat: r.lat, lng: r.lng, source: 'resource' as const, sourceId: r.id }];
    });
    const seen = new Set<string>();
    dto.points.forEach((p, i) => {
      if (seen.has(p.sourceId)) problems.push(`points.${i}.sourceId: named twice`);
      seen.add(p.sourceId);
    });
    if (problems.length) throw new InvalidError(problems);
    return points;
  }

  /** The threat zones the consequence models drew in the room. */
  private async threatZones(incidentId: string): Promise<DangerArea[]> {
    const events = (await this.rooms.since(incidentId, 0)) as TypedRoomEvent[];
    return events.flatMap((e) =>
      e.type === 'consequence.modelled'
        ? e.payload.zones.map((z) => ({ geometry: z.geometry, radiusM: null }))
        : [],
    );
  }

  private assertMayReportFor(enterpriseId: string): void {
    const p = this.context.principal()!;
    if (p.role === 'enterprise_officer' && p.enterpriseId !== enterpriseId)
      throw new ForbiddenError('Officers report the headcount of their own enterprise');
  }

  private async lockOpen(id: string): Promise<RollCall> {
    const rc = await this.rollCalls.lock(id);
    await this.assertVisible(rc);
    if (rc.status !== 'open') throw new ConflictError('The roll call is closed');
    return rc;
  }

  /**
   * Room members see it through the incident; an officer whose enterprise it concerns and a
   * responder paged in the incident reach it too (the neighbours of an incident are not in its room).
   */
  private async assertVisible(rc: RollCall): Promise<void> {
    const p = this.context.principal();
    if (!p) return;
    if (p.role === 'commander' || p.role === 'zone_admin') return;
    if (p.role === 'enterprise_officer' && p.enterpriseId) {
      const concerned = await this.db
        .repo(RollCallEnterprise)
        .existsBy({ rollCallId: rc.id, enterpriseId: p.enterpriseId });
      if (concerned) return;
    }
    if (p.role === 'responder') {
      const mine = await this.rollCalls.openForContacts(await this.contacts.idsLinkedTo(p.id));
      if (mine.some((r) => r.id === rc.id)) return;
    }
    await this.incidents.getById(rc.incidentId);
  }

  private async point(rollCallId: string, pointId: string, field: string): Promise<RollCallPoint> {
    const p = await this.db.repo(RollCallPoint).findOneBy({ id: pointId, rollCallId });
    if (!p) throw new InvalidError([`${field}: not a point of this roll call`]);
    return p;
  }

  private async view(rc: RollCall): Promise<RollCallView> {
    const record = await this.rollCalls.record(rc);
    const names = await this.enterprises.namesByIds(record.enterprises.map((e) => e.enterpriseId));
    return mapRollCall(record, names);
  }
}

type PointDraft = Pick<RollCallPoint, 'label' | 'lat' | 'lng' | 'source' | 'sourceId'>;

function secondsBetween(a: Date, b: Date): number {
  return Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000));
}
