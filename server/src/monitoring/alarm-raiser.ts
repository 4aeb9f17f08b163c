import { Injectable } from '@nestjs/common';
import { type IncidentCategory, type PointKind, enumText } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Db } from '../database/db.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import type { IncidentCreateDto } from '../incidents/incident.dto.js';
import { IncidentService } from '../incidents/incident.service.js';
import { InstallationRepository } from '../installations/installation.repository.js';
import { NotificationService } from '../notifications/notification.service.js';
import { Broadcaster } from '../room-log/broadcaster.js';
import { type AlarmEffect, roundReading } from './alarm-rules.js';
import { AlarmHazards } from './alarm-hazard.js';
import { Alarm } from './alarm.entity.js';
import { AlarmViews } from './alarm-views.js';
import type { SensorPoint } from './sensor-point.entity.js';

type Raise = Extract<AlarmEffect, { kind: 'raise' }>;

/** The zone roles told of every alarm; the enterprise's officers are told of their own. */
const ZONE_DUTY_ROLES = ['commander', 'inspector'] as const;

/** A leak of what a gas point measures is the likely incident; any other point's is left to the room. */
const CATEGORY_OF: Record<PointKind, IncidentCategory> = {
  gas: 'hazardous_chemical_leak',
  level: 'other',
  pressure: 'other',
  temperature: 'other',
  flow: 'other',
};

/**
 * What happens to alarms as readings move a point's state, inside the ingesting transaction:
 * a raised alarm is one row (its excursion key makes a second insert a no-op), audited, told to
 * the zone's duty roles and the enterprise's officers, and — for a point that says so — filed as
 * an incident with the enterprise prefilled, which pages the duty officers by the zone's policy,
 * or opened as a hazard in the enterprise's ledger.
 */
@Injectable()
export class AlarmRaiser {
  constructor(
    private readonly db: Db,
    private readonly installations: InstallationRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly incidents: IncidentService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly views: AlarmViews,
    private readonly live: Broadcaster,
    private readonly alarmHazards: AlarmHazards,
  ) {}

  /** Inserts the excursion's alarm (or finds it, when it was raised already) and answers its id. */
  async raise(point: SensorPoint, e: Raise, now: Date): Promise<string> {
    const m = this.db.manager;
    const [inserted]: { id: string }[] = await m.query(
      `INSERT INTO alarm (point_id, installation_id, enterprise_id, level, peak_value, "limit", started_at, raised_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open') ON CONFLICT DO NOTHING RETURNING id`,
      [point.id, point.installationId, point.enterpriseId, e.level, e.peak, e.limit, e.startedAt, now],
    );
    if (!inserted) {
      const [existing]: { id: string }[] = await m.query(
        `SELECT id FROM alarm WHERE point_id = $1 AND (started_at = $2 OR cleared_at IS NULL) ORDER BY raised_at DESC LIMIT 1`,
        [point.id, e.startedAt],
      );
      return existing!.id;
    }
    const alarm = await this.db.repo(Alarm).findOneByOrFail({ id: inserted.id });
    const [view] = await this.views.map([alarm]);
    await this.audit.record({ action: 'alarm.raised', entity: 'alarm', entityId: alarm.id, after: view });
    const message = {
      kind: 'monitoring.alarm' as const,
      params: {
        level: e.level,
        installation: view!.installationName,
        point: `${point.code} ${point.name}`,
        enterprise: view!.enterpriseName,
        value: `${roundReading(e.peak)} ${point.unit}`,
        limit: `${roundReading(e.limit)} ${point.unit}`,
      },
      entity: 'alarm',
      entityId: alarm.id,
      deliveryKey: `alarm:${alarm.id}`,
    };
    await this.notifications.notify({ roles: [...ZONE_DUTY_ROLES] }, message);
    await this.notifications.notify(
      { roles: ['enterprise_officer'], enterpriseId: point.enterpriseId },
      message,
    );
    if (point.onAlarm === 'incident') await this.fileIncident(alarm, point, e);
    if (point.onAlarm === 'hazard') await this.alarmHazards.open(alarm, point, false);
    this.publish(alarm.id);
    return alarm.id;
  }

  async worsen(e: Extract<AlarmEffect, { kind: 'worsen' }>): Promise<void> {
    const before = await this.db.repo(Alarm).findOneByOrFail({ id: e.alarmId });
    await this.db
      .repo(Alarm)
      .update({ id: e.alarmId }, { level: e.level, peakValue: e.peak, limit: e.limit });
    // The board shows the level; a new peak alone is not worth a push per reading.
    if (before.level !== e.level) this.publish(e.alarmId);
  }

  async clear(e: Extract<AlarmEffect, { kind: 'clear' }>): Promise<void> {
    await this.db.repo(Alarm).update({ id: e.alarmId }, { clearedAt: e.at });
    this.publish(e.alarmId);
  }

  /** Pushes the alarm as it stands once the transaction commits. */
  publish(alarmId: string): void {
    this.db.afterCommit(async () => {
      const alarm = await this.db.repo(Alarm).findOneBy({ id: alarmId });
      if (!alarm) return;
      const [view] = await this.views.map([alarm]);
      this.live.alarmChanged(view!);
    });
  }

  /** Files the incident in the same transaction as the alarm: both exist, or neither. */
  private async fileIncident(alarm: Alarm, point: SensorPoint, e: Raise): Promise<void> {
    const [installation] = await this.installations.anyByIds([point.installationId]);
    const enterprise = await this.enterprises.findById(point.enterpriseId);
    if (!installation || !enterprise) return;
    const level = enumText('alarmLevel', e.level, 'zh-CN');
    const operational = installation.responsible.operational;
    const dto = {
      enterpriseId: enterprise.id,
      title: `${installation.name} ${point.name}${level}`,
      category: CATEGORY_OF[point.kind],
      occurredAt: e.startedAt.toISOString(),
      location: {
        lat: installation.lat ?? enterprise.lat,
        lng: installation.lng ?? enterprise.lng,
      },
      address: `${enterprise.name} ${installation.name}`,
      summary: `在线监测点 ${point.code}（${point.name}）读数 ${roundReading(e.peak)} ${point.unit}，超过${level}值 ${roundReading(e.limit)} ${point.unit}，由监测报警自动报告。`,
      casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0 },
      directLossCny: 0,
      measuresTaken: '',
      reporter: {
        name: operational?.name ?? '在线监测系统',
        phone: operational?.phone ?? enterprise.dutyPhone,
      },
    } as IncidentCreateDto;
    const incident = await this.incidents.file(dto, { now: alarm.raisedAt });
    await this.db.repo(Alarm).update({ id: alarm.id }, { incidentId: incident.id });
    await this.audit.record({
      action: 'alarm.incident_filed',
      entity: 'alarm',
      entityId: alarm.id,
      after: { incidentId: incident.id },
    });
  }
}
