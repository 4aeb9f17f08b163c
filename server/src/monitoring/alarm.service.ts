import { Injectable } from '@nestjs/common';
import {
  type AlarmStatisticsRow,
  type AlarmView,
  type InstallationAlarmState,
  installationAlarmLevel,
  type ListResponse,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { ConflictError, UnauthenticatedError } from '../common/domain-errors.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { AlarmHazards } from './alarm-hazard.js';
import { AlarmRaiser } from './alarm-raiser.js';
import { AlarmViews } from './alarm-views.js';
import type { Alarm } from './alarm.entity.js';
import type { AlarmListQueryDto, AlarmStatisticsQueryDto } from './alarm.dto.js';
import { AlarmRepository } from './alarm.repository.js';
import { SensorPointRepository } from './sensor-point.repository.js';

/**
 * Handling an alarm as the platform guideline expects: acknowledged (someone has seen it),
 * disposed (what was done), closed (once the readings are back in band). Each step once, in order.
 */
@Injectable()
export class AlarmService {
  constructor(
    private readonly db: Db,
    private readonly alarms: AlarmRepository,
    private readonly views: AlarmViews,
    private readonly raiser: AlarmRaiser,
    private readonly enterprises: EnterpriseService,
    private readonly context: RequestContext,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly points: SensorPointRepository,
    private readonly alarmHazards: AlarmHazards,
  ) {}

  async list(q: AlarmListQueryDto): Promise<ListResponse<AlarmView>> {
    const [rows, total] = await this.alarms.list({ ...q, ...pageWindow(q) });
    return { items: await this.views.map(rows), total };
  }

  async get(id: string): Promise<AlarmView> {
    const [view] = await this.views.map([await this.alarms.getById(id)]);
    return view!;
  }

  acknowledge(id: string): Promise<AlarmView> {
    return this.handle(id, 'alarm.acknowledged', (a, userId, now) => {
      if (a.status !== 'open') throw new ConflictError(`The alarm is ${a.status} already`);
      a.status = 'acknowledged';
      a.acknowledgedAt = now;
      a.acknowledgedBy = userId;
    });
  }

  dispose(id: string, disposal: string): Promise<AlarmView> {
    return this.handle(id, 'alarm.disposed', (a, userId, now) => {
      if (a.status === 'open') throw new ConflictError('Acknowledge the alarm before disposing of it');
      if (a.status !== 'acknowledged') throw new ConflictError(`The alarm is ${a.status} already`);
      a.status = 'disposed';
      a.disposedAt = now;
      a.disposedBy = userId;
      a.disposal = disposal;
    });
  }

  close(id: string): Promise<AlarmView> {
    return this.handle(id, 'alarm.closed', (a, userId, now) => {
      if (a.status !== 'disposed') throw new ConflictError('Only a disposed alarm can be closed');
      if (!a.clearedAt)
        throw new ConflictError('The readings are still out of band: the alarm has not cleared');
      a.status = 'closed';
      a.closedAt = now;
      a.closedBy = userId;
    });
  }

  /**
   * Opens a hazard in the enterprise's ledger from the alarm, once: asked again (a retry, a
   * second person, the point's own setting before) it answers the alarm with the hazard it has.
   */
  async openHazard(id: string): Promise<AlarmView> {
    if (!this.context.principal()) throw new UnauthenticatedError('Unauthenticated');
    return this.db.transaction(async () => {
      const alarm = await this.alarms.getForUpdate(id);
      if (!alarm.hazardId) {
        const [point] = await this.points.anyByIds([alarm.pointId]);
        alarm.hazardId = await this.alarmHazards.open(alarm, point!, true);
        this.raiser.publish(id);
      }
      const [view] = await this.views.map([alarm]);
      return view!;
    });
  }

  /** The zone map's colours: each installation with alarms not closed, by the worst of them. */
  async installationStates(): Promise<InstallationAlarmState[]> {
    const rows = await this.alarms.openLevels();
    const byInstallation = new Map<string, Alarm['level'][]>();
    for (const r of rows)
      byInstallation.set(r.installationId, [...(byInstallation.get(r.installationId) ?? []), r.level]);
    return [...byInstallation].map(([installationId, levels]) => ({
      installationId,
      state: installationAlarmLevel(levels),
      openAlarms: levels.length,
    }));
  }

  /** Alarm counts and times to acknowledge per enterprise, over a window (default the last 30 days). */
  async statistics(q: AlarmStatisticsQueryDto): Promise<AlarmStatisticsRow[]> {
    const to = q.to ? new Date(q.to) : this.clock.now();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000);
    const rows = await this.alarms.statistics(from, to);
    const names = await this.enterprises.namesByIds(rows.map((r) => r.enterpriseId));
    return rows
      .map((r) => ({
        enterpriseId: r.enterpriseId,
        enterpriseName: names.get(r.enterpriseId) ?? '',
        total: r.total,
        open: r.open,
        acknowledged: r.acknowledged,
        meanSecondsToAcknowledge: r.mean,
        maxSecondsToAcknowledge: r.max,
      }))
      .sort((a, b) => b.total - a.total);
  }

  private handle(
    id: string,
    action: 'alarm.acknowledged' | 'alarm.disposed' | 'alarm.closed',
    change: (a: Alarm, userId: string, now: Date) => void,
  ): Promise<AlarmView> {
    const userId = this.context.principal()?.id;
    if (!userId) throw new UnauthenticatedError('Unauthenticated');
    return this.db.transaction(async () => {
      const alarm = await this.alarms.getForUpdate(id);
      const [before] = await this.views.map([alarm]);
      change(alarm, userId, this.clock.now());
      await this.alarms.save(alarm);
      const [after] = await this.views.map([alarm]);
      await this.audit.record({ action, entity: 'alarm', entityId: id, before, after });
      this.raiser.publish(id);
      return after!;
    });
  }
}
