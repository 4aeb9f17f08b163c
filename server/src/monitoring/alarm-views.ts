import { Injectable } from '@nestjs/common';
import type { AlarmView } from '@muster/contracts';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { UserFinder } from '../identity/user-finder.js';
import { InstallationRepository } from '../installations/installation.repository.js';
import type { Alarm } from './alarm.entity.js';
import { mapAlarm } from './alarm.view.js';
import { SensorPointRepository } from './sensor-point.repository.js';

/** Alarms as views: one query per domain they name, however many alarms. */
@Injectable()
export class AlarmViews {
  constructor(
    private readonly points: SensorPointRepository,
    private readonly installations: InstallationRepository,
    private readonly enterprises: EnterpriseService,
    private readonly users: UserFinder,
  ) {}

  async map(alarms: Alarm[]): Promise<AlarmView[]> {
    const ids = <K extends keyof Alarm>(k: K) => [
      ...new Set(alarms.flatMap((a) => (a[k] ? [a[k] as string] : []))),
    ];
    // One after another: inside a transaction they share one connection anyway.
    const points = await this.points.anyByIds(ids('pointId'));
    const installations = await this.installations.anyByIds(ids('installationId'));
    const enterprises = await this.enterprises.namesByIds(ids('enterpriseId'));
    const users = await this.users.namesByIds([...ids('acknowledgedBy'), ...ids('disposedBy')]);
    const names = {
      points: new Map(points.map((p) => [p.id, p])),
      installations: new Map(installations.map((i) => [i.id, i.name])),
      enterprises,
      users,
    };
    return alarms.map((a) => mapAlarm(a, names));
  }
}
