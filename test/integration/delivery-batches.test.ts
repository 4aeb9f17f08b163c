import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Db } from '../../server/src/database/db.js';
import { NotificationSmsStore } from '../../server/src/notifications/notification-sms.store.js';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * The send path's claims, outcomes and status callbacks share statements across concurrent
 * callers. Batched, each caller must still get exactly the outcome it would have got alone: one
 * claim of an attempt wins, statuses of one send are taken in the order they came and never move
 * it back, and a call made inside a transaction stays in it.
 */
describe('batched delivery writes', () => {
  let t: TestApp;
  let store: NotificationSmsStore;
  let db: Db;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
    store = t.get(NotificationSmsStore);
    db = t.get(Db);
  }, 60_000);
  afterAll(() => t?.close());

  async function texts(count: number): Promise<string[]> {
    n += 1;
    return store.create({
      deliveryKey: `batch-test-${n}`,
      kind: 'test',
      entity: null,
      entityId: null,
      to: Array.from({ length: count }, (_, i) => ({
        phone: `+86139${String(n).padStart(2, '0')}${String(i).padStart(6, '0')}`,
        userId: null,
        name: `R${i}`,
        body: 'x',
      })),
    });
  }

  const row = async (id: string) =>
    (
      (await t.db.query('SELECT status, attempts, provider_sid FROM notification_sms WHERE id = $1', [
        id,
      ])) as { status: string; attempts: number; provider_sid: string | null }[]
    )[0]!;

  it('lets exactly one of many simultaneous claims of an attempt win', async () => {
    const [id] = await texts(1);
    const claims = await Promise.all(Array.from({ length: 20 }, () => store.claim(id!, 0, 20_000, 'twilio')));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(claims[0]).toBe(true);
    expect(await row(id!)).toMatchObject({ status: 'sending', attempts: 1 });
    // The next attempt is claimed from the one now recorded, not from the one read before.
    expect(await store.claim(id!, 0, 20_000, 'twilio')).toBe(false);
    expect(await store.claim(id!, 1, 20_000, 'twilio')).toBe(true);
  });

  it('claims and accepts hundreds of sends at once, each its own', async () => {
    const ids = await texts(300);
    expect((await Promise.all(ids.map((id) => store.claim(id, 0, 20_000, 'twilio')))).every(Boolean)).toBe(
      true,
    );
    await Promise.all(
      ids.map((id, i) => store.accepted(id, { sid: `SM-batch-${i}`, status: 'queued' }, true)),
    );
    const rows = (await t.db.query(
      'SELECT id, status, provider_sid FROM notification_sms WHERE id = ANY($1::uuid[])',
      [ids],
    )) as { id: string; status: string; provider_sid: string }[];
    expect(rows).toHaveLength(300);
    for (const r of rows) {
      expect(r.status).toBe('queued');
      expect(r.provider_sid).toBe(`SM-batch-${ids.indexOf(r.id)}`);
    }
  });

  it('takes the statuses of one send in the order they came, never backwards', async () => {
    const [a, b] = await texts(2);
    for (const id of [a!, b!]) {
      await store.claim(id, 0, 20_000, 'twilio');
      await store.accepted(id, { sid: `SM-${id}`, status: 'queued' }, true);
    }
    // In one batch: `a` is delivered, then a late `sent` and a contradicting `failed` arrive;
    // `b` goes forwards twice.
    await Promise.all([
      store.report(a!, { status: 'delivered', sid: null, errorCode: null }),
      store.report(a!, { status: 'sent', sid: null, errorCode: null }),
      store.report(a!, { status: 'failed', sid: null, errorCode: 30003 }),
      store.report(b!, { status: 'sent', sid: null, errorCode: null }),
      store.report(b!, { status: 'delivered', sid: null, errorCode: null }),
    ]);
    expect((await row(a!)).status).toBe('delivered');
    expect((await row(b!)).status).toBe('delivered');
    // The contradicting end is kept in the audit log, once.
    const notTaken = (await t.db.query(
      `SELECT after FROM audit_log WHERE action = 'notification_sms.status_not_taken' AND entity_id = $1`,
      [a],
    )) as { after: { reported: string } }[];
    expect(notTaken.map((r) => r.after.reported)).toEqual(['failed']);
    // The send's own answer, coming after the callbacks, does not undo them.
    await store.accepted(b!, { sid: `SM-${b}`, status: 'queued' }, true);
    expect((await row(b!)).status).toBe('delivered');
  });

  it("finds a send by the provider's id where the provider's receipts name it by that alone", async () => {
    const [byTencent, byTwilio, statusFirst] = await texts(3);
    await store.claim(byTencent!, 0, 20_000, 'tencent');
    await store.accepted(byTencent!, { sid: 'tencent-serial-1', status: 'queued' }, true);
    await store.claim(byTwilio!, 0, 20_000, 'twilio');
    await store.accepted(byTwilio!, { sid: `SM-${byTwilio}`, status: 'queued' }, true);
    expect(await store.idBySid('tencent', 'tencent-serial-1')).toBe(byTencent);
    expect(await store.idBySid('tencent', `SM-${byTwilio}`)).toBeNull();
    // Twilio's callbacks name Muster's own id: its ids are kept, and never looked up.
    expect((await row(byTwilio!)).provider_sid).toBe(`SM-${byTwilio}`);
    await expect(store.idBySid('twilio', `SM-${byTwilio}`)).rejects.toThrow(/not found by their id/);
    // A receipt that comes before the send's own answer leaves the send findable too.
    await store.claim(statusFirst!, 0, 20_000, 'tencent');
    await store.report(statusFirst!, { status: 'delivered', sid: 'tencent-serial-2', errorCode: null });
    expect(await store.idBySid('tencent', 'tencent-serial-2')).toBe(statusFirst);
  });

  it('holds a statement with a window open for the calls that come within it', async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const statements = (lingerMs?: number) => {
      const seen: number[][] = [];
      const load = db.batched<number, number>(
        (keys) => {
          seen.push([...keys]);
          return Promise.resolve(keys.map((k) => k * 2));
        },
        { inFlight: 2, maxBatch: 500, lingerMs },
      );
      return { seen, load };
    };
    // Calls 25 ms apart: without a window each goes alone; with one of 250 ms they share it.
    for (const [lingerMs, expected] of [
      [undefined, [[1], [2], [3]]],
      [250, [[1, 2, 3]]],
    ] as const) {
      const { seen, load } = statements(lingerMs);
      const answers = Promise.all([load(1), sleep(25).then(() => load(2)), sleep(50).then(() => load(3))]);
      expect(await answers).toEqual([2, 4, 6]);
      expect(seen).toEqual(expected);
    }
  });

  it('keeps a call made inside a transaction in that transaction', async () => {
    const [id] = await texts(1);
    await expect(
      db.transaction(async () => {
        expect(await store.claim(id!, 0, 20_000, 'twilio')).toBe(true);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await row(id!)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('runs statements asked for at once inside a transaction one after another, in the order asked', async () => {
    const queued: number[] = [];
    const results = await db.transaction(async () => {
      await db.manager.query('CREATE TEMP TABLE seen (n int) ON COMMIT DROP');
      // The transaction takes its connection with its first statement.
      const client = (db.manager.queryRunner as unknown as { databaseConnection: { queryQueue: unknown[] } })
        .databaseConnection;
      // Writes and reads asked for together: each read sees the writes asked for before it.
      return Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const answer = (
            i % 2
              ? db.manager.query('SELECT count(*)::int AS n FROM seen')
              : db.manager.query('INSERT INTO seen VALUES ($1) RETURNING n', [i])
          ) as Promise<{ n: number }[]>;
          const [row] = await answer;
          // pg's own queue on the connection (deprecated, refused by pg 9) stays empty.
          queued.push(client.queryQueue.length);
          return row!.n;
        }),
      );
    });
    expect(queued.every((n) => n === 0)).toBe(true);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? (i + 1) / 2 : i)));
  });
});
