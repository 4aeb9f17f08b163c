import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type IngestResult, MAX_INGEST_BATCH } from '@muster/contracts';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { type AlarmEffect, type LiveState, step } from './alarm-rules.js';
import { AlarmRaiser } from './alarm-raiser.js';
import type { SensorPoint } from './sensor-point.entity.js';
import { SensorPointRepository } from './sensor-point.repository.js';

/** A reading as a gateway sends it: the point by its code, the time and the value. */
export interface IncomingReading {
  point: unknown;
  ts: unknown;
  value: unknown;
}

interface Accepted {
  point: SensorPoint;
  ts: Date;
  value: number;
}

/** A reading stamped this far ahead of the server clock is a gateway's wrong clock, not data. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Points are read again after this long, so a changed threshold applies within it. */
const POINT_CACHE_MS = 10_000;

interface LiveRow {
  point_id: string;
  ts: Date | null;
  value: number | null;
  band: LiveState['band'];
  out_since: Date | null;
  out_level: LiveState['outLevel'];
  out_peak: number | null;
  in_since: Date | null;
  alarm_id: string | null;
}

/**
 * Stores readings and moves each point's alarm state, for MQTT and HTTP alike. A batch is one
 * transaction: the readings (a reading already stored is skipped by its key), the points' hot
 * rows locked in id order (deliveries of one point serialize; two batches never deadlock), the
 * alarms raised, worsened or cleared, and what a raised alarm sets off (notifications, an
 * incident). A batch redelivered after a crash therefore stores nothing twice and raises nothing
 * twice: its readings are no newer than the state they already moved.
 */
@Injectable()
export class IngestService implements OnModuleInit {
  private readonly pointCache = new Map<string, { at: number; points: Map<string, SensorPoint> }>();
  private partitionsReadyUntil = 0;

  constructor(
    private readonly db: Db,
    private readonly points: SensorPointRepository,
    private readonly raiser: AlarmRaiser,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.maintainPartitions();
  }

  /** Creates the reading partitions ahead and drops those past retention. */
  async maintainPartitions(): Promise<void> {
    await this.db.manager.query('SELECT reading_partitions($1, $2)', [7, this.config.READING_RETENTION_DAYS]);
    this.partitionsReadyUntil = Date.now() + 6 * 86_400_000;
  }

  /** Checks each reading, answering the accepted count and every rejected one with its reason. */
  async ingest(enterpriseId: string, readings: IncomingReading[], now = new Date()): Promise<IngestResult> {
    if (readings.length > MAX_INGEST_BATCH)
      return {
        accepted: 0,
        rejected: [{ index: -1, reason: `readings: at most ${MAX_INGEST_BATCH} per batch` }],
      };
    const codes = readings.flatMap((r) => (typeof r.point === 'string' ? [r.point] : []));
    const points = await this.pointsOf(enterpriseId, codes);
    const rejected: IngestResult['rejected'] = [];
    const accepted: Accepted[] = [];
    const oldest = now.getTime() - this.config.READING_RETENTION_DAYS * 86_400_000;
    readings.forEach((r, index) => {
      const problem = readingProblem(r, points, oldest, now.getTime() + FUTURE_TOLERANCE_MS);
      if (problem) rejected.push({ index, reason: problem });
      else
        accepted.push({ point: points.get(r.point as string)!, ts: toDate(r.ts)!, value: r.value as number });
    });
    if (accepted.length) await this.store(accepted, now);
    return { accepted: accepted.length, rejected };
  }

