import { Injectable } from '@nestjs/common';
import { enumText } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Db } from '../database/db.js';
import type { HazardCreateDto } from '../hazards/hazard.dto.js';
import { HazardService } from '../hazards/hazard.service.js';
import { InstallationRepository } from '../installations/installation.repository.js';
import { roundReading } from './alarm-rules.js';
import { Alarm } from './alarm.entity.js';
import type { SensorPoint } from './sensor-point.entity.js';

/** Who the ledger names as finder of a hazard an alarm opened by itself. */
const MONITORING_FINDER = '在线监测系统';

/**
 * Opens a hazard in the enterprise's ledger from an alarm, through the ledger's own service (its
 * rules, history and audit), and links it to the alarm. A caller holds the alarm's row (a new
 * alarm in its raising transaction, or one locked for update) so that an alarm gets one hazard
 * however often it is asked. The hazard is general (重大事故隐患 is a person's judgement, with
 * the analysis the ledger then requires) and of the hazardous-chemicals category: every point
 * sits on a major hazard installation.
 */
@Injectable()
export class AlarmHazards {
  constructor(
    private readonly db: Db,
    private readonly hazards: HazardService,
    private readonly installations: InstallationRepository,
    private readonly audit: AuditService,
  ) {}

  /** `byHand`: a person asked; otherwise the point's setting did, and monitoring is the finder. */
  async open(alarm: Alarm, point: SensorPoint, byHand: boolean): Promise<string> {
    const [installation] = await this.installations.anyByIds([alarm.installationId]);
    const level = enumText('alarmLevel', alarm.level, 'zh-CN');
    const where = installation ? `${installation.name} ` : '';
    const dto = {
      enterpriseId: alarm.enterpriseId,
      place: `${where}${point.code} ${point.name}`.slice(0, 200),
      location:
        installation?.lat != null && installation.lng != null
          ? { lat: installation.lat, lng: installation.lng }
          : null,
      category: 'hazardous_chemicals',
      // When it happened is the hazard's found time (the alarm's), shown in the zone's time.
      description: `在线监测点 ${point.code}（${point.name}）${level}报警：读数 ${roundReading(alarm.peakValue)} ${point.unit}，限值 ${roundReading(alarm.limit)} ${point.unit}。`,
      level: 'general',
      source: 'monitoring',
      ...(byHand ? {} : { foundBy: MONITORING_FINDER }),
      foundAt: alarm.raisedAt.toISOString(),
    } as HazardCreateDto;
    const hazard = await this.hazards.create(dto);
    await this.db.repo(Alarm).update({ id: alarm.id }, { hazardId: hazard.id });
    await this.audit.record({
      action: 'alarm.hazard_opened',
      entity: 'alarm',
      entityId: alarm.id,
      after: { hazardId: hazard.id },
    });
    return hazard.id;
  }
}
