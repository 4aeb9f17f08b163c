import type { AlarmView } from '@muster/contracts';
import type { Alarm } from './alarm.entity.js';
import type { SensorPoint } from './sensor-point.entity.js';

export interface AlarmNames {
  points: Map<string, SensorPoint>;
  installations: Map<string, string>;
  enterprises: Map<string, string>;
  users: Map<string, string>;
}

export function mapAlarm(a: Alarm, n: AlarmNames): AlarmView {
  const point = n.points.get(a.pointId);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: a.id,
    pointId: a.pointId,
    pointCode: point?.code ?? '',
    pointName: point?.name ?? '',
    unit: point?.unit ?? '',
    installationId: a.installationId,
    installationName: n.installations.get(a.installationId) ?? '',
    enterpriseId: a.enterpriseId,
    enterpriseName: n.enterprises.get(a.enterpriseId) ?? '',
    level: a.level,
    peakValue: a.peakValue,
    limit: a.limit,
    startedAt: a.startedAt.toISOString(),
    raisedAt: a.raisedAt.toISOString(),
    clearedAt: iso(a.clearedAt),
    status: a.status,
    acknowledgedAt: iso(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy ? (n.users.get(a.acknowledgedBy) ?? null) : null,
    disposedAt: iso(a.disposedAt),
    disposedBy: a.disposedBy ? (n.users.get(a.disposedBy) ?? null) : null,
    disposal: a.disposal,
    closedAt: iso(a.closedAt),
    incidentId: a.incidentId,
    hazardId: a.hazardId,
  };
}
