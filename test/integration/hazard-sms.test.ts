import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Job } from 'bullmq';
import pg from 'pg';
import { NotificationSmsSender } from '../../server/src/notifications/notification-sms.sender.js';
import { Clock } from '../../server/src/common/clock.js';
import { HazardDeadlineService } from '../../server/src/hazards/hazard-deadline.service.js';
import { ReminderScheduler } from '../../server/src/reminders/reminder-scheduler.js';
import { addDays, zoneDate } from '../../server/src/zone/zone-time.js';
import { JobQueue } from '../../server/src/jobs/job-queue.service.js';
import { JobName, QueueName } from '../../server/src/jobs/job.types.js';
import { type CalloutStack, startCalloutStack, waitFor } from '../support/callouts.js';

/**
 * Deadline reminders and overdue escalations reach people by SMS through the call-out machinery
 * (outbox, deliveries queue, Twilio SDK) against the emulator, once per number per reminder.
 */
describe('hazard reminders by SMS', () => {
  let s: CalloutStack;
  let sql: pg.Client;
  let officer: string;
  let hazardId: string;
  let code: string;
  let deadline: string;
  const phones: Record<'responsible' | 'safety' | 'legal' | 'officer', string> = {} as never;

  /**
   * The texts one number got about this test's hazard. The worker's own scan runs too; texts
   * about other hazards are not this test's business.
   */
  const texts = (number: string) =>
    (s.emulator.messages({ to: number }) as unknown as { body: string }[])
      .map((m) => m.body)
      .filter((b) => b.includes(code));
  const expectTexts = (number: string, n: number) =>
    waitFor(
      () => (texts(number).length >= n ? texts(number) : undefined),
      10_000,
      `${n} text(s) to ${number}`,
    );

  const phoneOf = async (enterpriseId: string, name: string) =>
    (
      await sql.query<{ phone: string }>(
        `SELECT phones[1] AS phone FROM contact WHERE enterprise_id = $1 AND name = $2`,
        [enterpriseId, name],
      )
    ).rows[0]!.phone;

  beforeAll(async () => {
    s = await startCalloutStack();
    sql = new pg.Client({ connectionString: s.t.db.url });
    await sql.connect();
    officer = `Bearer ${await s.t.token('enterprise_officer')}`;
    const me = await s.t.http.get('/api/auth/me').set('Authorization', officer);
    const enterpriseId = me.body.enterpriseId as string;
    const e = (
      await sql.query<{ safety_lead: string; legal_representative: string }>(
        `SELECT safety_lead, legal_representative FROM enterprise WHERE id = $1`,
        [enterpriseId],
      )
    ).rows[0]!;
    // The officer's own number, through a directory contact linked to the account.
    const admin = `Bearer ${await s.t.token('zone_admin')}`;
    const linked = await s.t.http
      .post('/api/contacts')
      .set('Authorization', admin)
      .send({
        enterpriseId,
        name: '值班安全员',
        organization: '企业安全部',
        post: '安全员',
        phones: ['+8613912340001'],
        userId: me.body.id,
      });
    expect(linked.status).toBe(201);
    phones.officer = linked.body.phones[0];
    phones.responsible = await phoneOf(enterpriseId, '贺军');
    phones.safety = await phoneOf(enterpriseId, e.safety_lead);
    phones.legal = await phoneOf(enterpriseId, e.legal_representative);

    deadline = addDays(zoneDate(new Date(), 'Asia/Shanghai'), 1);
    const created = await s.t.http.post('/api/hazards').set('Authorization', officer).send({
      place: '气防站空气呼吸器柜',
      category: 'fire',
      description: '空气呼吸器气瓶压力不足',
      level: 'general',
      source: 'self_inspection',
      measures: '充装气瓶并建立每周点检',
      responsiblePerson: '贺军',
      funds: '1200',
      deadline,
    });
    expect(created.status).toBe(201);
    hazardId = created.body.id;
    code = created.body.code;
  });

  afterAll(async () => {
    await s?.t.get(JobQueue).queue(QueueName.Deliveries).obliterate({ force: true });
    await sql?.end();
    await s?.close();
  });

  const rows = async () =>
    (
      await sql.query<{ id: string; phone: string; status: string; kind: string }>(
        `SELECT id, phone, status, kind FROM notification_sms WHERE entity_id = $1 ORDER BY created_at, phone`,
        [hazardId],
      )
    ).rows;

  it('texts the person responsible, the safety lead and the officer once, however often the job runs', async () => {
    const queues = s.t.get(JobQueue);
    // The one-day reminder is owed now: the worker's reminder scan sends it.
    const [reminder] = await s.t.get(HazardDeadlineService).owedFor(hazardId, new Date());
    expect(reminder).toMatchObject({ kind: 'hazard.due_in_1_day', stage: 'due_in_1_day', deadline });
    await queues.add(JobName.ReminderScan, {});

    for (const p of [phones.responsible, phones.safety, phones.officer]) {
      const [body] = await expectTexts(p, 1);
      expect(body).toContain('隐患整改明日到期');
      expect(body).toContain(`整改时限 ${deadline}，责任人 贺军`);
    }
    // Status callbacks come back signed and move each text on to delivered.
    await waitFor(
      async () => ((await rows()).every((r) => r.status === 'delivered') ? true : undefined),
      10_000,
      'every text delivered',
    );
    expect((await rows()).map((r) => r.kind)).toEqual(Array(3).fill('hazard.due_in_1_day'));

    // The same reminder again: by another scan, directly (the claims are taken), and a send job
    // run again for a text that went out.
    await queues.add(JobName.ReminderScan, {});
    expect(await s.t.get(ReminderScheduler).send('hazard', reminder!)).toBe(false);
    const sender = s.t.get(NotificationSmsSender);
    for (const r of await rows()) await sender.send({ smsId: r.id }, {} as Job);

    // A send whose request may still be in flight in another worker is left alone, not sent again.
    const first = (await rows())[0]!;
    await sql.query(
      `UPDATE notification_sms SET status = 'sending', sending_since = now(), provider_sid = NULL,
              in_flight_until = now() + interval '20 seconds' WHERE id = $1`,
      [first.id],
    );
    await expect(sender.send({ smsId: first.id }, {} as Job)).rejects.toThrow('still under way');
    // A worker that died between the provider's answer and recording it: once its lease has run
    // out, the retry finds the text at the provider and adopts it instead of sending it again.
    await sql.query(
      `UPDATE notification_sms SET in_flight_until = now() - interval '1 second' WHERE id = $1`,
      [first.id],
    );
    await sender.send({ smsId: first.id }, {} as Job);
    const adopted = (await rows()).find((r) => r.id === first.id)!;
    expect(adopted.status).not.toBe('sending');

    await new Promise((r) => setTimeout(r, 1000));
    for (const p of [phones.responsible, phones.safety, phones.officer]) expect(texts(p)).toHaveLength(1);
    expect(texts(phones.legal)).toEqual([]);
    expect(await rows()).toHaveLength(3);
  });

  it('escalates an overdue hazard by SMS to the legal representative too, and skips numbers that said STOP', async () => {
    await sql.query(`INSERT INTO sms_opt_out (phone) VALUES ($1)`, [phones.safety]);
    // Five minutes into the day after the deadline, in the zone.
    const spy = jest
      .spyOn(s.t.get(Clock), 'now')
      .mockReturnValue(new Date(`${addDays(deadline, 1)}T00:05:00+08:00`));
    try {
      await s.t.get(JobQueue).add(JobName.ReminderScan, {});
      for (const p of [phones.responsible, phones.legal, phones.officer]) {
        const all = await expectTexts(p, p === phones.legal ? 1 : 2);
        expect(all.at(-1)).toContain('隐患整改已逾期');
      }
    } finally {
      spy.mockRestore();
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(texts(phones.responsible)).toHaveLength(2);
    expect(texts(phones.officer)).toHaveLength(2);
    expect(texts(phones.legal)).toHaveLength(1);
    // The safety lead answered STOP after the first reminder.
    expect(texts(phones.safety)).toHaveLength(1);
    const audit = await sql.query<{ after: { stage: string; contacts: string[] } }>(
      `SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'reminder.sent' ORDER BY id`,
      [hazardId],
    );
    expect(audit.rows.map((r) => r.after.stage)).toEqual(['due_in_1_day', 'overdue']);
  });
});