  private async store(readings: Accepted[], now: Date): Promise<void> {
    if (now.getTime() > this.partitionsReadyUntil) await this.maintainPartitions();
    await this.context.runAsSystem('monitoring', () =>
      this.db.transaction(async () => {
        const m = this.db.manager;
        await m.query(
          `INSERT INTO reading (point_id, ts, value)
           SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::float8[]) ON CONFLICT DO NOTHING`,
          [readings.map((r) => r.point.id), readings.map((r) => r.ts), readings.map((r) => r.value)],
        );
        const byPoint = new Map<string, Accepted[]>();
        for (const r of readings) byPoint.set(r.point.id, [...(byPoint.get(r.point.id) ?? []), r]);
        const ids = [...byPoint.keys()].sort();
        await m.query(
          `INSERT INTO point_live (point_id) SELECT unnest($1::uuid[]) ORDER BY 1 ON CONFLICT DO NOTHING`,
          [ids],
        );
        const rows: LiveRow[] = await m.query(
          `SELECT * FROM point_live WHERE point_id = ANY($1::uuid[]) ORDER BY point_id FOR UPDATE`,
          [ids],
        );
        const changed: LiveRow[] = [];
        for (const row of rows) {
          const list = byPoint.get(row.point_id)!.sort((a, b) => a.ts.getTime() - b.ts.getTime());
          const point = list[0]!.point;
          let state = fromRow(row);
          const before = state;
          for (const r of list) {
            const out = step(state, { ts: r.ts, value: r.value }, point);
            state = out.state;
            for (const effect of out.effects) state = await this.apply(point, state, effect, now);
          }
          if (state !== before) changed.push(toRow(row.point_id, state));
        }
        if (changed.length) {
          await m.query(
            `UPDATE point_live l SET ts = c.ts, value = c.value, band = c.band, out_since = c.out_since,
                    out_level = c.out_level, out_peak = c.out_peak, in_since = c.in_since, alarm_id = c.alarm_id
               FROM unnest($1::uuid[], $2::timestamptz[], $3::float8[], $4::text[], $5::timestamptz[],
                           $6::text[], $7::float8[], $8::timestamptz[], $9::uuid[])
                    AS c(point_id, ts, value, band, out_since, out_level, out_peak, in_since, alarm_id)
              WHERE l.point_id = c.point_id`,
            [
              changed.map((c) => c.point_id),
              changed.map((c) => c.ts),
              changed.map((c) => c.value),
              changed.map((c) => c.band),
              changed.map((c) => c.out_since),
              changed.map((c) => c.out_level),
              changed.map((c) => c.out_peak),
              changed.map((c) => c.in_since),
              changed.map((c) => c.alarm_id),
            ],
          );
        }
      }),
    );
  }

  private async apply(
    point: SensorPoint,
    state: LiveState,
    effect: AlarmEffect,
    now: Date,
  ): Promise<LiveState> {
    if (effect.kind === 'raise') return { ...state, alarmId: await this.raiser.raise(point, effect, now) };
    if (effect.kind === 'worsen') await this.raiser.worsen(effect);
    else await this.raiser.clear(effect);
    return state;
  }

  private async pointsOf(enterpriseId: string, codes: string[]): Promise<Map<string, SensorPoint>> {
    const cached = this.pointCache.get(enterpriseId);
    const fresh = cached && Date.now() - cached.at < POINT_CACHE_MS ? cached.points : null;
    if (fresh && codes.every((c) => fresh.has(c))) return fresh;
    // A code not seen yet (a point just added) or a stale cache: read the enterprise's points.
    const all = await this.points.byEnterprise(enterpriseId);
    const points = new Map(all.map((p) => [p.code, p]));
    this.pointCache.set(enterpriseId, { at: Date.now(), points });
    return points;
  }
}

function toDate(ts: unknown): Date | null {
  if (typeof ts === 'number' && Number.isFinite(ts)) return new Date(ts);
  if (typeof ts === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(ts)) {
    const d = new Date(ts);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

function readingProblem(
  r: IncomingReading,
  points: Map<string, SensorPoint>,
  oldest: number,
  newest: number,
): string | null {
  if (typeof r !== 'object' || r === null) return 'reading: must be an object';
  if (typeof r.point !== 'string' || !r.point) return 'point: must be a point code';
  if (!points.has(r.point)) return 'point: no such point of this enterprise';
  const ts = toDate(r.ts);
  if (!ts) return 'ts: must be an ISO 8601 time or epoch milliseconds';
  if (ts.getTime() < oldest) return 'ts: older than the readings kept';
  if (ts.getTime() > newest) return 'ts: in the future';
  if (typeof r.value !== 'number' || !Number.isFinite(r.value)) return 'value: must be a finite number';
  return null;
}

function fromRow(r: LiveRow): LiveState {
  return {
    ts: r.ts,
    value: r.value,
    band: r.band,
    outSince: r.out_since,
    outLevel: r.out_level,
    outPeak: r.out_peak,
    inSince: r.in_since,
    alarmId: r.alarm_id,
  };
}

function toRow(pointId: string, s: LiveState): LiveRow {
  return {
    point_id: pointId,
    ts: s.ts,
    value: s.value,
    band: s.band,
    out_since: s.outSince,
    out_level: s.outLevel,
    out_peak: s.outPeak,
    in_since: s.inSince,
    alarm_id: s.alarmId,
  };
}
