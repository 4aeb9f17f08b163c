import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mqtt from 'mqtt';
import type { AlarmStatisticsRow, AlarmView, ListResponse, PointView } from '@muster/contracts';
import { MonitoringIngestModule } from '../../server/src/monitoring/monitoring-ingest.module.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { waitFor } from '../support/callouts.js';
import { MQTT_TEST_URL, newMonitoredInstallation, topicPrefix } from '../support/monitoring.js';

const base = Date.now() - 10 * 60_000;
const at = (s: number) => new Date(base + s * 1000).toISOString();

describe('live monitoring: readings over HTTP, alarms and their handling', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let key: string;
  let points: PointView[];
  let enterpriseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = { Authorization: `Bearer ${await t.token('zone_admin')}` };
    ({ points, enterpriseId } = await newMonitoredInstallation(t, [
      {},
      { high: null, highHigh: null, low: 2, lowLow: 1 },
    ]));
    key = (await t.http.post(`/api/enterprises/${enterpriseId}/ingest-key`).set(admin).expect(201)).body.key;
  });
  afterAll(() => t?.close());

  const q = <T>(sql: string, params?: unknown[]) => t.db.query(sql, params) as Promise<T[]>;
  const ingest = (body: unknown, k: string | null = key) => {
    const req = t.http.post('/ingest/readings');
    if (k !== null) req.set('X-Ingest-Key', k);
    return req.send(body as object);
  };
  const alarmsOf = async (pointId: string) =>
    (await q(`SELECT * FROM alarm WHERE point_id = $1 ORDER BY started_at`, [pointId])) as {
      id: string;
      level: string;
      cleared_at: Date | null;
      started_at: Date;
    }[];

  it('keeps only the hash of an enterprise’s key, and a key is issued only within the caller’s scope', async () => {
    const [row]: { key_hash: string; prefix: string }[] = await q(
      'SELECT key_hash, prefix FROM ingest_key WHERE enterprise_id = $1',
      [enterpriseId],
    );
    expect(row!.key_hash).not.toContain(key);
    expect(key.startsWith(row!.prefix)).toBe(true);
    const otherOfficer = { Authorization: `Bearer ${await t.token('enterprise_officer')}` };
    await t.http.post(`/api/enterprises/${enterpriseId}/ingest-key`).set(otherOfficer).expect(404);
  });

  it('answers 401 without a key or with a wrong one, whatever the body, and never takes a user token', async () => {
    const body = { readings: [{ point: points[0]!.code, ts: at(0), value: 0.1 }] };
    expect((await ingest(body, null)).status).toBe(401);
    expect((await ingest(body, 'mik_not-a-key')).status).toBe(401);
    expect((await ingest({ nonsense: true }, 'wrong')).status).toBe(401);
    const userToken = (await t.login('admin@muster.test')).accessToken;
    expect((await ingest(body, userToken)).status).toBe(401);
    const res = await t.http.post('/ingest/readings').set(admin).send(body);
    expect(res.status).toBe(401);
  });

  it('answers 400 naming the field for a bad body', async () => {
    const problem = async (body: unknown) => {
      const res = await ingest(body);
      expect(res.status).toBe(400);
      return JSON.stringify(res.body.message);
    };
    expect(await problem({})).toContain('readings');
    expect(await problem({ readings: 'many' })).toContain('readings');
    expect(await problem({ readings: [{ point: points[0]!.code, ts: at(0), value: 'high' }] })).toContain(
      'readings.0.value',
    );
    expect(await problem({ readings: [{ ts: at(0), value: 1 }] })).toContain('readings.0.point');
    expect(await problem({ readings: [{ point: 'X', value: 1 }] })).toContain('readings.0.ts');
    const tooMany = Array.from({ length: 5001 }, (_, i) => ({ point: points[0]!.code, ts: at(i), value: 0 }));
    expect(await problem({ readings: tooMany })).toContain('readings');
  });

  it('stores readings, rejecting each unusable one with its index and reason', async () => {
    const res = await ingest({
      readings: [
        { point: points[0]!.code, ts: at(0), value: 0.2 },
        { point: 'NO-SUCH-POINT', ts: at(0), value: 0.2 },
        { point: points[0]!.code, ts: new Date(Date.now() + 3_600_000).toISOString(), value: 0.2 },
        { point: points[0]!.code, ts: base + 1000, value: 0.3 },
      ],
    }).expect(202);
    expect(res.body.accepted).toBe(2);
    expect(res.body.rejected).toEqual([
      { index: 1, reason: 'point: no such point of this enterprise' },
      { index: 2, reason: 'ts: in the future' },
    ]);
    const stored: { value: number }[] = await q('SELECT value FROM reading WHERE point_id = $1 ORDER BY ts', [
      points[0]!.id,
    ]);
    expect(stored.map((r) => r.value)).toEqual([0.2, 0.3]);
    // The same batch again stores nothing twice.
    await ingest({ readings: [{ point: points[0]!.code, ts: at(0), value: 0.2 }] }).expect(202);
    expect(await q('SELECT 1 FROM reading WHERE point_id = $1', [points[0]!.id])).toHaveLength(2);
    const point = (await t.http.get(`/api/points/${points[0]!.id}`).set(admin).expect(200)).body as PointView;
    expect(point.latest).toEqual({ ts: at(1), value: 0.3, band: null });
  });

  it('raises one alarm for a run of high-high readings, not one per reading', async () => {
    const run = Array.from({ length: 10 }, (_, i) => ({
      point: points[0]!.code,
      ts: at(10 + i),
      value: 5 + i / 10,
    }));
    // Delivered in three batches, as a gateway would.
    await ingest({ readings: run.slice(0, 2) }).expect(202);
    expect(await alarmsOf(points[0]!.id)).toHaveLength(0); // out for 1 s of the 2 s delay
    await ingest({ readings: run.slice(2, 6) }).expect(202);
    await ingest({ readings: run.slice(6) }).expect(202);
    const alarms = await alarmsOf(points[0]!.id);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.level).toBe('high_high');
    expect(alarms[0]!.started_at.toISOString()).toBe(at(10));
    const view = (await t.http.get(`/api/alarms/${alarms[0]!.id}`).set(admin).expect(200)).body as AlarmView;
    expect(view).toMatchObject({
      status: 'open',
      level: 'high_high',
      peakValue: 5.9,
      limit: 3,
      clearedAt: null,
    });
    // The zone's duty roles and the enterprise's officers are told once each.
    const told: { role: string; n: string }[] = await q(
      `SELECT u.role, count(*) AS n FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE n.kind = 'monitoring.alarm' AND n.entity_id = $1 GROUP BY u.role ORDER BY u.role`,
      [alarms[0]!.id],
    );
    expect(told.map((r) => r.role)).toEqual(['commander', 'enterprise_officer', 'inspector']);
    const perUser: { n: string }[] = await q(
      `SELECT count(*) AS n FROM notification WHERE entity_id = $1 GROUP BY user_id HAVING count(*) > 1`,
      [alarms[0]!.id],
    );
    expect(perUser).toEqual([]);
  });

  it('clears the alarm only after the readings have been back in band for the hold time', async () => {
    const p = points[0]!.code;
    await ingest({
      readings: [
        { point: p, ts: at(20), value: 0.1 },
        { point: p, ts: at(22), value: 0.1 },
      ],
    }).expect(202);
    expect((await alarmsOf(points[0]!.id))[0]!.cleared_at).toBeNull(); // 2 s of the 3 s hold
    await ingest({ readings: [{ point: p, ts: at(23), value: 0.1 }] }).expect(202);
    const [alarm] = await alarmsOf(points[0]!.id);
    expect(alarm!.cleared_at!.toISOString()).toBe(at(23));
    // Out again: a new excursion, a new alarm.
    await ingest({
      readings: [
        { point: p, ts: at(30), value: 2 },
        { point: p, ts: at(33), value: 2 },
      ],
    }).expect(202);
    const alarms = await alarmsOf(points[0]!.id);
    expect(alarms.map((a) => [a.level, a.cleared_at === null])).toEqual([
      ['high_high', false],
      ['high', true],
    ]);
  });

  it('alarms on low and low-low thresholds', async () => {
    const p = points[1]!.code;
    await ingest({ readings: [0, 1, 2, 3].map((s) => ({ point: p, ts: at(s), value: 0.5 })) }).expect(202);
    const alarms = await alarmsOf(points[1]!.id);
    expect(alarms.map((a) => a.level)).toEqual(['low_low']);
  });

  it('is acknowledged, disposed and closed in that order, and counted per enterprise', async () => {
    const commander = { Authorization: `Bearer ${await t.token('commander')}` };
    const [first] = await alarmsOf(points[0]!.id);
    await t.http
      .post(`/api/alarms/${first!.id}/dispose`)
      .set(commander)
      .send({ disposal: '已关阀' })
      .expect(409);
    const acked = (await t.http.post(`/api/alarms/${first!.id}/acknowledge`).set(commander).expect(200))
      .body as AlarmView;
    expect(acked.status).toBe('acknowledged');
    expect(acked.acknowledgedBy).toBeTruthy();
    await t.http.post(`/api/alarms/${first!.id}/acknowledge`).set(commander).expect(409);
    await t.http.post(`/api/alarms/${first!.id}/dispose`).set(commander).send({}).expect(400);
    const disposed = (
      await t.http
        .post(`/api/alarms/${first!.id}/dispose`)
        .set(commander)
        .send({ disposal: '关闭钢瓶角阀，启动碱液喷淋吸收' })
        .expect(200)
    ).body as AlarmView;
    expect(disposed).toMatchObject({ status: 'disposed', disposal: '关闭钢瓶角阀，启动碱液喷淋吸收' });
    const closed = (await t.http.post(`/api/alarms/${first!.id}/close`).set(commander).expect(200))
      .body as AlarmView;
    expect(closed.status).toBe('closed');
    // The second alarm has not cleared: it cannot be closed yet.
    const second = (await alarmsOf(points[0]!.id))[1]!;
    await t.http.post(`/api/alarms/${second.id}/acknowledge`).set(commander).expect(200);
    await t.http
      .post(`/api/alarms/${second.id}/dispose`)
      .set(commander)
      .send({ disposal: '现场检查' })
      .expect(200);
    await t.http.post(`/api/alarms/${second.id}/close`).set(commander).expect(409);

    const board = (await t.http.get('/api/alarms').set(commander).expect(200))
      .body as ListResponse<AlarmView>;
    expect(board.items.at(-1)!.status).toBe('closed'); // open ones first
    const stats = (await t.http.get('/api/alarms/statistics').set(commander).expect(200))
      .body as AlarmStatisticsRow[];
    const mine = stats.find((s) => s.enterpriseId === enterpriseId)!;
    expect(mine).toMatchObject({ total: 3, open: 2, acknowledged: 2 });
    expect(mine.meanSecondsToAcknowledge).toBeGreaterThan(0);
    const audit: { action: string }[] = await q(
      `SELECT action FROM audit_log WHERE entity = 'alarm' AND entity_id = $1 ORDER BY id`,
      [first!.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'alarm.raised',
      'alarm.acknowledged',
      'alarm.disposed',
      'alarm.closed',
    ]);
    // Another enterprise's officer sees none of it.
    const otherOfficer = { Authorization: `Bearer ${await t.token('enterprise_officer')}` };
    await t.http.get(`/api/alarms/${first!.id}`).set(otherOfficer).expect(404);
    await t.http.post(`/api/alarms/${second.id}/close`).set(otherOfficer).expect(404);
  });

  it('colours installations on the map by their worst alarm not closed', async () => {
    const states = (await t.http.get('/api/alarms/installation-states').set(admin).expect(200)).body as {
      installationId: string;
      state: string;
      openAlarms: number;
    }[];
    const mine = states.find((s) => s.installationId === points[0]!.installationId)!;
    expect(mine).toEqual({ installationId: points[0]!.installationId, state: 'critical', openAlarms: 2 });
  });
});

