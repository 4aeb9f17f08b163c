import { Injectable } from '@nestjs/common';
import type { PointView, ReadingSeries } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { InvalidError } from '../common/domain-errors.js';
import { Db } from '../database/db.js';
import { InstallationRepository } from '../installations/installation.repository.js';
import type { PointCreateDto, PointUpdateDto, ReadingQueryDto } from './point.dto.js';
import { SensorPoint } from './sensor-point.entity.js';
import { SensorPointRepository } from './sensor-point.repository.js';
import { mapPoint, type LatestRow } from './point.view.js';

/** Readings answered for a chart: at most this many buckets, each keeping its min and max. */
const MAX_BUCKETS = 600;

@Injectable()
export class PointService {
  constructor(
    private readonly db: Db,
    private readonly points: SensorPointRepository,
    private readonly installations: InstallationRepository,
    private readonly audit: AuditService,
  ) {}

  async ofInstallation(installationId: string): Promise<PointView[]> {
    await this.installations.getById(installationId);
    const points = await this.points.ofInstallation(installationId);
    return this.withLatest(points);
  }

  async get(id: string): Promise<PointView> {
    const [view] = await this.withLatest([await this.points.getById(id)]);
    return view!;
  }

  async create(installationId: string, dto: PointCreateDto): Promise<PointView> {
    return this.db.transaction(async () => {
      const installation = await this.installations.getById(installationId);
      const p = new SensorPoint();
      p.installationId = installation.id;
      p.enterpriseId = installation.enterpriseId;
      apply(p, dto);
      const saved = await this.points.save(p);
      const view = await this.get(saved.id);
      await this.audit.record({
        action: 'sensor_point.created',
        entity: 'sensor_point',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(id: string, dto: PointUpdateDto): Promise<PointView> {
    return this.db.transaction(async () => {
      const p = await this.points.getById(id);
      const before = await this.get(id);
      apply(p, dto);
      await this.points.save(p);
      const after = await this.get(id);
      await this.audit.record({
        action: 'sensor_point.updated',
        entity: 'sensor_point',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /**
   * The readings of a window: all of them when few, else one min and one max per bucket, so a
   * week of 1 Hz data still draws its spikes (and the thresholds they pass) in 1,200 points.
   */
  async readings(id: string, q: ReadingQueryDto): Promise<ReadingSeries> {
    await this.points.getById(id);
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 3_600_000);
    if (from.getTime() >= to.getTime()) throw new InvalidError(['from: must be before to']);
    const bucketMs = Math.max(1000, Math.ceil((to.getTime() - from.getTime()) / MAX_BUCKETS));
    const rows: { ts: Date; value: number }[] = await this.db.manager.query(
      `WITH b AS (
         SELECT floor(extract(epoch FROM ts) * 1000 / $4) AS bucket, ts, value,
                row_number() OVER (PARTITION BY floor(extract(epoch FROM ts) * 1000 / $4) ORDER BY value ASC, ts) AS lo,
                row_number() OVER (PARTITION BY floor(extract(epoch FROM ts) * 1000 / $4) ORDER BY value DESC, ts) AS hi
           FROM reading WHERE point_id = $1 AND ts >= $2 AND ts < $3)
       SELECT ts, value FROM b WHERE lo = 1 OR hi = 1 ORDER BY ts`,
      [id, from, to, bucketMs],
    );
    return {
      pointId: id,
      from: from.toISOString(),
      to: to.toISOString(),
      readings: rows.map((r) => ({ ts: r.ts.toISOString(), value: r.value })),
    };
  }

  private async withLatest(points: SensorPoint[]): Promise<PointView[]> {
    const rows: LatestRow[] = points.length
      ? await this.db.manager.query(
          `SELECT point_id, ts, value, band FROM point_live WHERE point_id = ANY($1::uuid[]) AND ts IS NOT NULL`,
          [points.map((p) => p.id)],
        )
      : [];
    const latest = new Map(rows.map((r) => [r.point_id, r]));
    return points.map((p) => mapPoint(p, latest.get(p.id) ?? null));
  }
}

function apply(p: SensorPoint, dto: PointUpdateDto): void {
  for (const key of [
    'code',
    'name',
    'kind',
    'unit',
    'rangeMin',
    'rangeMax',
    'high',
    'highHigh',
    'low',
    'lowLow',
    'delaySeconds',
    'holdSeconds',
    'onAlarm',
  ] as const) {
    if (dto[key] !== undefined) (p as unknown as Record<string, unknown>)[key] = dto[key];
  }
  p.delaySeconds ??= 5;
  p.holdSeconds ??= 30;
  p.onAlarm ??= 'notify';
  const problems: string[] = [];
  if (p.rangeMin >= p.rangeMax) problems.push('rangeMax: must be above rangeMin');
  if (p.high !== null && p.highHigh !== null && p.highHigh < p.high)
    problems.push('highHigh: must not be below high');
  if (p.low !== null && p.lowLow !== null && p.lowLow > p.low) problems.push('lowLow: must not be above low');
  if (p.high !== null && p.low !== null && p.low >= p.high) problems.push('low: must be below high');
  if ([p.high, p.highHigh, p.low, p.lowLow].every((t) => t === null))
    problems.push('high: a point needs at least one threshold');
  if (problems.length) throw new InvalidError(problems);
}
