import { Inject, Injectable } from '@nestjs/common';
import type {
  CapSeverity,
  CapUrgency,
  CalloutView,
  ListResponse,
  MapFeatureView,
  WarningArea,
  WarningBoardTarget,
  WarningMsgType,
  WarningPerson,
  WarningPreview,
  WarningTarget,
  WarningView,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { CalloutService, MANUAL_TIER, type ResolvedTier } from '../callouts/callout.service.js';
import { DrillRosters } from '../callouts/drill-rosters.js';
import { ConflictError, InvalidError, NotFoundError, problem } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { RoomLog } from '../room-log/room-log.js';
import { RoomWorkService } from '../rooms/room-work.service.js';
import { SensitiveTargetService } from '../sensitive-targets/sensitive-target.service.js';
import { capAlertXml, type CapPublisher, instruction } from './cap/cap-alert.js';
import { capAtomFeed } from './cap/cap-feed.js';
import { areaPolygon, placeInside, pointInside } from './warning-area.js';
import type { WarningAreaDto, WarningCancelDto, WarningSendDto, WarningWordsDto } from './warning.dto.js';
import { Warning } from './warning.entity.js';
import { boardTargets, countTargets } from './warning-board.js';

/** How many alerts the public feed lists. */
const FEED_SIZE = 50;

/** A real alert as the public reads it: its words, area and time, never who sent it. */
export interface IssuedAlert {
  id: string;
  msgType: WarningMsgType;
  event: string;
  areaLabel: string;
  text: string;
  instruction: string;
  severity: CapSeverity;
  urgency: CapUrgency;
  sentAt: Date;
  senderName: { 'zh-CN': string; en: string };
  capUrl: string;
}

/**
 * Geo-targeted warnings. A warning finds what is inside its area (enterprises by their site,
 * sensitive targets by their outline or point, the incident's people by where they last shared
 * their position), pages their people through a call-out of purpose `warning` (SMS, then a
 * call), and is published as a CAP 1.2 alert. A drill's call-out reaches its roster only: the
 * call-out's own containment drops everyone else, so a drill can never warn the public.
 */
@Injectable()
export class WarningService {
  private readonly publisher: CapPublisher;

  constructor(
    private readonly db: Db,
    private readonly incidents: IncidentRepository,
    private readonly roomWork: RoomWorkService,
    private readonly rooms: RoomLog,
    private readonly enterprises: EnterpriseRepository,
    private readonly contacts: ContactService,
    private readonly sensitiveTargets: SensitiveTargetService,
    private readonly callouts: CalloutService,
    private readonly rosters: DrillRosters,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const host = new URL(config.PUBLIC_URL).host.replace(/[,\s<&]/g, '');
    this.publisher = {
      sender: `muster@${host}`,
      senderName: {
        'zh-CN': '杜集经济开发区应急指挥中心',
        en: 'Duji Economic Development Zone emergency command',
      },
      baseUrl: config.PUBLIC_URL,
      timeZone: config.TZ,
    };
  }

  /** Everything inside the area, with who would be paged for it (in a drill: who is on the roster). */
  async preview(incidentId: string, dto: { area: WarningAreaDto }): Promise<WarningPreview> {
    const incident = await this.incidents.getById(incidentId);
    const area = await this.resolveArea(incidentId, dto.area);
    const targets = await this.targetsInside(incidentId, area);
    if (incident.isDrill) await this.markRoster(incidentId, targets);
    return { area, isDrill: incident.isDrill, targets, counts: countTargets(targets, incident.isDrill) };
  }

  async send(incidentId: string, dto: WarningSendDto): Promise<WarningView> {
    const incident = await this.incidents.getById(incidentId);
    if (incident.status === 'closed') throw new ConflictError('The incident is closed; reopen it first');
    const preview = await this.preview(incidentId, dto);
    if (!preview.targets.length)
      throw new InvalidError([problem('warning.nobodyInside', 'area: nobody to warn inside the area', {})]);
    if (preview.counts.phones === 0 && !incident.isDrill)
      throw new InvalidError([
        problem('warning.nobodyToPage', 'area: nobody inside the area has a phone number to warn', {}),
      ]);
    return this.issue(incidentId, 'Alert', null, preview.area, preview.targets, {
      ...dto,
      event: dto.event ?? incident.title,
      category: dto.category ?? 'CBRNE',
    });
  }

  /** Replaces a warning's words (a changed action, a new assembly point): the same people, paged again. */
  async update(id: string, dto: WarningWordsDto): Promise<WarningView> {
    const original = await this.getOwn(id);
    return this.issue(original.incidentId, 'Update', original, original.area, original.targets, {
      ...dto,
      event: original.event,
      category: original.category,
    });
  }

  /** Withdraws a warning: its paging stops and its people are told the all-clear. */
  async cancel(id: string, dto: WarningCancelDto): Promise<WarningView> {
    const original = await this.getOwn(id);
    return this.issue(original.incidentId, 'Cancel', original, original.area, original.targets, {
      text: dto.text,
      action: original.action,
      event: original.event,
      category: original.category,
      urgency: original.urgency,
      severity: original.severity,
      certainty: original.certainty,
    });
  }

  async list(incidentId: string): Promise<ListResponse<WarningView>> {
    await this.incidents.getById(incidentId);
    const rows = await this.db.repo(Warning).find({ where: { incidentId }, order: { sentAt: 'DESC' } });
    const items = await Promise.all(rows.map((w) => this.view(w)));
    return { items, total: items.length };
  }

  async get(id: string): Promise<WarningView> {
    return this.view(await this.getOwn(id));
  }

  /** The public CAP document of a warning; every warning is public once sent. */
  async capDocument(id: string): Promise<string> {
    const w = await this.db.repo(Warning).findOneBy({ id });
    if (!w) throw new NotFoundError('Alert not found');
    const ref = w.referencesId ? await this.db.repo(Warning).findOneBy({ id: w.referencesId }) : null;
    return capAlertXml(
      { ...this.baseView(w), sentAt: w.sentAt },
      this.publisher,
      ref && { id: ref.id, sentAt: ref.sentAt },
    );
  }

  /** The newest alerts, as an Atom feed. */
  async capFeed(): Promise<string> {
    const rows = await this.db.repo(Warning).find({ order: { sentAt: 'DESC' }, take: FEED_SIZE });
    return capAtomFeed(
      rows.map((w) => ({
        id: w.id,
        title: `${w.isDrill ? '【演练】' : ''}${w.msgType === 'Cancel' ? '解除' : '预警'}：${w.event}（${w.area.label}）`,
        summary: `${w.text} ${instruction(w, 'zh-CN')}`,
        sentAt: w.sentAt,
      })),
      this.publisher,
      `${this.publisher.senderName['zh-CN']} · CAP`,
    );
  }

  /**
   * The alerts the zone issued for real, newest first, for the public pages: every CAP alert is
   * scoped Public, and a drill's (status Exercise) is left out, as it warned no one outside it.
   */
  async issuedAlerts(limit: number): Promise<IssuedAlert[]> {
    const rows = await this.db.repo(Warning).find({
      where: { isDrill: false },
      order: { sentAt: 'DESC', id: 'ASC' },
      take: limit,
    });
    return rows.map((w) => this.issued(w));
  }

  async issuedAlert(id: string): Promise<IssuedAlert | null> {
    const w = await this.db.repo(Warning).findOneBy({ id, isDrill: false });
    return w && this.issued(w);
  }

  private issued(w: Warning): IssuedAlert {
    return {
      id: w.id,
      msgType: w.msgType,
      event: w.event,
      areaLabel: w.area.label,
      text: w.text,
      instruction: instruction(w, 'zh-CN'),
      severity: w.severity,
      urgency: w.urgency,
      sentAt: w.sentAt,
      senderName: this.publisher.senderName,
      capUrl: `${this.publisher.baseUrl}/cap/alerts/${w.id}.xml`,
    };
  }

  private async issue(
    incidentId: string,
    msgType: WarningMsgType,
    original: Warning | null,
    area: WarningArea,
    targets: WarningTarget[],
    words: WarningWordsDto & Pick<Warning, 'event' | 'category'>,
  ): Promise<WarningView> {
    const incident = await this.incidents.getById(incidentId);
    if (incident.status === 'closed') throw new ConflictError('The incident is closed; reopen it first');
    const assemblyPoint = words.assemblyPointId
      ? await this.assemblyPoint(incidentId, words.assemblyPointId)
      : null;
    if (msgType !== 'Cancel' && words.action === 'evacuate' && !assemblyPoint)
      throw new InvalidError([
        problem('warning.assemblyPointNeeded', 'assemblyPointId: name the assembly point to evacuate to', {}),
      ]);
    const draft = {
      msgType,
      action: words.action,
      assemblyPoint: msgType === 'Cancel' ? (original?.assemblyPoint ?? null) : assemblyPoint,
    };
    const message = `${words.text.replace(/[。.!！\s]*$/, '')}。${instruction(draft, 'zh-CN')}`;
    const people = uniquePeople(targets).map(({ onRoster: _, ...p }) => p);
    const ladder: ResolvedTier[] = [
      {
        ...MANUAL_TIER,
        quorum: people.length,
        people,
      },
    ];
    if (incident.isDrill) await this.markRoster(incidentId, targets);
    const counts = countTargets(targets, incident.isDrill);
    // One transaction: the call-out, the warning and its room event exist together or not at all.
    return this.db.transaction(async () => {
      // Earlier paging of the same warning stops: an update or cancel is what people must hear now.
      if (original) {
        const earlier = await this.db
          .repo(Warning)
          .find({ where: [{ id: original.id }, { referencesId: original.id }] });
        for (const w of earlier) if (w.calloutId) await this.stopPaging(w.calloutId);
      }
      const callout = await this.callouts.create(incidentId, { message }, { ladder, purpose: 'warning' });
      const principal = this.context.principal();
      const w = await this.db.repo(Warning).save(
        Object.assign(new Warning(), {
          incidentId,
          isDrill: incident.isDrill,
          msgType,
          referencesId: original?.id ?? null,
          calloutId: callout.id,
          area,
          event: words.event,
          text: words.text,
          action: words.action,
          assemblyPoint: draft.assemblyPoint,
          category: words.category,
          urgency: words.urgency ?? original?.urgency ?? 'Immediate',
          severity: words.severity ?? original?.severity ?? 'Severe',
          certainty: words.certainty ?? original?.certainty ?? 'Likely',
          targets,
          counts,
          sentBy: principal?.name ?? 'system',
          createdBy: principal?.id ?? null,
          sentAt: new Date(),
        }),
      );
      await this.rooms.append(incidentId, 'warning.sent', {
        warningId: w.id,
        msgType,
        referencesId: w.referencesId,
        calloutId: callout.id,
        areaLabel: area.label,
        action: w.action,
        isDrill: w.isDrill,
        counts,
      });
      await this.audit.record({
        action: 'warning.sent',
        entity: 'warning',
        entityId: w.id,
        after: { incidentId, msgType, referencesId: w.referencesId, calloutId: callout.id, area, counts },
      });
      return this.view(w, callout);
    });
  }

  private async stopPaging(calloutId: string): Promise<void> {
    const c = await this.callouts.get(calloutId);
    if (c.status === 'active') await this.callouts.cancel(calloutId);
  }

  private async getOwn(id: string): Promise<Warning> {
    const w = await this.db.repo(Warning).findOneBy({ id });
    // Visible exactly when its incident is: the incident repository applies the caller's scope.
    if (!w || !(await this.incidents.findById(w.incidentId))) throw new NotFoundError('Warning not found');
    return w;
  }

  private async resolveArea(incidentId: string, a: WarningAreaDto): Promise<WarningArea> {
    const given = [a.featureId, a.threatZoneId, a.polygon, a.circle].filter((v) => v !== undefined);
    if (given.length !== 1)
      throw new InvalidError(['area: name exactly one of featureId, threatZoneId, polygon or circle']);
    if (a.polygon) return { source: 'drawn', sourceId: null, label: '', polygon: a.polygon, circle: null };
    if (a.circle) {
      const { center, radiusM } = a.circle;
      return { source: 'drawn', sourceId: null, label: '', polygon: null, circle: { center, radiusM } };
    }
    if (a.featureId) return featureArea(await this.feature(incidentId, a.featureId));
    for (const e of await this.rooms.ofType(incidentId, 'consequence.modelled')) {
      const zone = e.payload.zones.find((z) => z.id === a.threatZoneId);
      if (zone)
        return {
          source: 'threat_zone',
          sourceId: zone.id,
          label: `${e.payload.title} · ${zone.level}`,
          polygon: zone.geometry.coordinates,
          circle: null,
        };
    }
    throw new InvalidError([`area.threatZoneId: no threat zone ${a.threatZoneId} in this room`]);
  }

  private async feature(incidentId: string, featureId: string): Promise<MapFeatureView> {
    const f = (await this.roomWork.features(incidentId)).find((x) => x.id === featureId);
    if (!f) throw new InvalidError([`area.featureId: no map feature ${featureId} in this room`]);
    return f;
  }

  private async assemblyPoint(incidentId: string, featureId: string): Promise<Warning['assemblyPoint']> {
    const f = (await this.roomWork.features(incidentId)).find((x) => x.id === featureId);
    if (!f || f.kind !== 'assembly_point' || f.geometry.type !== 'Point')
      throw new InvalidError([`assemblyPointId: no assembly point ${featureId} in this room`]);
    const [lng, lat] = f.geometry.coordinates as number[];
    return { id: f.id, label: f.label || '集合点', location: { lat: lat!, lng: lng! } };
  }

  private async targetsInside(incidentId: string, area: WarningArea): Promise<WarningTarget[]> {
    const shape = areaPolygon(area);
    const [enterprises] = await this.enterprises.list({ skip: 0, take: 100_000 });
    // By the site's outline, as for sensitive targets: the plant a release starts from lies under
    // the plume's root even though its marker may sit a few metres upwind of the drawn footprint.
    const insideEnterprises = enterprises.filter((e) =>
      placeInside(shape, { lat: e.lat, lng: e.lng }, e.outline),
    );
    const contacts = await this.contacts.ofEnterprises(insideEnterprises.map((e) => e.id));
    const targets: WarningTarget[] = insideEnterprises.map((e) => ({
      kind: 'enterprise',
      refId: e.id,
      name: e.name,
      people: contacts
        .filter((c) => c.enterpriseId === e.id && c.phones[0])
        .map((c) => ({ contactId: c.id, name: c.name, phone: c.phones[0]!, language: c.language })),
    }));
    for (const t of await this.sensitiveTargets.all()) {
      if (!placeInside(shape, t.location, t.outline)) continue;
      targets.push({
        kind: 'sensitive_target',
        refId: t.id,
        name: t.name,
        sensitiveKind: t.kind,
        populationDay: t.populationDay,
        populationNight: t.populationNight,
        people: t.contactPhone
          ? [{ contactId: null, name: t.contactName || t.name, phone: t.contactPhone, language: 'zh-CN' }]
          : [],
      });
    }
    for (const p of await this.callouts.sharedLocations(incidentId)) {
      if (!pointInside(shape, p)) continue;
      targets.push({
        kind: 'zone_person',
        refId: p.contactId,
        name: p.name,
        people: [{ contactId: p.contactId, name: p.name, phone: p.phone, language: p.language }],
      });
    }
    return targets;
  }

  private async markRoster(incidentId: string, targets: WarningTarget[]): Promise<void> {
    const roster = await this.rosters.for(incidentId);
    for (const t of targets)
      for (const p of t.people) p.onRoster = p.contactId !== null && roster.contactIds.has(p.contactId);
  }

  private baseView(w: Warning): Omit<WarningView, 'targets' | 'sentAt' | 'capUrl'> {
    return {
      id: w.id,
      incidentId: w.incidentId,
      isDrill: w.isDrill,
      msgType: w.msgType,
      referencesId: w.referencesId,
      calloutId: w.calloutId,
      area: w.area,
      event: w.event,
      text: w.text,
      action: w.action,
      assemblyPoint: w.assemblyPoint,
      category: w.category,
      urgency: w.urgency,
      severity: w.severity,
      certainty: w.certainty,
      counts: w.counts,
      sentBy: w.sentBy,
    };
  }

  private async view(w: Warning, callout?: CalloutView): Promise<WarningView> {
    const paged = callout ?? (w.calloutId ? await this.callouts.view(w.calloutId) : null);
    const targets: WarningBoardTarget[] = boardTargets(w.targets, paged);
    return {
      ...this.baseView(w),
      targets,
      capUrl: `${this.publisher.baseUrl}/cap/alerts/${w.id}.xml`,
      sentAt: w.sentAt.toISOString(),
    };
  }
}

/** A hazard zone or cordon polygon, or a circle (a Point with a radius), as a warning's area. */
function featureArea(f: MapFeatureView): WarningArea {
  const label = f.label || f.kind;
  if (f.geometry.type === 'Polygon')
    return {
      source: 'feature',
      sourceId: f.id,
      label,
      polygon: f.geometry.coordinates as number[][][],
      circle: null,
    };
  if (f.geometry.type === 'Point' && f.radiusM) {
    const [lng, lat] = f.geometry.coordinates as number[];
    return {
      source: 'feature',
      sourceId: f.id,
      label,
      polygon: null,
      circle: { center: { lat: lat!, lng: lng! }, radiusM: f.radiusM },
    };
  }
  throw new InvalidError([`area.featureId: the feature ${f.id} is not an area (a polygon or a circle)`]);
}

/** Each phone once, with the first name it came with: a person is paged once per warning. */
function uniquePeople(targets: WarningTarget[]): WarningPerson[] {
  const seen = new Map<string, WarningPerson>();
  for (const t of targets) for (const p of t.people) if (!seen.has(p.phone)) seen.set(p.phone, p);
  return [...seen.values()];
}