describe('live monitoring: readings over MQTT from a real broker', () => {
  let t: TestApp;
  const prefix = topicPrefix();
  const q = <T>(sql: string, params?: unknown[]) => t.db.query(sql, params) as Promise<T[]>;

  beforeAll(async () => {
    t = await createTestApp({
      imports: [MonitoringIngestModule],
      env: {
        MQTT_URL: MQTT_TEST_URL,
        MQTT_TOPIC_PREFIX: prefix,
        MQTT_CLIENT_ID: `muster-${prefix.split('/')[0]}`,
      },
    });
  });
  afterAll(() => t?.close());

  it('stores the readings published on the enterprise’s topic and raises their alarm', async () => {
    const { points, creditCode } = await newMonitoredInstallation(t, [{ delaySeconds: 0 }]);
    const point = points[0]!;
    const publisher = await mqtt.connectAsync(MQTT_TEST_URL, { clientId: `pub-${prefix.split('/')[0]}` });
    try {
      const topic = `${prefix}/${creditCode}/${point.code}`;
      // The subscriber is up once a probe reading lands.
      await waitFor(
        async () => {
          await publisher.publishAsync(topic, JSON.stringify({ ts: base, value: 0.1 }), { qos: 1 });
          const rows = await q('SELECT 1 FROM reading WHERE point_id = $1', [point.id]);
          return rows.length ? true : undefined;
        },
        15_000,
        'the MQTT subscriber to store a probe reading',
      );
      await publisher.publishAsync(topic, JSON.stringify({ ts: at(1), value: 0.2 }), { qos: 1 });
      await publisher.publishAsync(
        topic,
        JSON.stringify([
          { ts: at(2), value: 4 },
          { ts: new Date(base + 3000).getTime(), value: 4.5 },
        ]),
        { qos: 1 },
      );
      // Another enterprise's topic cannot reach this point.
      await publisher.publishAsync(
        `${prefix}/91340600MA2TEST00X/${point.code}`,
        JSON.stringify({ ts: at(4), value: 9 }),
        {
          qos: 1,
        },
      );
      await publisher.publishAsync(topic, 'not json', { qos: 1 });
      await publisher.publishAsync(topic, JSON.stringify({ ts: at(5), value: 0.3 }), { qos: 1 });
      const values = await waitFor(
        async () => {
          const rows: { value: number }[] = await q(
            'SELECT value FROM reading WHERE point_id = $1 ORDER BY ts',
            [point.id],
          );
          return rows.length >= 5 ? rows.map((r) => r.value) : undefined;
        },
        15_000,
        'the readings published over MQTT',
      );
      expect(values).toEqual([0.1, 0.2, 4, 4.5, 0.3]);
      const alarms: { level: string; peak_value: number }[] = await q(
        'SELECT level, peak_value FROM alarm WHERE point_id = $1',
        [point.id],
      );
      expect(alarms).toEqual([{ level: 'high_high', peak_value: 4.5 }]);
    } finally {
      await publisher.endAsync();
    }
  });
});
