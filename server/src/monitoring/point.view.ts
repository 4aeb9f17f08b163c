import type { AlarmLevel, PointView } from '@muster/contracts';
import type { SensorPoint } from './sensor-point.entity.js';

export interface LatestRow {
  point_id: string;
  ts: Date;
  value: number;
  band: AlarmLevel | null;
}

export function mapPoint(p: SensorPoint, latest: LatestRow | null): PointView {
  return {
    id: p.id,
    installationId: p.installationId,
    enterpriseId: p.enterpriseId,
    code: p.code,
    name: p.name,
    kind: p.kind,
    unit: p.unit,
    rangeMin: p.rangeMin,
    rangeMax: p.rangeMax,
    high: p.high,
    highHigh: p.highHigh,
    low: p.low,
    lowLow: p.lowLow,
    delaySeconds: p.delaySeconds,
    holdSeconds: p.holdSeconds,
    onAlarm: p.onAlarm,
    latest: latest ? { ts: latest.ts.toISOString(), value: latest.value, band: latest.band } : null,
  };
}
