import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import mqtt from 'mqtt';
import { createTestApp, type TestApp } from '../support/app.js';
import { waitFor } from '../support/callouts.js';
import { MQTT_TEST_URL, newMonitoredInstallation, topicPrefix } from '../support/monitoring.js';
import { exited, spawnWorker } from '../support/processes.js';

const POINTS = 6;
/** Per point, one reading a second: in band, high-high, in band, high, in band — two excursions. */
const PATTERN = [
  ...Array<number>(10).fill(0.2),
  ...Array<number>(10).fill(4),
  ...Array<number>(10).fill(0.2),
  ...Array<number>(10).fill(1.5),
  ...Array<number>(10).fill(0.2),
];

/**
 * The built worker ingests a stream over MQTT and is killed outright in the middle of it; the
 * rest of the stream is published while it is down, and a new worker takes over its session.
 * Every reading must be stored once, and every excursion must be one alarm: none lost, none twice.
 */
describe('MQTT ingestion across a crash of the worker', () => {
  let t: TestApp;
  const prefix = topicPrefix();
  const clientId = `muster-${prefix.split('/')[0]}`;
  const children: ChildProcess[] = [];
  const q = <T>(sql: string, params?: unknown[]) => t.db.query(sql, params) as Promise<T[]>;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await Promise.all(children.map(exited));
    // Ends the worker's persistent session on the shared broker.
    const cleanup = await mqtt.connectAsync(MQTT_TEST_URL, { clientId, clean: true });
    await cleanup.endAsync();
    await t?.close();
  });

  const startWorker = () => {
    const worker = spawnWorker({
      NODE_ENV: 'test',
      DATABASE_URL: t.db.url,
      REDIS_PREFIX: t.redisPrefix,
      JWT_SECRET: t.jwtSecret,
      MQTT_URL: MQTT_TEST_URL,
      MQTT_TOPIC_PREFIX: prefix,
      MQTT_CLIENT_ID: clientId,
    });
    children.push(worker);
    return worker;
  };

  it('stores every reading once and raises each excursion’s alarm exactly once', async () => {
    const { points, creditCode } = await newMonitoredInstallation(
      t,
      Array.from({ length: POINTS + 1 }, () => ({ delaySeconds: 2, holdSeconds: 3 })),
    );
    const [probe, ...streamed] = points;
    const publisher = await mqtt.connectAsync(MQTT_TEST_URL, { clientId: `pub-${clientId}` });
    const topic = (code: string) => `${prefix}/${creditCode}/${code}`;
    const base = Date.now() - 10 * 60_000;
    try {
      const first = startWorker();
      let probeSecond = 0;
      await waitFor(
        async () => {
          await publisher.publishAsync(
            topic(probe!.code),
            JSON.stringify({ ts: base + probeSecond++ * 1000, value: 0.1 }),
            {
              qos: 1,
            },
          );
          return (await q('SELECT 1 FROM reading WHERE point_id = $1', [probe!.id])).length
            ? true
            : undefined;
        },
        30_000,
        'the worker to subscribe',
      );

      const messages = PATTERN.flatMap((value, second) =>
        streamed.map((p) => ({
          topic: topic(p.code),
          body: JSON.stringify({ ts: base + second * 1000, value }),
        })),
      );
      const half = messages.length / 2;
      await Promise.all(
        messages.slice(0, half).map((m) => publisher.publishAsync(m.topic, m.body, { qos: 1 })),
      );
      const streamedIds = streamed.map((p) => p.id);
      const storedCount = async () =>
        Number(
          (
            await q<{ n: string }>('SELECT count(*) AS n FROM reading WHERE point_id = ANY($1::uuid[])', [
              streamedIds,
            ])
          )[0]!.n,
        );
      await waitFor(async () => ((await storedCount()) > 0 ? true : undefined), 30_000, 'the first readings');
      first.kill('SIGKILL');
      await exited(first);
      const atCrash = await storedCount();
      await Promise.all(messages.slice(half).map((m) => publisher.publishAsync(m.topic, m.body, { qos: 1 })));
      expect(await storedCount()).toBe(atCrash); // nobody ingests while the worker is down

      startWorker();
      await waitFor(
        async () => ((await storedCount()) === messages.length ? true : undefined),
        60_000,
        `all ${messages.length} readings (had ${atCrash} at the crash)`,
      );
      const alarms = await q<{ point_id: string; level: string; started: string; cleared: string | null }>(
        `SELECT point_id, level, to_char(started_at AT TIME ZONE 'UTC', 'HH24:MI:SS') AS started,
                to_char(cleared_at AT TIME ZONE 'UTC', 'HH24:MI:SS') AS cleared
           FROM alarm WHERE point_id = ANY($1::uuid[]) ORDER BY point_id, started_at`,
        [streamedIds],
      );
      const hms = (second: number) => new Date(base + second * 1000).toISOString().slice(11, 19);
      const expected = [...streamedIds].sort().flatMap((id) => [
        { point_id: id, level: 'high_high', started: hms(10), cleared: hms(23) },
        { point_id: id, level: 'high', started: hms(30), cleared: hms(43) },
      ]);
      expect(alarms).toEqual(expected);
      const twice = await q(
        `SELECT entity_id, user_id FROM notification WHERE kind = 'monitoring.alarm'
          GROUP BY entity_id, user_id HAVING count(*) > 1`,
      );
      expect(twice).toEqual([]);
      const raisedAudits = await q<{ n: string }>(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'alarm.raised'`,
      );
      expect(Number(raisedAudits[0]!.n)).toBe(expected.length);
    } finally {
      await publisher.endAsync();
    }
  });
});
