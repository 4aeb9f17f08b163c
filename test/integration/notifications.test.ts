import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import sharp from 'sharp';
import { io, type Socket } from 'socket.io-client';
import type { NotificationPush, NotificationView, Role } from '@muster/contracts';
import { RequestContext } from '../../server/src/common/request-context.js';
import { Db } from '../../server/src/database/db.js';
import { IncidentService } from '../../server/src/incidents/incident.service.js';
import { JobQueue } from '../../server/src/jobs/job-queue.service.js';
import { QueueName } from '../../server/src/jobs/job.types.js';
import { NotificationService } from '../../server/src/notifications/notification.service.js';
import { type CalloutStack, startCalloutStack, waitFor } from '../support/callouts.js';
import { incidentReport } from '../support/incidents.js';
import { bootWorker } from '../support/worker.js';

/**
 * The notification centre's API: every kind worded in the reader's language, each user's own
 * inbox only, SMS as each user chose (urgent kinds whatever they chose), and the live push to a
 * user's open consoles from the worker as from the server.
 */
describe('notifications', () => {
  let s: CalloutStack;
  let sql: pg.Client;
  const phones = { commander: '+8613912345601', inspector: '+8613912345602' };

  const auth = async (role: Role | 'officer2') => ({ Authorization: `Bearer ${await s.t.token(role)}` });

  async function inbox(role: Role, lang = 'zh-CN', query = 'pageSize=100') {
    const res = await s.t.http
      .get(`/api/notifications?${query}`)
      .set(await auth(role))
      .set('Accept-Language', lang);
    expect(res.status).toBe(200);
    return res.body as { items: NotificationView[]; total: number; unread: number };
  }

  const texts = (number: string) =>
    (s.emulator.messages({ to: number }) as unknown as { body: string }[]).map((m) => m.body);

  async function file(title: string, overrides: Record<string, unknown> = {}) {
    const res = await s.t.http
      .post('/api/incidents')
      .set(await auth('enterprise_officer'))
      .send(incidentReport({ title, ...overrides }));
    expect(res.status).toBe(201);
    return res.body as { id: string; severity: string };
  }

  beforeAll(async () => {
    s = await startCalloutStack();
    sql = new pg.Client({ connectionString: s.t.db.url });
    await sql.connect();
    // The commander reads English, the inspector Chinese: each one's directory entry says so.
    for (const [role, language] of [
      ['commander', 'en'],
      ['inspector', 'zh-CN'],
    ] as const) {
      const me = await s.t.http.get('/api/auth/me').set(await auth(role));
      // The demo directory may link the account already (the commander is paged as one): that
      // entry gets the test's number and language, as an account has one directory entry.
      const { rows } = await sql.query<{ id: string }>('SELECT id FROM contact WHERE user_id = $1', [
        me.body.id,
      ]);
      const linked = rows[0]
        ? await s.t.http
            .patch(`/api/contacts/${rows[0].id}`)
            .set(await auth('zone_admin'))
            .send({ phones: [phones[role]], language })
        : await s.t.http
            .post('/api/contacts')
            .set(await auth('zone_admin'))
            .send({
              name: me.body.name,
              organization: '园区管委会',
              post: role,
              phones: [phones[role]],
              language,
              userId: me.body.id,
            });
      expect([200, 201]).toContain(linked.status);
    }
  }, 60_000);

  afterAll(async () => {
    await s?.t.get(JobQueue).queue(QueueName.Deliveries).obliterate({ force: true });
    await sql?.end();
    await s?.close();
  });

  it('tells the zone of a filed incident and of a raised grade, worded in each reader’s language', async () => {
    // The duty policy decides who is paged for a filing; a zone user who wants every filing by
    // text as well asks for it.
    const wantFilings = async (role: Role, smsKinds: string[]) => {
      const res = await s.t.http
        .put('/api/notifications/preferences')
        .set(await auth(role))
        .send({ quiet: false, smsKinds });
      expect(res.status).toBe(200);
      expect(res.body.smsKinds).toEqual(smsKinds);
    };
    await wantFilings('commander', ['incident.filed']);
    await wantFilings('inspector', ['incident.filed']);
    const incident = await file('液氨管线法兰泄漏');
    expect(incident.severity).toBe('ordinary');

    const zh = (await inbox('commander', 'zh-CN')).items.find((n) => n.entityId === incident.id)!;
    expect(zh).toMatchObject({
      kind: 'incident.filed',
      urgent: true,
      entity: 'incident',
      title: '新事故报告：液氨管线法兰泄漏',
      readAt: null,
    });
    expect(zh.body).toContain('一般事故 · 危险化学品泄漏');
    const en = (await inbox('commander', 'en-US,en;q=0.9')).items.find((n) => n.id === zh.id)!;
    expect(en.title).toBe('New incident reported: 液氨管线法兰泄漏');
    expect(en.body).toContain('Ordinary · Hazardous chemical leak');
    expect(en.params).toMatchObject({ severity: 'ordinary', category: 'hazardous_chemical_leak' });

    // Inspectors and the zone admin hear of it too; the officer who filed it does not.
    for (const role of ['inspector', 'zone_admin'] as const) {
      expect((await inbox(role)).items.some((n) => n.entityId === incident.id)).toBe(true);
    }
    expect((await inbox('enterprise_officer')).items.some((n) => n.entityId === incident.id)).toBe(false);

    // Asked for: out by SMS as well, each text in its reader's language.
    await waitFor(
      () => (texts(phones.commander).some((b) => b.includes('液氨管线法兰泄漏')) ? true : undefined),
      10_000,
      'the commander’s text',
    );
    expect(texts(phones.commander).find((b) => b.includes('液氨管线法兰泄漏'))).toMatch(
      /^New incident reported: 液氨管线法兰泄漏\n/,
    );
    await waitFor(
      () => (texts(phones.inspector).some((b) => b.includes('液氨管线法兰泄漏')) ? true : undefined),
      10_000,
      'the inspector’s text',
    );
    expect(texts(phones.inspector).find((b) => b.includes('液氨管线法兰泄漏'))).toMatch(
      /^新事故报告：液氨管线法兰泄漏\n/,
    );

    // Three dead: the supplementary report raises the grade, and the zone is told again.
    const supplement = await s.t.http
      .post(`/api/incidents/${incident.id}/reports`)
      .set(await auth('enterprise_officer'))
      .send({
        casualties: { deaths: 3, missing: 0, seriousInjuries: 1, minorInjuries: 3 },
        directLossCny: 200_000,
        summary: '搜救发现三名遇难人员',
      });
    expect(supplement.status).toBe(201);
    const regraded = (await inbox('commander', 'en')).items.find(
      (n) => n.entityId === incident.id && n.kind === 'incident.regraded',
    )!;
    expect(regraded.title).toBe('Incident grade raised: 液氨管线法兰泄漏');
    expect(regraded.body).toMatch(/: Ordinary → Relatively serious$/);
    const regradedZh = (await inbox('commander', 'zh-CN')).items.find((n) => n.id === regraded.id)!;
    expect(regradedZh.body).toMatch(/：一般事故 → 较大事故$/);

    // A drill's simulated report alerts nobody's inbox as if it were real.
    const before = (await inbox('commander')).total;
    const drill = await s.t
      .get(RequestContext)
      .runAsSystem('drill', () =>
        s.t.get(IncidentService).file(incidentReport({ title: '演练：储罐区火灾' }), { isDrill: true }),
      );
    expect(drill.isDrill).toBe(true);
    expect((await inbox('commander')).total).toBe(before);
    await wantFilings('inspector', []);
  });

  it('answers another user’s notification as not found, and keeps the unread count', async () => {
    const mine = (await inbox('commander')).items[0]!;
    const other = await s.t.http.post(`/api/notifications/${mine.id}/read`).set(await auth('inspector'));
    expect(other.status).toBe(404);
    expect((await inbox('commander')).items[0]!.readAt).toBeNull();

    const { unread } = await inbox('commander');
    const read = await s.t.http
      .post(`/api/notifications/${mine.id}/read`)
      .set(await auth('commander'))
      .set('Accept-Language', 'en');
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect(read.body.title).toMatch(/^(New incident reported|Incident grade raised): /);
    expect((await inbox('commander')).unread).toBe(unread - 1);

    const filtered = await inbox('commander', 'zh-CN', 'kind=incident.regraded&unread=true');
    expect(filtered.items.every((n) => n.kind === 'incident.regraded' && n.readAt === null)).toBe(true);
    const badKind = await s.t.http.get('/api/notifications?kind=nope').set(await auth('commander'));
    expect(badKind.status).toBe(400);

    const all = await s.t.http.post('/api/notifications/read-all').set(await auth('commander'));
    expect(all.status).toBe(200);
    expect((await inbox('commander')).unread).toBe(0);
  });

  it('texts a non-urgent kind only to a user who asked for it and is not quiet; urgent kinds always', async () => {
    const officer = await auth('enterprise_officer');
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a3' } })
      .png()
      .toBuffer();
    const submitHazard = async (place: string) => {
      const h = await s.t.http.post('/api/hazards').set(officer).send({
        place,
        category: 'fire',
        description: '消防通道堆放杂物',
        level: 'general',
        source: 'self_inspection',
        measures: '清理杂物并划线',
        responsiblePerson: '贺军',
        funds: '200',
        deadline: '2099-12-31',
      });
      expect(h.status).toBe(201);
      await s.t.http
        .post(`/api/hazards/${h.body.id}/transitions`)
        .set(officer)
        .send({ action: 'start', comment: '开始整改' });
      const photo = await s.t.http.post('/api/files').set(officer).attach('file', png, '整改照片.png');
      const submitted = await s.t.http
        .post(`/api/hazards/${h.body.id}/transitions`)
        .set(officer)
        .send({ action: 'submit', comment: '已清理', photoIds: [photo.body.id] });
      expect(submitted.status).toBe(200);
      return h.body.code as string;
    };
    const inspector = await auth('inspector');

    // Default: a non-urgent kind stays in the app.
    expect((await s.t.http.get('/api/notifications/preferences').set(inspector)).body).toEqual({
      quiet: false,
      smsKinds: [],
    });
    const quietByDefault = await submitHazard('一号仓库东侧通道');

    // Asked for by SMS: it goes.
    const wants = await s.t.http
      .put('/api/notifications/preferences')
      .set(inspector)
      .send({ quiet: false, smsKinds: ['hazard.submitted', 'hazard.major_reported'] });
    expect(wants.status).toBe(200);
    // Kinds always texted always go; they are not a choice to store.
    expect(wants.body).toEqual({ quiet: false, smsKinds: ['hazard.submitted'] });
    const wanted = await submitHazard('二号仓库西侧通道');
    await waitFor(
      () => (texts(phones.inspector).some((b) => b.includes(wanted)) ? true : undefined),
      10_000,
      'the text the inspector asked for',
    );
    expect(texts(phones.inspector).find((b) => b.includes(wanted))).toMatch(/^隐患整改待验收 YH-/);

    // Quiet: in the app only, whatever was asked for, but a major hazard still goes.
    const quiet = await s.t.http
      .put('/api/notifications/preferences')
      .set(inspector)
      .send({ quiet: true, smsKinds: ['hazard.submitted'] });
    expect(quiet.status).toBe(200);
    const muted = await submitHazard('三号仓库北侧通道');
    // A filing is paged by the duty policy: a quiet user is not texted it.
    await file('二氯甲烷桶泄漏');
    const major = await s.t.http.post('/api/hazards').set(officer).send({
      place: '二氯甲烷桶库',
      category: 'hazardous_chemicals',
      description: '桶体腐蚀渗漏',
      level: 'major',
      source: 'self_inspection',
      measures: '倒桶并更换托盘',
      responsiblePerson: '贺军',
      funds: '5000',
      deadline: '2099-12-31',
      contingencyPlanRef: '危险化学品泄漏专项应急预案',
      harmAnalysis: '泄漏可致中毒，需倒桶处置',
    });
    expect(major.status).toBe(201);
    await waitFor(
      () => (texts(phones.inspector).some((b) => b.includes('二氯甲烷桶库')) ? true : undefined),
      10_000,
      'the urgent text to a quiet user',
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(
      texts(phones.inspector).filter(
        (b) => b.includes(muted) || b.includes(quietByDefault) || b.includes('二氯甲烷桶泄漏'),
      ),
    ).toEqual([]);
    // In the app all three are there.
    const codes = (await inbox('inspector')).items
      .filter((n) => n.kind === 'hazard.submitted')
      .map((n) => n.params.code);
    expect(codes).toEqual(expect.arrayContaining([quietByDefault, wanted, muted]));

    const bad = await s.t.http
      .put('/api/notifications/preferences')
      .set(inspector)
      .send({ quiet: 'yes', smsKinds: ['hazard.nope'] });
    expect(bad.status).toBe(400);
    expect(bad.body.message.join(' ')).toMatch(/quiet/);
    expect(bad.body.message.join(' ')).toMatch(/smsKinds/);
    const audit = await sql.query<{ after: { quiet: boolean } }>(
      `SELECT after FROM audit_log WHERE action = 'notification_preference.updated' ORDER BY id`,
    );
    // This test's two choices, after those the first test made.
    expect(audit.rows.map((r) => r.after.quiet).slice(-2)).toEqual([false, true]);
  });

  it('pushes a notification the worker creates to the recipient’s open console, with the unread count', async () => {
    const env = { ...s.workerEnv, LOG_LEVEL: 'silent' };
    const worker = await bootWorker(env);
    const commander = await s.t.http.get('/api/auth/me').set(await auth('commander'));
    const socket: Socket = io(`${s.t.baseUrl}/live`, {
      auth: { token: await s.t.token('commander') },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const other: Socket = io(`${s.t.baseUrl}/live`, {
      auth: { token: await s.t.token('inspector') },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    try {
      const pushes: NotificationPush[] = [];
      const elsewhere: NotificationPush[] = [];
      socket.on('notification:new', (p: NotificationPush) => pushes.push(p));
      other.on('notification:new', (p: NotificationPush) => elsewhere.push(p));
      await Promise.all(
        [socket, other].map((c) => new Promise<void>((resolve) => c.once('connect', () => resolve()))),
      );
      const { unread } = await inbox('commander');

      const db = worker.get(Db);
      await db.transaction(() =>
        worker.get(NotificationService).notify(
          { userIds: [commander.body.id as string] },
          {
            kind: 'inspection.due',
            params: { plan: '季度消防检查', who: '淮北临涣焦化', period: '2026-12-01 – 2026-12-31' },
            entity: 'inspection_plan',
            entityId: '00000000-0000-4000-8000-000000000001',
          },
        ),
      );
      const push = await waitFor(() => pushes[0], 5000, 'the live push');
      expect(push.unread).toBe(unread + 1);
      expect(push.notification).toMatchObject({
        kind: 'inspection.due',
        title: '排查任务：季度消防检查',
        entity: 'inspection_plan',
        readAt: null,
      });
      // Only the recipient's sockets hear of it.
      await new Promise((r) => setTimeout(r, 300));
      expect(elsewhere).toEqual([]);

      // Reading it (here, or in another tab) tells the console the new count.
      const reads: { ids: string[] | 'all'; unread: number }[] = [];
      socket.on('notification:read', (m: { ids: string[] | 'all'; unread: number }) => reads.push(m));
      await s.t.http.post(`/api/notifications/${push.notification.id}/read`).set(await auth('commander'));
      const read = await waitFor(() => reads[0], 5000, 'the read push');
      expect(read).toEqual({ ids: [push.notification.id], unread });
    } finally {
      socket.disconnect();
      other.disconnect();
      await worker.close();
    }
  });
});
