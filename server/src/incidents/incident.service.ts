import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import {
  type ListResponse,
  type IncidentReportView,
  type IncidentStatistics,
  type IncidentView,
  type IncidentSource,
  type RoomEventOf,
  type RoomEventPayloads,
  type TypedRoomEvent,
  checkTransition,
  SEVERITY_RANK,
  gradeSeverity,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import { PlanRepository } from '../plans/plan.repository.js';
import { Broadcaster } from '../room-log/broadcaster.js';
import { ROOM_OPENING_SEQ, RoomLog } from '../room-log/room-log.js';
import { isInsideZone } from '../zone/zone-geometry.js';
import type {
  IncidentCreateDto,
  IncidentLevelDto,
  IncidentListQueryDto,
  SupplementaryReportDto,
} from './incident.dto.js';
import { Incident, IncidentReport } from './incident.entity.js';
import { IncidentHooks } from './incident-hooks.js';
import { IncidentNotifications } from './incident-notifications.js';
import { IncidentRepository } from './incident.repository.js';
import { mapIncident, mapIncidentReport, mapIncidentSummary } from './incident.view.js';
import { clockFacts, reportingClock, withinSupplementaryWindow } from './reporting.js';
import { incidentStatistics, zoneYearMonth } from './statistics.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Clock } from '../common/clock.js';
import { ReportingChainService } from './reporting-chain.service.js';
import { ConflictError, ForbiddenError, InvalidError } from '../common/domain-errors.js';
import { FileService } from '../files/file.service.js';
import { overviewFromRecord } from './unit-overview.js';

/** A report may be filed a little ahead of the server clock (phones drift); beyond that it is a typo. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export type FiledIncident = IncidentView & { warnings: string[] };

@Injectable()
export class IncidentService {
  constructor(
    private readonly db: Db,
    private readonly incidents: IncidentRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly plans: PlanRepository,
    private readonly rooms: RoomLog,
    private readonly live: Broadcaster,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly hooks: IncidentHooks,
    private readonly clock: Clock,
    private readonly chain: ReportingChainService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly files: FileService,
    private readonly notices: IncidentNotifications,
  ) {}

  async list(q: IncidentListQueryDto): Promise<ListResponse<IncidentView>> {
    const [rows, total] = await this.incidents.list({ ...q, ...pageWindow(q) });
    return { items: rows.map((r) => mapIncident(r, this.config.TZ)), total };
  }

  /** A zone-local calendar year of real incidents; drills are only counted apart. */
  async statistics(year = zoneYearMonth(new Date(), this.config.TZ).year): Promise<IncidentStatistics> {
    // A day either side covers the zone's offset from UTC; the pure function picks the exact year.
    const rows = await this.incidents.forStatistics(
      new Date(Date.UTC(year - 1, 11, 31)),
      new Date(Date.UTC(year + 1, 0, 2)),
    );
    return incidentStatistics(rows, year, this.config.TZ);
  }

  /** The incident with its whole reporting chain, every clock at this moment. */
  async get(id: string): Promise<IncidentView> {
    const incident = await this.incidents.getById(id);
    const now = this.clock.now();
    return { ...mapIncident(incident, this.config.TZ, now), chain: await this.chain.compute(incident, now) };
  }

  /**
   * Files an initial report (事故快报): graded, clocked, and its room opened with the report.
   * With an idempotency key (the `Idempotency-Key` header), the same key from the same user is
   * the same report: the incident filed the first time is answered again, and nothing is filed,
   * announced or paged twice. The key names one report: reused for a different body it is a 409.
   */
  async file(
    dto: IncidentCreateDto,
    options: { isDrill?: boolean; now?: Date; idempotencyKey?: string } = {},
  ): Promise<FiledIncident> {
    const userId = this.context.principal()?.id;
    if (!options.idempotencyKey || !userId) return this.fileOnce(dto, options);
    const key = options.idempotencyKey;
    const hash = createHash('sha256').update(JSON.stringify(dto)).digest('hex');
    return this.db.transaction(async () => {
      // Two deliveries of the same request arriving together: the second waits for the first's
      // commit, then finds its row.
      await this.db.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `incident:${userId}:${key}`,
      ]);
      const [seen]: { incident_id: string; request_hash: string }[] = await this.db.manager.query(
        'SELECT incident_id, request_hash FROM incident_idempotency WHERE user_id = $1 AND key = $2',
        [userId, key],
      );
      if (seen) {
        if (seen.request_hash !== hash)
          throw new ConflictError('Idempotency-Key: already used for a different report');
        const view = await this.get(seen.incident_id);
        return { ...view, warnings: filingWarnings(view) };
      }
      const filed = await this.fileOnce(dto, options);
      await this.db.manager.query(
        'INSERT INTO incident_idempotency (user_id, key, request_hash, incident_id) VALUES ($1, $2, $3, $4)',
        [userId, key, hash, filed.id],
      );
      return filed;
    });
  }

  private async fileOnce(
    dto: IncidentCreateDto,
    options: { isDrill?: boolean; now?: Date },
  ): Promise<FiledIncident> {
    const now = options.now ?? new Date();
    const enterpriseId = await this.enterpriseFor(dto.enterpriseId);
    const occurredAt = new Date(dto.occurredAt);
    if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new InvalidError(['occurredAt: lies in the future']);
    }
    const { headInformedAt, source } = this.reportingFacts(dto, occurredAt, now);
    const severity = gradeSeverity(dto.casualties, dto.directLossCny);
    const outsideZone = !isInsideZone(dto.location.lat, dto.location.lng);
    const record = enterpriseId ? await this.enterprises.unitRecord(enterpriseId) : null;
    const unitOverview = overviewFromRecord(record, dto.unitOverview);
    const attachmentIds = [...new Set(dto.attachmentIds ?? [])];
    return this.db.transaction(async () => {
      const actorId = this.context.principal()?.id ?? null;
      if (attachmentIds.length) await this.files.claim(attachmentIds, enterpriseId, 'attachmentIds');
      const incident = Object.assign(new Incident(), {
        // The room opens with the incident: its first event is written with the commit.
        id: randomUUID(),
        lastSeq: ROOM_OPENING_SEQ,
        enterpriseId,
        title: dto.title,
        category: dto.category,
        occurredAt,
        reportedAt: now,
        headInformedAt,
        source,
        // A zone user who heard of it elsewhere does not report for the enterprise: its report is owed.
        enterpriseReportedAt: null,
        lat: dto.location.lat,
        lng: dto.location.lng,
        outsideZone,
        address: dto.address,
        summary: dto.summary,
        ...dto.casualties,
        directLossCny: dto.directLossCny,
        measuresTaken: dto.measuresTaken,
        reporterName: dto.reporter.name,
        reporterPhone: dto.reporter.phone,
        severity,
        status: 'reported',
        isDrill: options.isDrill ?? false,
        createdBy: actorId,
        unitOverview,
        otherMatters: dto.otherMatters ?? '',
      });
      const clock = reportingClock(clockFacts(incident), this.config.TZ, now);
      await this.rooms.opening(incident.id, 'incident.reported', {
        title: dto.title,
        category: dto.category,
        severity,
        casualties: dto.casualties,
        directLossCny: dto.directLossCny,
        // A zone's record of what it heard elsewhere is no late report; the enterprise's report
        // still owed shows in the reporting chain.
        late: clock.late && source === 'enterprise',
        deadline: clock.deadline,
        outsideZone,
      });
      const { incident: saved, lookedUp } = await this.incidents.insertWithInitialReport(
        incident,
        Object.assign(new IncidentReport(), {
          kind: 'initial',
          ...dto.casualties,
          directLossCny: dto.directLossCny,
          summary: dto.summary,
          severityAfter: severity,
          outsideWindow: false,
          submittedAt: now,
          submittedBy: actorId,
          unitOverview,
          measuresTaken: dto.measuresTaken,
          otherMatters: dto.otherMatters ?? '',
          attachmentIds,
        }),
        this.hooks.lookups(),
      );
      const view = mapIncident(saved, this.config.TZ);
      await this.audit.record({
        action: 'incident.reported',
        entity: 'incident',
        entityId: saved.id,
        after: view,
      });
      await this.hooks.runFiled(view, lookedUp);
      this.db.afterCommit(() => this.live.incidentChanged(mapIncidentSummary(saved, this.config.TZ)));
      return { ...view, warnings: filingWarnings(view) };
    });
  }

  /**
   * 续报: the latest figures replace the incident's; inside the window (30 days, 7 for road
   * traffic and fire) a grade that rises re-grades the incident. A grade never falls: a lower
   * figure is usually a correction, which investigation settles, not a report.
   */
  async supplement(id: string, dto: SupplementaryReportDto, now = new Date()): Promise<IncidentReportView> {
    return this.db.transaction(async () => {
      const incident = await this.incidents.lockById(id);
      const before = mapIncident(incident, this.config.TZ);
      const inWindow = withinSupplementaryWindow(incident.category, incident.occurredAt, now, this.config.TZ);
      const graded = gradeSeverity(dto.casualties, dto.directLossCny);
      const regrade = inWindow && SEVERITY_RANK[graded] > SEVERITY_RANK[incident.severity];
      const previous = incident.severity;
      const attachmentIds = [...new Set(dto.attachmentIds ?? [])];
      if (attachmentIds.length) await this.files.claim(attachmentIds, incident.enterpriseId, 'attachmentIds');
      // The overview is corrected field by field; what the report leaves out stands as last given.
      const unitOverview = dto.unitOverview
        ? overviewFromRecord(null, { ...incident.unitOverview, ...dto.unitOverview })
        : incident.unitOverview;
      Object.assign(incident, dto.casualties, { directLossCny: dto.directLossCny, unitOverview });
      if (dto.otherMatters) incident.otherMatters = dto.otherMatters;
      if (regrade) incident.severity = graded;
      await this.incidents.update(incident);
      const report = await this.incidents.addReport(
        Object.assign(new IncidentReport(), {
          incidentId: id,
          kind: 'supplementary',
          ...dto.casualties,
          directLossCny: dto.directLossCny,
          summary: dto.summary,
          unitOverview,
          measuresTaken: dto.measuresTaken ?? '',
          otherMatters: dto.otherMatters ?? '',
          attachmentIds,
          severityAfter: incident.severity,
          outsideWindow: !inWindow,
          submittedAt: now,
          submittedBy: this.context.principal()?.id ?? null,
        }),
      );
      await this.rooms.append(id, 'incident.supplementary_report', {
        reportId: report.id,
        casualties: dto.casualties,
        directLossCny: dto.directLossCny,
        summary: dto.summary,
        outsideWindow: !inWindow,
      });
      if (regrade) {
        await this.rooms.append(id, 'incident.regraded', { from: previous, to: incident.severity });
        await this.notices.regraded(mapIncident(incident, this.config.TZ), previous);
        await this.hooks.runRegraded(mapIncident(incident, this.config.TZ), previous);
      }
      await this.audit.record({
        action: 'incident.supplementary_report',
        entity: 'incident',
        entityId: id,
        before,
        after: mapIncident(incident, this.config.TZ),
      });
      this.db.afterCommit(() => this.live.incidentChanged(mapIncidentSummary(incident, this.config.TZ)));
      return mapIncidentReport(report, await this.files.viewsByIds(attachmentIds), incident.isDrill);
    });
  }

  /**
   * 接警: the first acknowledgement of the incident's duty call-out by a duty officer or a
   * commander is recorded once; later ones change nothing (false). Runs inside the answer's
   * transaction, whoever's phone or link it came from, so it reads the incident unscoped.
   */
  async takeInCharge(
    incidentId: string,
    by: Omit<RoomEventPayloads['incident.taken_in_charge'], 'secondsSinceReported'> & { at: Date },
  ): Promise<boolean> {
    return this.db.transaction(async () => {
      await this.db.manager.query('SELECT 1 FROM incident WHERE id = $1 FOR UPDATE', [incidentId]);
      const incident = await this.incidents.findAnyById(incidentId);
      if (!incident || incident.takenInChargeAt) return false;
      const before = mapIncident(incident, this.config.TZ);
      incident.takenInChargeAt = by.at;
      incident.takenInChargeBy = by.name;
      incident.takenInChargeContactId = by.contactId;
      await this.db
        .repo(Incident)
        .update(
          { id: incidentId },
          { takenInChargeAt: by.at, takenInChargeBy: by.name, takenInChargeContactId: by.contactId },
        );
      const { at, ...who } = by;
      const event = await this.rooms.append(incidentId, 'incident.taken_in_charge', {
        ...who,
        secondsSinceReported: Math.max(0, Math.round((at.getTime() - incident.reportedAt.getTime()) / 1000)),
      });
      incident.lastSeq = event.seq;
      await this.audit.record({
        action: 'incident.taken_in_charge',
        entity: 'incident',
        entityId: incidentId,
        before,
        after: mapIncident(incident, this.config.TZ),
      });
      this.db.afterCommit(() => this.live.incidentChanged(mapIncidentSummary(incident, this.config.TZ)));
      return true;
    });
  }

  /**
   * The incident whatever the caller's scope, or null: for a responder's briefing, whose signed
   * link is its own authority, and for the drill run that owns a drill room.
   */
  async findAnyById(id: string): Promise<IncidentView | null> {
    const incident = await this.incidents.findAnyById(id);
    return incident ? mapIncident(incident, this.config.TZ) : null;
  }

  async reports(id: string): Promise<IncidentReportView[]> {
    const incident = await this.incidents.getById(id);
    const rows = await this.incidents.reports(id);
    const files = await this.files.viewsByIds(rows.flatMap((r) => r.attachmentIds));
    return rows.map((r) => mapIncidentReport(r, files, incident.isDrill));
  }

  async setStatus(id: string, status: Incident['status'], reason?: string): Promise<IncidentView> {
    return this.db.transaction(async () => {
      const incident = await this.incidents.lockById(id);
      const check = checkTransition(incident.status, status, reason);
      if (!check.ok) {
        if (check.reason.startsWith('reason:')) throw new InvalidError([check.reason]);
        throw new ConflictError(check.reason);
      }
      const before = mapIncident(incident, this.config.TZ);
      const from = incident.status;
      incident.status = status;
      incident.closedAt = status === 'closed' ? new Date() : null;
      await this.incidents.update(incident);
      await this.rooms.append(id, 'incident.status_changed', { from, to: status, reason: reason ?? null });
      const view = mapIncident(incident, this.config.TZ);
      await this.hooks.runStatusChanged(view, from);
      await this.audit.record({
        action: 'incident.status_changed',
        entity: 'incident',
        entityId: id,
        before,
        after: view,
      });
      this.db.afterCommit(() => this.live.incidentChanged(mapIncidentSummary(incident, this.config.TZ)));
      return view;
    });
  }

  /** A commander sets (or changes) the response level; an incident still being verified starts responding. */
  async setLevel(id: string, dto: IncidentLevelDto): Promise<IncidentView> {
    return this.db.transaction(async () => {
      const incident = await this.incidents.lockById(id);
      if (incident.status === 'closed') throw new ConflictError('The incident is closed; reopen it first');
      // The plan named must be one the caller can read (404 as on a read, for an unknown id too).
      if (dto.planId) await this.plans.getById(dto.planId);
      const before = mapIncident(incident, this.config.TZ);
      const from = incident.responseLevel;
      incident.responseLevel = dto.level;
      incident.planId = dto.planId ?? incident.planId;
      if (incident.status === 'reported' || incident.status === 'verified') incident.status = 'responding';
      await this.incidents.update(incident);
      await this.rooms.append(id, 'incident.level_set', { from, to: dto.level, planId: incident.planId });
      const view = mapIncident(incident, this.config.TZ);
      await this.audit.record({
        action: 'incident.level_set',
        entity: 'incident',
        entityId: id,
        before,
        after: view,
      });
      this.db.afterCommit(() => this.live.incidentChanged(mapIncidentSummary(incident, this.config.TZ)));
      return view;
    });
  }

  async events(id: string, sinceSeq: number): Promise<TypedRoomEvent[]> {
    await this.incidents.getById(id);
    return this.rooms.since(id, sinceSeq);
  }

  async postMessage(id: string, text: string): Promise<RoomEventOf<'message'>> {
    return this.db.transaction(async () => {
      await this.incidents.getById(id);
      const event = await this.rooms.append(id, 'message', { text });
      await this.audit.record({
        action: 'room.message',
        entity: 'incident',
        entityId: id,
        after: { seq: event.seq, text },
      });
      return event;
    });
  }

  /**
   * When the unit's head was informed and who puts the incident on record. The head's time may
   * not precede the accident nor lie ahead of the clock; left out, a head filing is informed by
   * now at the latest, and anyone else's report is timed from the occurrence, as people on scene
   * tell their head at once (Art. 9).
   */
  private reportingFacts(
    dto: IncidentCreateDto,
    occurredAt: Date,
    now: Date,
  ): { headInformedAt: Date; source: IncidentSource } {
    const p = this.context.principal();
    const source = dto.source ?? 'enterprise';
    if (source === 'zone' && p?.role === 'enterprise_officer') {
      throw new InvalidError(["source: an enterprise officer files the enterprise's own report"]);
    }
    if (source === 'zone' && !dto.enterpriseId) {
      throw new InvalidError([
        'enterpriseId: required when the zone records what it heard elsewhere (the enterprise owes its report)',
      ]);
    }
    if (dto.headInformedAt === undefined) {
      return { headInformedAt: dto.filerIsUnitHead && source === 'enterprise' ? now : occurredAt, source };
    }
    const headInformedAt = new Date(dto.headInformedAt);
    if (headInformedAt.getTime() < occurredAt.getTime()) {
      throw new InvalidError(['headInformedAt: lies before the occurrence']);
    }
    if (headInformedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new InvalidError(['headInformedAt: lies in the future']);
    }
    return { headInformedAt, source };
  }

  private async enterpriseFor(requested: string | undefined): Promise<string | null> {
    const p = this.context.principal();
    if (p?.role === 'enterprise_officer') {
      if (requested && requested !== p.enterpriseId) {
        throw new ForbiddenError('enterpriseId: an enterprise officer files for their own enterprise only');
      }
      return p.enterpriseId;
    }
    if (!requested) return null;
    if (!(await this.enterprises.findById(requested))) {
      throw new InvalidError(['enterpriseId: no such enterprise']);
    }
    return requested;
  }
}

function filingWarnings(view: IncidentView): string[] {
  const warnings: string[] = [];
  if (view.outsideZone) warnings.push('location: lies outside the zone boundary');
  // A zone record of an incident learned elsewhere is not the enterprise's report: its lateness
  // shows on the reporting chain, not as a warning to the zone user who entered it.
  if (view.clock.late && view.source === 'enterprise') {
    warnings.push(
      view.clock.headInformedAt === view.occurredAt
        ? 'occurredAt: reported more than 1 hour after the accident (迟报)'
        : "headInformedAt: reported more than 1 hour after the unit's head was informed (迟报)",
    );
  }
  return warnings;
}
