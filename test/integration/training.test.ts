import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import pg from 'pg';
import sharp from 'sharp';
import {
  type NotificationKind,
  type TrainingPersonView,
  trainingIndustryOf,
  trainingStatus,
} from '@muster/contracts';
import { Clock } from '../../server/src/common/clock.js';
import { SIGN_IN_FAILURES } from '../../server/src/training/sign-in-throttle.js';
import { ReminderScheduler } from '../../server/src/reminders/reminder-scheduler.js';
import { zoneDate } from '../../server/src/zone/zone-time.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { restartedWorker } from '../support/worker.js';
import { REDIS_URL } from '../support/env.js';

const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('training, certificates and their reminders', () => {
  let t: TestApp;
  let sql: pg.Client;
  let admin: string;
  let officer: string;
  let officer2: string;
  let officerId: string;
  let enterpriseId: string;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    admin = await t.token('zone_admin');
    officer = await t.token('enterprise_officer');
    officer2 = await t.token('officer2');
    const me = await t.login('officer1@muster.test');
    officerId = me.user.id;
    enterpriseId = me.user.enterpriseId!;
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await worker?.close();
    await sql?.end();
    await t?.close();
  });

  const contact = async (name: string, phone: string, certifications: unknown[] = []) => {
    const res = await t.http
      .post('/api/contacts')
      .set(auth(officer))
      .send({ name, organization: '安全部', post: '安全员', phones: [phone], certifications });
    expect(res.status).toBe(201);
    return res.body as { id: string; certifications: { expiresOn: string | null }[] };
  };

  /** In-app notifications of one kind about one record to the officer. */
  const mine = async (kind: NotificationKind, entityId: string) =>
    (
      await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notification WHERE kind = $1 AND entity_id = $2 AND user_id = $3`,
        [kind, entityId, officerId],
      )
    ).rows[0]!.n;

  let shortPerson: string;

  it('counts a sign-in by the session link toward the person’s year, once', async () => {
    const person = await contact('培训测试张工', '+8613900770001');
    shortPerson = person.id;
    const profile = await t.http
      .put(`/api/training/people/${person.id}`)
      .set(auth(officer))
      .send({ role: 'safety_manager', startedOn: '2019-05-01' });
    expect(profile.status).toBe(200);

    const session = await t.http.post('/api/training/sessions').set(auth(officer)).send({
      kind: 'class',
      title: '年度安全管理人员再培训',
      trainer: '王工',
      startsAt: new Date().toISOString(),
      hours: 8,
      content: '安全生产法；事故案例',
    });
    expect(session.status).toBe(201);
    const token = (session.body.signInPath as string).split('/').pop()!;

    const info = await t.http.get(`/api/training-sign-in/${token}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ title: '年度安全管理人员再培训', hours: 8 });

    const unknown = await t.http.post(`/api/training-sign-in/${token}`).send({ phone: '+8613900779999' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toEqual([expect.stringMatching(/^phone: /)]);

    const signed = await t.http.post(`/api/training-sign-in/${token}`).send({ phone: '13900770001' });
    expect(signed.status).toBe(200);
    expect(signed.body).toEqual({ contactName: '培训测试张工', hours: 8, already: false });
    const again = await t.http.post(`/api/training-sign-in/${token}`).send({ phone: '+8613900770001' });
    expect(again.body.already).toBe(true);

    const ent = await t.http.get(`/api/enterprises/${enterpriseId}`).set(auth(officer));
    const year = Number(zoneDate(new Date(), 'Asia/Shanghai').slice(0, 4));
    const record = await t.http.get(`/api/training/people/${person.id}`).set(auth(officer));
    expect(record.status).toBe(200);
    const body = record.body as TrainingPersonView & { attendance: { method: string; hours: number }[] };
    expect(body.attendance).toEqual([expect.objectContaining({ method: 'link', hours: 8 })]);
    expect(body.status).toEqual(
      trainingStatus({
        role: 'safety_manager',
        industry: trainingIndustryOf(ent.body.evaluationCategory),
        startedOn: '2019-05-01',
        year,
        hours: 8,
        today: zoneDate(new Date(), 'Asia/Shanghai'),
      }),
    );
    expect(body.status.state).toBe('short');

    // The session is the officer's enterprise's: another enterprise does not see it.
    const other = await t.http.get(`/api/training/sessions/${session.body.id}`).set(auth(officer2));
    expect(other.status).toBe(404);
  });

  it('lets the organiser record attendance, once per person and no more than the session’s hours', async () => {
    const person = await contact('培训测试李工', '+8613900770002');
    const session = await t.http.post('/api/training/sessions').set(auth(officer)).send({
      kind: 'lecture',
      title: '消防知识讲座',
      trainer: '消防大队',
      startsAt: '2031-05-10T09:00:00+08:00',
      hours: 2,
    });
    expect(session.status).toBe(201);
    // Its sign-in opens two hours before it starts, not years ahead.
    const early = await t.http
      .post(`/api/training-sign-in/${(session.body.signInPath as string).split('/').pop()}`)
      .send({ phone: '+8613900770002' });
    expect(early.status).toBe(400);
    expect(early.body.message).toEqual([expect.stringMatching(/^token: /)]);
    const url = `/api/training/sessions/${session.body.id}/attendance`;
    const tooMany = await t.http.post(url).set(auth(officer)).send({ contactId: person.id, hours: 3 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toEqual([expect.stringMatching(/^hours: /)]);
    const ok = await t.http.post(url).set(auth(officer)).send({ contactId: person.id, hours: 1.5 });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ method: 'organiser', hours: 1.5, contactName: '培训测试李工' });
    const twice = await t.http.post(url).set(auth(officer)).send({ contactId: person.id });
    expect(twice.status).toBe(409);
    const detail = await t.http.get(`/api/training/sessions/${session.body.id}`).set(auth(officer));
    expect(detail.body.attendance).toHaveLength(1);
    expect(detail.body.attendeeCount).toBe(1);
  });

  it('corrects a session: whole-session credits follow its hours, partial ones stay, none exceeds it', async () => {
    const whole = await contact('培训测试赵工', '+8613900770011');
    const part = await contact('培训测试钱工', '+8613900770012');
    const session = await t.http.post('/api/training/sessions').set(auth(officer)).send({
      kind: 'class',
      title: '危化品安全管理培训',
      trainer: '园区安监局',
      startsAt: '2031-06-10T09:00:00+08:00',
      hours: 4,
    });
    expect(session.status).toBe(201);
    const id = session.body.id as string;
    const url = `/api/training/sessions/${id}/attendance`;
    expect((await t.http.post(url).set(auth(officer)).send({ contactId: whole.id })).status).toBe(201);
    expect((await t.http.post(url).set(auth(officer)).send({ contactId: part.id, hours: 2 })).status).toBe(
      201,
    );
    const hoursOf = async () =>
      Object.fromEntries(
        (
          (await t.http.get(`/api/training/sessions/${id}`).set(auth(officer))).body.attendance as {
            contactName: string;
            hours: number;
          }[]
        ).map((a) => [a.contactName, a.hours]),
      );

    // The class ran six hours, not four: those credited the whole session get six.
    const longer = await t.http
      .patch(`/api/training/sessions/${id}`)
      .set(auth(officer))
      .send({ hours: 6, title: '危化品安全管理培训（第一期）' });
    expect(longer.status).toBe(200);
    expect(longer.body).toMatchObject({ hours: 6, title: '危化品安全管理培训（第一期）', attendeeCount: 2 });
    expect(await hoursOf()).toEqual({ 培训测试赵工: 6, 培训测试钱工: 2 });
    // Cut to 1.5 hours: nobody keeps more than the session lasted.
    await t.http.patch(`/api/training/sessions/${id}`).set(auth(officer)).send({ hours: 1.5 });
    expect(await hoursOf()).toEqual({ 培训测试赵工: 1.5, 培训测试钱工: 1.5 });

    const audit = await sql.query<{ before: { hours: number }; after: { hours: number } }>(
      `SELECT before, after FROM audit_log WHERE action = 'training_session.updated' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.rows.map((r) => [r.before.hours, r.after.hours])).toEqual([
      [4, 6],
      [6, 1.5],
    ]);

    // Slides handed out afterwards are added to the session and listed with it.
    const slides = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c63' } })
      .png()
      .toBuffer();
    const upload = await t.http.post('/api/files').set(auth(officer)).attach('file', slides, '课件.png');
    expect(upload.status).toBe(201);
    const withSlides = await t.http
      .patch(`/api/training/sessions/${id}`)
      .set(auth(officer))
      .send({ materialFileIds: [upload.body.id] });
    expect(withSlides.body.materialFileIds).toEqual([upload.body.id]);
    const detail = await t.http.get(`/api/training/sessions/${id}`).set(auth(officer));
    expect(detail.body.materials).toEqual([
      expect.objectContaining({ id: upload.body.id, name: '课件.png' }),
    ]);

    // Bad corrections name the field; another enterprise's officer cannot touch it.
    const bad = await t.http.patch(`/api/training/sessions/${id}`).set(auth(officer)).send({ kind: 'drill' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual([expect.stringMatching(/^drillRunId: /)]);
    const nullTitle = await t.http
      .patch(`/api/training/sessions/${id}`)
      .set(auth(officer))
      .send({ title: null });
    expect(nullTitle.status).toBe(400);
    const foreign = await t.http.patch(`/api/training/sessions/${id}`).set(auth(officer2)).send({ hours: 2 });
    expect(foreign.status).toBe(404);

    // Attended sessions stay on people's records; an empty one can be taken back.
    const attended = await t.http.delete(`/api/training/sessions/${id}`).set(auth(officer));
    expect(attended.status).toBe(409);
    const empty = await t.http.post('/api/training/sessions').set(auth(officer)).send({
      kind: 'lecture',
      title: '取消的讲座',
      trainer: '园区安监局',
      startsAt: '2031-06-20T09:00:00+08:00',
      hours: 1,
    });
    expect((await t.http.delete(`/api/training/sessions/${empty.body.id}`).set(auth(officer2))).status).toBe(
      404,
    );
    expect((await t.http.delete(`/api/training/sessions/${empty.body.id}`).set(auth(officer))).status).toBe(
      204,
    );
    expect((await t.http.get(`/api/training/sessions/${empty.body.id}`).set(auth(officer))).status).toBe(404);
  });

  it('refuses a bad session with a 400 naming the field', async () => {
    const base = { kind: 'class', title: 'x', trainer: 'y', startsAt: '2031-05-10T09:00:00+08:00', hours: 2 };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...base, kind: 'seminar' }, /^kind: /],
      [{ ...base, hours: 0 }, /^hours: /],
      [{ ...base, hours: 1.25 }, /^hours: /],
      [{ ...base, kind: 'drill' }, /^drillRunId: /],
      [{ ...base, drillRunId: '00000000-0000-4000-8000-000000000000' }, /^drillRunId: /],
      [{ ...base, materialFileIds: ['00000000-0000-4000-8000-000000000000'] }, /^materialFileIds: /],
    ];
    for (const [body, field] of cases) {
      const res = await t.http.post('/api/training/sessions').set(auth(officer)).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.message).toEqual([expect.stringMatching(field)]);
    }
  });

  it('reminds the officers of a person still short 30 and 7 days before the year ends, once each', async () => {
    const year = Number(zoneDate(new Date(), 'Asia/Shanghai').slice(0, 4));
    const clock = t.get(Clock);
    const scheduler = t.get(ReminderScheduler);
    const at = async (instant: Date) => {
      jest.spyOn(clock, 'now').mockReturnValue(instant);
      await scheduler.scan(['training']);
      await scheduler.scan(['training']);
      return mine('training.hours_short', shortPerson);
    };
    expect(await at(new Date(midnight(`${year}-12-01`).getTime() - 1000))).toBe(0);
    expect(await at(midnight(`${year}-12-01`))).toBe(1);
    expect(await at(midnight(`${year}-12-23`))).toBe(1);
    expect(await at(midnight(`${year}-12-24`))).toBe(2);
    expect(await at(midnight(`${year}-12-31`))).toBe(2);
    jest.restoreAllMocks();
  });

  it('dates a special operation certificate’s review and expiry, lists it as lapsing, and reminds each once across a restart', async () => {
    const holder = await contact('特种作业测试电工', '+8613900770003', [
      { name: '特种作业操作证', number: 'T-2037-001', operationType: '电工作业', issuedOn: '2037-03-10' },
    ]);
    expect(holder.certifications[0]).toMatchObject({ expiresOn: '2043-03-10' });

    const clock = t.get(Clock);
    jest.spyOn(clock, 'now').mockReturnValue(midnight('2040-02-20'));
    const lapsing = await t.http.get('/api/training/certificates/lapsing?days=30').set(auth(admin));
    expect(lapsing.status).toBe(200);
    expect(lapsing.body).toContainEqual(
      expect.objectContaining({
        contactId: holder.id,
        operationType: '电工作业',
        next: 'review',
        reviewOn: '2040-03-10',
        expiresOn: '2043-03-10',
        daysLeft: 19,
      }),
    );
    const notYet = await t.http.get('/api/training/certificates/lapsing?days=10').set(auth(admin));
    expect(notYet.body.map((c: { contactId: string }) => c.contactId)).not.toContain(holder.id);

    const scheduler = t.get(ReminderScheduler);
    const scanAt = async (s: ReminderScheduler, c: Clock, day: string, offsetMs = 0) => {
      jest.spyOn(c, 'now').mockReturnValue(new Date(midnight(day).getTime() + offsetMs));
      await s.scan(['certificate']);
    };
    const counts = async () => ({
      due: await mine('contact.certificate_review_due', holder.id),
      overdue: await mine('contact.certificate_review_overdue', holder.id),
      expiring: await mine('contact.certificate_expiring', holder.id),
      expired: await mine('contact.certificate_expired', holder.id),
    });
    await scanAt(scheduler, clock, '2040-02-09', -1000);
    expect(await counts()).toEqual({ due: 0, overdue: 0, expiring: 0, expired: 0 });
    await scanAt(scheduler, clock, '2040-02-09');
    expect(await counts()).toEqual({ due: 1, overdue: 0, expiring: 0, expired: 0 });
    await scanAt(scheduler, clock, '2040-03-03');
    expect(await counts()).toEqual({ due: 2, overdue: 0, expiring: 0, expired: 0 });

    // Restarted: the new process's scans at the same instant and after send each stage once.
    worker = await restartedWorker(t);
    const scheduler2 = worker.get(ReminderScheduler);
    const clock2 = worker.get(Clock);
    await scanAt(scheduler2, clock2, '2040-03-03');
    expect(await counts()).toEqual({ due: 2, overdue: 0, expiring: 0, expired: 0 });
    await scanAt(scheduler2, clock2, '2040-03-11');
    await scanAt(scheduler, clock, '2040-03-11');
    expect(await counts()).toEqual({ due: 2, overdue: 1, expiring: 0, expired: 0 });

    // The review is recorded: no more review reminders; the expiry's come in their time.
    const reviewed = await t.http
      .patch(`/api/contacts/${holder.id}`)
      .set(auth(officer))
      .send({
        certifications: [
          {
            name: '特种作业操作证',
            number: 'T-2037-001',
            operationType: '电工作业',
            issuedOn: '2037-03-10',
            reviewedOn: '2040-03-12',
          },
        ],
      });
    expect(reviewed.status).toBe(200);
    await scanAt(scheduler2, clock2, '2040-04-01');
    await scanAt(scheduler, clock, '2043-02-08');
    await scanAt(scheduler2, clock2, '2043-02-08');
    expect(await counts()).toEqual({ due: 2, overdue: 1, expiring: 1, expired: 0 });
    await scanAt(scheduler, clock, '2043-03-03');
    await scanAt(scheduler2, clock2, '2043-03-03');
    expect(await counts()).toEqual({ due: 2, overdue: 1, expiring: 2, expired: 0 });
    await scanAt(scheduler2, clock2, '2043-03-11');
    await scanAt(scheduler, clock, '2043-03-11');
    expect(await counts()).toEqual({ due: 2, overdue: 1, expiring: 2, expired: 1 });
    jest.restoreAllMocks();
  }, 60_000);

  it('refuses an address that keeps giving unknown numbers, but never a class signing in together', async () => {
    // The count is per address, and every request here comes from this one: start from none.
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${t.redisPrefix}:training-sign-in-failures*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();

    const session = await t.http.post('/api/training/sessions').set(auth(officer)).send({
      kind: 'lecture',
      title: '班组长安全讲座',
      trainer: '李工',
      startsAt: new Date().toISOString(),
      hours: 2,
      content: '受限空间作业',
    });
    expect(session.status).toBe(201);
    const link = `/api/training-sign-in/${(session.body.signInPath as string).split('/').pop()}`;
    const people = ['+8613900771101', '+8613900771102', '+8613900771103'];
    for (const [i, phone] of people.entries()) await contact(`讲座学员${i + 1}`, phone);

    // A room of people on one Wi-Fi, some pressing twice: far more sign-ins than refusals allowed.
    for (let round = 0; round < 5; round++) {
      for (const phone of people) {
        expect((await t.http.post(link).send({ phone })).status).toBe(200);
      }
    }

    for (let i = 0; i < SIGN_IN_FAILURES; i++) {
      const guess = await t.http.post(link).send({ phone: `+86139007720${String(i).padStart(2, '0')}` });
      expect(guess.status).toBe(400);
    }
    const locked = await t.http.post(link).send({ phone: people[0] });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.problems).toEqual([expect.objectContaining({ code: 'training.signInLocked' })]);
  });
});
