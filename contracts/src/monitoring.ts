/**
 * Live monitoring of major hazard installations: sensor points, readings, alarms. The band rule
 * (`bandOf`) is shared so the console draws exactly what the server alarms on.
 */

export const POINT_KINDS = ['gas', 'level', 'pressure', 'temperature', 'flow'] as const;
export type PointKind = (typeof POINT_KINDS)[number];

/**
 * What else an alarm of a point does besides notifying, once per alarm: file an incident, or
 * open a hazard in the enterprise's ledger.
 */
export const POINT_ALARM_ACTIONS = ['notify', 'incident', 'hazard'] as const;
export type PointAlarmAction = (typeof POINT_ALARM_ACTIONS)[number];

export const ALARM_LEVELS = ['high', 'high_high', 'low', 'low_low'] as const;
export type AlarmLevel = (typeof ALARM_LEVELS)[number];

export interface PointThresholds {
  high: number | null;
  highHigh: number | null;
  low: number | null;
  lowLow: number | null;
}

/** The band a value is in: null inside every threshold, else the worst limit it passes. */
export function bandOf(value: number, t: PointThresholds): AlarmLevel | null {
  if (t.highHigh !== null && value >= t.highHigh) return 'high_high';
  if (t.lowLow !== null && value <= t.lowLow) return 'low_low';
  if (t.high !== null && value >= t.high) return 'high';
  if (t.low !== null && value <= t.low) return 'low';
  return null;
}

/** high-high and low-low outrank high and low: an excursion's level only ever rises. */
export function worseLevel(a: AlarmLevel | null, b: AlarmLevel | null): AlarmLevel | null {
  const rank = (l: AlarmLevel | null) => (l === 'high_high' || l === 'low_low' ? 2 : l ? 1 : 0);
  return rank(b) > rank(a) ? b : a;
}

export const ALARM_STATUSES = ['open', 'acknowledged', 'disposed', 'closed'] as const;
export type AlarmStatus = (typeof ALARM_STATUSES)[number];

export interface PointLatest {
  ts: string;
  value: number;
  band: AlarmLevel | null;
}

export interface PointView extends PointThresholds {
  id: string;
  installationId: string;
  enterpriseId: string;
  code: string;
  name: string;
  kind: PointKind;
  unit: string;
  rangeMin: number;
  rangeMax: number;
  /** Out of band this long before an alarm is raised (debounce). */
  delaySeconds: number;
  /** Back in band this long before the alarm clears. */
  holdSeconds: number;
  onAlarm: PointAlarmAction;
  latest: PointLatest | null;
}

export interface AlarmView {
  id: string;
  pointId: string;
  pointCode: string;
  pointName: string;
  unit: string;
  installationId: string;
  installationName: string;
  enterpriseId: string;
  enterpriseName: string;
  /** The worst level the excursion reached. */
  level: AlarmLevel;
  /** The worst value of the excursion and the limit it passed. */
  peakValue: number;
  limit: number;
  startedAt: string;
  raisedAt: string;
  /** When the readings had been back in band for the point's hold time; null while out of band. */
  clearedAt: string | null;
  status: AlarmStatus;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  disposedAt: string | null;
  disposedBy: string | null;
  disposal: string | null;
  closedAt: string | null;
  incidentId: string | null;
  /** The hazard opened in the ledger from this alarm (by the point's setting or by hand). */
  hazardId: string | null;
}

export interface AlarmStatisticsRow {
  enterpriseId: string;
  enterpriseName: string;
  total: number;
  open: number;
  acknowledged: number;
  /** Seconds from raised to acknowledged, over the acknowledged alarms. */
  meanSecondsToAcknowledge: number | null;
  maxSecondsToAcknowledge: number | null;
}

export interface ReadingPoint {
  ts: string;
  value: number;
}

/** Readings of one point over a window, thinned to at most `limit` buckets (min and max kept). */
export interface ReadingSeries {
  pointId: string;
  from: string;
  to: string;
  readings: ReadingPoint[];
}

export interface IngestResult {
  accepted: number;
  rejected: { index: number; reason: string }[];
}

export interface IngestKeyIssued {
  enterpriseId: string;
  /** Shown once: only its hash is kept. */
  key: string;
  prefix: string;
  createdAt: string;
}

/** The MQTT topic of one point: `{prefix}/{enterpriseCode}/{pointCode}` (prefix `muster/readings`). */
export const MQTT_TOPIC_PREFIX = 'muster/readings';
export const MAX_INGEST_BATCH = 5000;

/** An installation on the monitoring map: its worst uncleared or unhandled alarm. */
export type InstallationAlarmLevel = 'normal' | 'warning' | 'critical';

export interface InstallationAlarmState {
  installationId: string;
  state: InstallationAlarmLevel;
  openAlarms: number;
}

/** critical: an open high-high or low-low; warning: any other alarm not yet closed. */
export function installationAlarmLevel(levels: readonly AlarmLevel[]): InstallationAlarmLevel {
  if (levels.some((l) => l === 'high_high' || l === 'low_low')) return 'critical';
  return levels.length ? 'warning' : 'normal';
}

/** Whether an enterprise has a gateway ingestion key, and where its gateways send readings. */
export interface IngestKeyStatus {
  enterpriseId: string;
  /** The key's first characters, to tell which key a gateway holds; null: none issued yet. */
  prefix: string | null;
  createdAt: string | null;
  /** The MQTT topic of each point, `{point}` standing for the point's code. */
  mqttTopic: string;
  /** The HTTP batch endpoint (POST, header X-Ingest-Key). */
  httpPath: string;
}
