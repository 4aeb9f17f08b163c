import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { JobQueue } from '../../server/src/jobs/job-queue.service.js';
import { JobName, QueueName } from '../../server/src/jobs/job.types.js';
import { addDays, zoneDate } from '../../server/src/zone/zone-time.js';
import { type CalloutStack, startCalloutStack, waitFor } from '../support/callouts.js';

/**
 * The demo ledger is entered back-dated, with hazards long overdue: a fresh start with the worker
 * and a provider must not text their people about all of them at once. A hazard that falls
 * overdue here is still reminded.
 */
describe('a freshly seeded demo zone', () => {
  let s: CalloutStack;
  let sql: pg.Client;

  beforeAll(async () => {
    s = await startCalloutStack();
    sql = new pg.Client({ connectionString: s.t.db.url });
    await sql.connect();
  });

  afterAll(async () => {
    const queues = s?.t.get(JobQueue);
    for (const q of [QueueName.Hazards, QueueName.Deliveries])
      await queues?.queue(q).obliterate({ force: true });
    await sql?.end();
    await s?.close();
  });

  /** One deadline scan by the worker, as its schedule runs it; what it queued. */
  async function scan(): Promise<{ sent: number }> {
    const queues = s.t.get(JobQueue);
    const id = await queues.add(JobName.ReminderScan, {});
    return waitFor(
      async () => {
        const queue = queues.queue(QueueName.Hazards);
        const job = await queue.getJob(id!);
        if (!job || !(await job.isCompleted())) return undefined;
        // Read again: the job read above may predate its completion, and with it its result.
        return (await queue.getJob(id!))?.returnvalue as { sent: number };
      },
      15_000,
      'the deadline scan',
    );
  }

  const count = async (query: string, params: unknown[] = []) =>
    (await sql.query<{ n: number }>(query, params)).rows[0]!.n;

  it('pages nobody about the ledger it was seeded with, and still reminds a hazard that falls overdue', async () => {
    // The demo ledger does have overdue hazards (else this test would prove nothing): their
    // reminders were recorded at seed time, and say so in the audit log.
    const overdue = await count(
      `SELECT count(*)::int AS n FROM hazard WHERE status <> 'closed' AND deadline < $1::date`,
      [zoneDate(new Date(), 'Asia/Shanghai')],
    );
    expect(overdue).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM reminder_claim
          WHERE entity = 'hazard' AND stage = 'overdue' AND recipient = '*' AND outcome = 'waived'`,
      ),
    ).toBe(overdue);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_log
          WHERE action = 'reminder.waived' AND entity = 'hazard' AND after->>'stage' = 'overdue'`,
      ),
    ).toBe(overdue);

    // Nor about anything else the demo zone was entered with (drills never held, resources and
    // certificates past their dates).
    expect(await scan()).toMatchObject({ sent: 0 });

    // A hazard entered now whose deadline passed yesterday: its people hear of it.
    const officer = `Bearer ${await s.t.token('enterprise_officer')}`;
    const today = zoneDate(new Date(), 'Asia/Shanghai');
    const created = await s.t.http
      .post('/api/hazards')
      .set('Authorization', officer)
      .send({
        place: '循环水泵房',
        category: 'machinery',
        description: '水泵联轴器防护罩缺失',
        level: 'general',
        source: 'self_inspection',
        measures: '加装防护罩',
        responsiblePerson: '贺军',
        funds: '500',
        foundAt: new Date(`${addDays(today, -5)}T09:00:00+08:00`).toISOString(),
        deadline: addDays(today, -1),
      });
    expect(created.status).toBe(201);
    const code = created.body.code as string;

    // Sent by this scan, or by the worker's own a moment earlier: either way once.
    await scan();
    const texts = () =>
      (s.emulator.messages() as unknown as { to: string; body: string }[]).map((m) => m.body);
    await waitFor(
      () => (texts().some((b) => b.includes(code) && b.includes('隐患整改已逾期')) ? true : undefined),
      15_000,
      'the overdue reminder by SMS',
    );
    // Every text the emulator got since the zone was seeded is about the new hazard.
    expect(texts().filter((b) => !b.includes(code))).toEqual([]);
    expect(
      await count(`SELECT count(*)::int AS n FROM notification_sms WHERE entity_id <> $1`, [created.body.id]),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'reminder.sent'`)).toBe(1);
  });
});
