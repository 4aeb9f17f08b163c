import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnModuleInit,
} from '@nestjs/common';
import { type IngestResult, MAX_INGEST_BATCH } from '@muster/contracts';
import { DomainError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { type AlarmEffect, type LiveState, step } from './alarm-rules.js';
import { AlarmRaiser } from './alarm-raiser.js';
import { ReadingBatcher } from './reading-batcher.js';
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

/** A batch goes to the database this long after its oldest reading arrived, or when this many wait. */
const BATCH_DELAY_MS = 50;
const BATCH_ROWS = 10_000;
/** Readings queued beyond this make new deliveries wait (MQTT stalls; the broker holds the rest). */
const QUEUE_HIGH_WATER = 50_000;
const RETRY_MS = 1000;

/**
 * Stores readings and moves each point's alarm state, for MQTT and HTTP alike. Readings are
 * queued and written in batches (`ReadingBatcher`); a batch is one transaction: the readings in
 * one insert (a reading already stored is skipped by its key), the batch's points' hot rows
 * locked in id order (one process's batches and another's — HTTP in the server, MQTT in the
 * worker — serialize per point and never deadlock), each point's alarm state machine run in
 * memory over its readings, the alarms raised, worsened or cleared only where the state
 * crosses a line, and the hot rows (latest value and state) written back in one statement. A
 * caller hears back only after that commit, and MQTT acknowledges only then: a batch redelivered
 * after a crash stores nothing twice and raises nothing twice, as its readings are no newer
 * than the state they already moved.
 */
@Injectable()
export class IngestService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestService.name);
  private readonly pointCache = new Map<string, { at: number; points: Map<string, SensorPoint> }>();
  /** Points whose hot row is known committed, so a batch of them need not insert it. */
  private readonly liveRows = new Set<string>();
  private partitionsReadyUntil = 0;
  private readonly batcher = new ReadingBatcher<Accepted>({
    maxRows: BATCH_ROWS,
    maxDelayMs: BATCH_DELAY_MS,
    highWater: QUEUE_HIGH_WATER,
    write: (readings) => this.store(readings),
    retryable: (err) => !(err instanceof DomainError),
    retryMs: RETRY_MS,
    onRetry: (err) => this.logger.error({ err }, 'storing readings failed; trying the batch again'),
  });

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

  async beforeApplicationShutdown(): Promise<void> {
    await this.batcher.drain();
  }

  /** Creates the reading partitions ahead and drops those past retention. */
  async maintainPartitions(): Promise<void> {
    await this.db.manager.query('SELECT reading_partitions($1, $2)', [7, this.config.READING_RETENTION_DAYS]);
    this.partitionsReadyUntil = Date.now() + 6 * 86_400_000;
  }

  /** Checks and stores the readings, answering once they are committed. */
  async ingest(enterpriseId: string, readings: IncomingReading[]): Promise<IngestResult> {
    const { result, committed } = await this.accept(enterpriseId, readings);
    await committed;
    return result;
  }

  /**
   * Checks each reading (the accepted count and every rejected one with its reason) and queues
   * the accepted ones; `committed` settles when their batch is stored. Calls queue in the order
   * they resolve, so a caller that awaits each before the next keeps its readings in order.
   */
  async accept(
    enterpriseId: string,
    readings: IncomingReading[],
    now = new Date(),
  ): Promise<{ result: IngestResult; committed: Promise<void> }> {
    if (readings.length > MAX_INGEST_BATCH)
      return {
        result: {
          accepted: 0,
          rejected: [{ index: -1, reason: `readings: at most ${MAX_INGEST_BATCH} per batch` }],
        },
        committed: Promise.resolve(),
      };
    // Awaits only on a cache miss or a full queue: at thousands of messages a second, each
    // promise less is CPU the batches get.
    const points = this.cachedPoints(enterpriseId, readings) ?? (await this.loadPoints(enterpriseId));
    const rejected: IngestResult['rejected'] = [];
    const accepted: Accepted[] = [];
    const oldest = now.getTime() - this.config.READING_RETENTION_DAYS * 86_400_000;
    readings.forEach((r, index) => {
      const problem = readingProblem(r, points, oldest, now.getTime() + FUTURE_TOLERANCE_MS);
      if (problem) rejected.push({ index, reason: problem });
      else
        accepted.push({ point: points.get(r.point as string)!, ts: toDate(r.ts)!, value: r.value as number });
    });
    const { committed } = accepted.length
      ? (this.batcher.tryAdd(accepted) ?? (await this.batcher.add(accepted)))
      : { committed: Promise.resolve() };
    return { result: { accepted: accepted.length, rejected }, committed };
  }

  private async store(readings: Accepted[]): Promise<void> {
    const now = new Date();
    if (now.getTime() > this.partitionsReadyUntil) await this.maintainPartitions();
    const byPoint = new Map<string, Accepted[]>();
    for (const r of readings) {
      const list = byPoint.get(r.point.id);
      if (list) list.push(r);
      else byPoint.set(r.point.id, [r]);
    }
    const ids = [...byPoint.keys()].sort();
    const newIds = ids.filter((id) => !this.liveRows.has(id));
    await this.context.runAsSystem('monitoring', () =>
      this.db.transaction(async () => {
        const m = this.db.manager;
        await m.query(
          `INSERT INTO reading (point_id, ts, value)
           SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::float8[]) ON CONFLICT DO NOTHING`,
          [readings.map((r) => r.point.id), readings.map((r) => r.ts), readings.map((r) => r.value)],
        );
        if (newIds.length)
          await m.query(
            `INSERT INTO point_live (point_id) SELECT unnest($1::uuid[]) ORDER BY 1 ON CONFLICT DO NOTHING`,
            [newIds],
          );
        const rows: LiveRow[] = await m.query(
          `SELECT * FROM point_live WHERE point_id = ANY($1::uuid[]) ORDER BY point_id FOR UPDATE`,
          [ids],
        );
        const changed: LiveRow[] = [];
        // A peak that keeps rising would update its alarm per reading: only the batch's last counts.
        const worsened = new Map<string, Extract<AlarmEffect, { kind: 'worsen' }>>();
        for (const row of rows) {
          const list = byPoint.get(row.point_id)!.sort((a, b) => a.ts.getTime() - b.ts.getTime());
          const point = list[0]!.point;
          let state = fromRow(row);
          const before = state;
          for (const r of list) {
            const out = step(state, { ts: r.ts, value: r.value }, point);
            state = out.state;
            for (const effect of out.effects) {
              // Raised and cleared at once, in order: a point may clear one alarm and raise the next.
              if (effect.kind === 'raise')
                state = { ...state, alarmId: await this.raiser.raise(point, effect, now) };
              else if (effect.kind === 'clear') await this.raiser.clear(effect);
              else worsened.set(effect.alarmId, effect);
            }
          }
          if (state !== before) changed.push(toRow(row.point_id, state));
        }
        for (const effect of worsened.values()) await this.raiser.worsen(effect);
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
    for (const id of newIds) this.liveRows.add(id);
  }

  /** The enterprise's points from the cache when it is fresh and knows every code; else null. */
  private cachedPoints(enterpriseId: string, readings: IncomingReading[]): Map<string, SensorPoint> | null {
    const cached = this.pointCache.get(enterpriseId);
    if (!cached || Date.now() - cached.at >= POINT_CACHE_MS) return null;
    // A code not seen yet may be a point just added: read them again.
    for (const r of readings) if (typeof r.point === 'string' && !cached.points.has(r.point)) return null;
    return cached.points;
  }

  private async loadPoints(enterpriseId: string): Promise<Map<string, SensorPoint>> {
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
