import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ReportingChainView, notificationText } from '@muster/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../../server/src/common/clock.js';
import { ReminderScheduler } from '../../server/src/reminders/reminder-scheduler.js';
import { ReminderSources } from '../../server/src/reminders/reminder-sources.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';

const MIN = 60_000;

type Auth = Record<string, string>;

describe('the reporting chain (Decree 493 Art. 9–13, 29, 32; SAWS Order 21)', () => {
  let t: TestApp;
  let officer: { Authorization: string };
  let officer2: { Authorization: string };
  let commander: { Authorization: string };
  let inspector: { Authorization: string };
  let admin: { Authorization: string };
  let enterpriseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const o = await t.login('officer1@muster.test');
    enterpriseId = o.user.enterpriseId!;
    officer = { Authorization: `Bearer ${o.accessToken}` };
    officer2 = { Authorization: `Bearer ${await t.token('officer2')}` };
    commander = { Authorization: `Bearer ${await t.token('commander')}` };
    inspector = { Authorization: `Bearer ${await t.token('inspector')}` };
    admin = { Authorization: `Bearer ${await t.token('zone_admin')}` };
  });
  afterAll(() => t.close());

  const file = async (auth: Auth, body: object) => {
    const res = await t.http.post('/api/incidents').set(auth).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string; clock: { deadline: string; late: boolean; headInformedAt: string } };
  };
  const chainOf = async (id: string, auth: Auth = commander): Promise<ReportingChainView> => {
    const res = await t.http.get(`/api/incidents/${id}`).set(auth);
    expect(res.status).toBe(200);
    return res.body.chain;
  };
  const post = (id: string, path: string, auth: Auth, body: object) =>
    t.http.post(`/api/incidents/${id}/chain/${path}`).set(auth).send(body);

  it('runs the enterprise hour from the head being informed, now when the head files', async () => {
    const occurredAt = new Date(Date.now() - 90 * MIN).toISOString();
    const headInformedAt = new Date(Date.now() - 20 * MIN).toISOString();
    const told = await file(officer, incidentReport({ occurredAt, headInformedAt }));
    expect(told.clock.headInformedAt).toBe(headInformedAt);
    expect(Date.parse(told.clock.deadline) - Date.parse(headInformedAt)).toBe(60 * MIN);
    // 90 minutes after the accident, 20 after the head heard: on time.
    expect(told.clock.late).toBe(false);

    const before = Date.now();
    const head = await file(officer, incidentReport({ occurredAt, filerIsUnitHead: true }));
    expect(Date.parse(head.clock.headInformedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(head.clock.late).toBe(false);

    // Nobody said when the head heard: from the occurrence, as before, and late (迟报).
    const res = await t.http.post('/api/incidents').set(officer).send(incidentReport({ occurredAt }));
    expect(res.body.clock.late).toBe(true);
    expect(res.body.warnings).toContain('occurredAt: reported more than 1 hour after the accident (迟报)');
  });

  it('answers 400 naming the field for a head informed before the accident or in the future', async () => {
    const occurredAt = new Date(Date.now() - 30 * MIN).toISOString();
    const cases: [string, unknown][] = [
      [new Date(Date.now() - 40 * MIN).toISOString(), 'headInformedAt: lies before the occurrence'],
      [new Date(Date.now() + 60 * MIN).toISOString(), 'headInformedAt: lies in the future'],
      ['yesterday', expect.stringMatching(/^headInformedAt/)],
    ];
    for (const [headInformedAt, message] of cases) {
      const res = await t.http
        .post('/api/incidents')
        .set(officer)
        .send(incidentReport({ occurredAt, headInformedAt }));
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual([message]);
    }
    const zone = await t.http
      .post('/api/incidents')
      .set(officer)
      .send(incidentReport({ source: 'zone' }));
    expect(zone.status).toBe(400);
    expect(zone.body.message).toEqual(["source: an enterprise officer files the enterprise's own report"]);
    const nobody = await t.http
      .post('/api/incidents')
      .set(commander)
      .send(incidentReport({ source: 'zone' }));
    expect(nobody.status).toBe(400);
    expect(nobody.body.message[0]).toMatch(/^enterpriseId: required when the zone records/);
  });

  it('shows the enterprise report as missing when the zone learned of it elsewhere, until the enterprise reports', async () => {
    const occurredAt = new Date(Date.now() - 75 * MIN).toISOString();
    const learned = await file(commander, incidentReport({ enterpriseId, occurredAt, source: 'zone' }));
    expect(learned.clock.late).toBe(true);
    let chain = await chainOf(learned.id);
    expect(chain.enterpriseReport).toMatchObject({ state: 'overdue', source: 'zone', metAt: null });
    expect(chain.enterpriseReport.lateByMinutes).toBeGreaterThanOrEqual(15);

    // The zone cannot report for the enterprise; another enterprise cannot see it at all.
    expect((await post(learned.id, 'enterprise-report', commander, {})).status).toBe(403);
    expect((await post(learned.id, 'enterprise-report', officer2, {})).status).toBe(404);

    const headInformedAt = new Date(Date.now() - 50 * MIN).toISOString();
    const res = await post(learned.id, 'enterprise-report', officer, {
      headInformedAt,
      senderName: '李志强',
    });
    expect(res.status).toBe(201);
    chain = res.body;
    // Told 50 minutes ago, reported now: inside the hour after all.
    expect(chain.enterpriseReport).toMatchObject({ state: 'met', headInformedAt, lateByMinutes: 0 });
    expect((await post(learned.id, 'enterprise-report', officer, {})).status).toBe(409);

    const events = await t.http.get(`/api/incidents/${learned.id}/events?sinceSeq=0`).set(commander);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual([
      'incident.reported',
      'reporting.act_recorded',
    ]);
    const audit = await t
      .get(DataSource)
      .query(
        `SELECT action, role FROM audit_log WHERE entity_id = $1 AND action = 'incident.reporting_act'`,
        [learned.id],
      );
    expect(audit).toEqual([{ action: 'incident.reporting_act', role: 'enterprise_officer' }]);
  });

  it("records the zone's onward reports per level, with who, when, to whom, how and the document", async () => {
    // Three dead: relatively serious, up to the province through the city; the province directly too.
    const incident = await file(
      officer,
      incidentReport({ casualties: { deaths: 3, missing: 0, seriousInjuries: 0, minorInjuries: 0 } }),
    );
    let chain = await chainOf(incident.id);
    expect(chain.onward.targetLevel).toBe('province');
    expect(chain.onward.levels.map((l) => [l.level, l.state])).toEqual([
      ['city', 'owed'],
      ['province', 'owed'],
    ]);
    expect(Date.parse(chain.onward.levels[1]!.deadline!) - Date.parse(chain.onward.receivedAt)).toBe(
      240 * MIN,
    );
    expect(chain.provincialReport.state).toBe('owed');

    const pdf = await t.http
      .post('/api/files')
      .set(admin)
      .attach('file', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), '事故快报.pdf');
    expect(pdf.status).toBe(201);
    const onward = {
      level: 'city',
      recipient: '淮北市应急管理局值班室 张科长',
      channel: 'fax',
      senderName: '王主任',
      fileId: pdf.body.id,
    };
    // Enterprises and inspectors do not report for the zone.
    expect((await post(incident.id, 'onward', officer, onward)).status).toBe(403);
    expect((await post(incident.id, 'onward', inspector, onward)).status).toBe(403);
    for (const [body, field] of [
      [{ ...onward, level: 'county' }, 'level'],
      [{ ...onward, channel: 'pigeon' }, 'channel'],
      [{ ...onward, recipient: '' }, 'recipient'],
      [{ ...onward, fileId: 'x' }, 'fileId'],
      [{ ...onward, at: new Date(Date.now() + 60 * MIN).toISOString() }, 'at'],
      [{ ...onward, at: '2020-01-01T00:00:00Z' }, 'at'],
    ] as const) {
      const res = await post(incident.id, 'onward', commander, body);
      expect(res.status).toBe(400);
      expect(res.body.message.some((m: string) => m.startsWith(`${field}`))).toBe(true);
    }
    const res = await post(incident.id, 'onward', commander, onward);
    expect(res.status).toBe(201);
    chain = res.body;
    expect(chain.onward.levels[0]).toMatchObject({
      level: 'city',
      state: 'met',
      act: expect.objectContaining({ channel: 'fax', senderName: '王主任', fileId: pdf.body.id }),
    });
    expect((await post(incident.id, 'onward', commander, onward)).status).toBe(409);

    // The enterprise's direct report to the province, beside its report to the zone.
    expect((await post(incident.id, 'provincial', commander, onward)).status).toBe(403);
    const provincial = await post(incident.id, 'provincial', officer, {
      recipient: '安徽省应急管理厅值班室',
      channel: 'phone',
      senderName: '李志强',
    });
    expect(provincial.status).toBe(201);
    expect(provincial.body.provincialReport.state).toBe('met');
  });

  it('owes a 补报 the same day for a casualty change in the window, and refuses one outside it', async () => {
    const incident = await file(officer, incidentReport());
    const change = await post(incident.id, 'casualty-change', commander, {
      note: '一名重伤人员经抢救无效死亡',
    });
    expect(change.status).toBe(201);
    expect(change.body.supplements).toEqual([expect.objectContaining({ state: 'owed' })]);
    expect((await post(incident.id, 'casualty-change', commander, { note: '' })).status).toBe(400);

    const report = await t.http
      .post(`/api/incidents/${incident.id}/reports`)
      .set(officer)
      .send({
        casualties: { deaths: 1, missing: 0, seriousInjuries: 0, minorInjuries: 3 },
        directLossCny: 200_000,
        summary: '一名重伤人员死亡',
      });
    expect(report.status).toBe(201);
    const chain = await chainOf(incident.id);
    expect(chain.supplements[0]!.state).toBe('met');
    expect(chain.followUp).toMatchObject({ reports: 1, state: 'owed', intervalHours: 24 });

    // A fire 40 days ago: its 7-day window is long closed.
    const old = await t.http
      .post('/api/incidents')
      .set(officer)
      .send(
        incidentReport({
          category: 'fire',
          occurredAt: new Date(Date.now() - 40 * 24 * 60 * MIN).toISOString(),
        }),
      );
    const late = await post(old.body.id, 'casualty-change', commander, { note: '一人死亡' });
    expect(late.status).toBe(400);
    expect(late.body.message[0]).toMatch(/^at: after the supplementary window/);
  });

  it('tracks the investigation: extension with reason and approver, report, reply closing the file', async () => {
    const incident = await file(officer, incidentReport());
    expect((await post(incident.id, 'investigation/reply', commander, {})).status).toBe(409);
    for (const [body, field] of [
      [{ days: 61, reason: '需补充技术鉴定', approver: '区政府' }, 'days'],
      [{ days: 30, reason: '', approver: '区政府' }, 'reason'],
      [{ days: 30, reason: '需补充技术鉴定' }, 'approver'],
    ] as const) {
      const res = await post(incident.id, 'investigation/extension', commander, body);
      expect(res.status).toBe(400);
      expect(res.body.message.some((m: string) => m.startsWith(field))).toBe(true);
    }
    expect((await post(incident.id, 'investigation/extension', officer, {})).status).toBe(403);
    const before = await chainOf(incident.id);
    const ext = await post(incident.id, 'investigation/extension', commander, {
      days: 30,
      reason: '需补充技术鉴定',
      approver: '杜集区人民政府',
    });
    expect(ext.status).toBe(201);
    expect(
      Date.parse(ext.body.investigation.report.deadline) - Date.parse(before.investigation.report.deadline!),
    ).toBe(30 * 24 * 60 * MIN);
    expect((await post(incident.id, 'investigation/report', commander, {})).status).toBe(201);
    const reply = await post(incident.id, 'investigation/reply', commander, { note: '同意调查报告' });
    expect(reply.status).toBe(201);
    expect(reply.body.investigation.reply.state).toBe('met');
    expect(reply.body.investigation.fileClosedAt).toEqual(expect.any(String));
  });

  describe('reminders', () => {
    const owedFor = async (id: string, at: Date) => {
      const source = t
        .get(ReminderSources)
        .list()
        .find((s) => s.name === 'incident-reporting-chain')!;
      return (await source.owed(at)).filter((r) => r.entityId === id);
    };

    it('reminds the enterprise at 30 and 50 minutes of its hour and escalates to the zone after it', async () => {
      const headInformedAt = new Date(Date.now() - 5 * MIN);
      const learned = await file(
        commander,
        incidentReport({ enterpriseId, occurredAt: headInformedAt.toISOString(), source: 'zone' }),
      );
      const deadline = Date.parse(learned.clock.deadline);
      const kinds = async (ms: number) =>
        (await owedFor(learned.id, new Date(ms)))
          .filter((r) => r.kind.startsWith('reporting.enterprise_report'))
          .map((r) => [r.kind, r.stage, r.to, r.alsoTo ?? null]);
      expect(await kinds(deadline - 30 * MIN - 1)).toEqual([]);
      expect(await kinds(deadline - 30 * MIN)).toEqual([
        [
          'reporting.enterprise_report_due',
          'left_30m',
          { roles: ['enterprise_officer'], enterpriseId },
          null,
        ],
      ]);
      expect(await kinds(deadline - 10 * MIN)).toEqual([
        [
          'reporting.enterprise_report_due',
          'left_10m',
          { roles: ['enterprise_officer'], enterpriseId },
          null,
        ],
      ]);
      expect(await kinds(deadline + 1)).toEqual([
        [
          'reporting.enterprise_report_overdue',
          'overdue',
          { roles: ['enterprise_officer'], enterpriseId },
          { roles: ['commander', 'zone_admin'] },
        ],
      ]);

      // The zone's own two hours run beside it; once the enterprise reports, its reminders stop.
      const all = await owedFor(learned.id, new Date(deadline + 1));
      expect(all.find((r) => r.kind === 'reporting.enterprise_report_overdue')?.params).toMatchObject({
        enterprise: '淮北华晟煤化工有限公司',
        title: '氯气储罐阀门泄漏',
      });
      expect((await post(learned.id, 'enterprise-report', officer, {})).status).toBe(201);
      expect(await kinds(deadline + 1)).toEqual([]);
    });

    it('reminds the zone of its onward report 30 and 10 minutes before its 2 hours end, then escalates', async () => {
      const incident = await file(officer, incidentReport());
      const chain = await chainOf(incident.id);
      const deadline = Date.parse(chain.onward.levels[0]!.deadline!);
      const onward = async (ms: number) =>
        (await owedFor(incident.id, new Date(ms)))
          .filter((r) => r.kind.startsWith('reporting.onward'))
          .map((r) => [r.kind, r.stage, r.params.level, notificationText(r.kind, r.params, 'zh-CN').title]);
      expect(await onward(deadline - 30 * MIN - 1)).toEqual([]);
      expect(await onward(deadline - 30 * MIN)).toEqual([
        ['reporting.onward_due', 'left_30m', 'city', expect.stringContaining('报告设区的市级应急管理部门')],
      ]);
      expect(await onward(deadline)).toEqual([
        ['reporting.onward_due', 'left_10m', 'city', expect.stringContaining('报告设区的市级应急管理部门')],
      ]);
      expect(await onward(deadline + 1)).toEqual([
        [
          'reporting.onward_overdue',
          'overdue',
          'city',
          expect.stringContaining('报告设区的市级应急管理部门'),
        ],
      ]);
      // The enterprise filed it itself: nothing of the hour is owed.
      expect(
        (await owedFor(incident.id, new Date(deadline))).some((r) => r.kind.includes('enterprise_report')),
      ).toBe(false);
    });

    it('reminds of follow-ups an hour ahead, of a 补报 at once, and of the investigation a week and a day ahead', async () => {
      const incident = await file(officer, incidentReport());
      await post(incident.id, 'casualty-change', commander, { note: '一人死亡' });
      const chain = await chainOf(incident.id);
      const follow = Date.parse(chain.followUp.deadline!);
      const stages = async (ms: number, prefix: string) =>
        (await owedFor(incident.id, new Date(ms)))
          .filter((r) => r.kind.startsWith(prefix))
          .map((r) => r.stage);
      expect(await stages(follow - 60 * MIN - 1, 'reporting.follow_up')).toEqual([]);
      // One reminder each, to the enterprise and the zone alike.
      expect(await stages(follow - 60 * MIN, 'reporting.follow_up')).toEqual(['left_1h']);
      expect(await stages(Date.now(), 'reporting.supplement')).toEqual(['owed']);
      const inv = Date.parse(chain.investigation.report.deadline!);
      expect(await stages(inv - 7 * 24 * 60 * MIN - 1, 'investigation.report')).toEqual([]);
      expect(await stages(inv - 7 * 24 * 60 * MIN, 'investigation.report')).toEqual(['due_in_7_days']);
      expect(await stages(inv - 24 * 60 * MIN, 'investigation.report')).toEqual(['due_in_1_day']);
      expect(await stages(inv + 1, 'investigation.report')).toEqual(['overdue']);
    });

    it('words every reminder it owes in both languages, every placeholder filled', async () => {
      const learned = await file(
        commander,
        incidentReport({
          enterpriseId,
          source: 'zone',
          casualties: { deaths: 12, missing: 0, seriousInjuries: 0, minorInjuries: 0 },
        }),
      );
      await post(learned.id, 'casualty-change', commander, { note: '又有一人死亡' });
      await post(learned.id, 'investigation/report', commander, {});
      const kinds = new Set<string>();
      // From now: the casualty change's supplement is owed until the end of the zone's day, which
      // may be minutes away (the test once ran at 23:45 in Beijing and never saw it owed).
      for (const minutes of [
        0,
        35,
        55,
        61,
        100,
        11.5 * 60,
        23.5 * 60,
        25 * 60,
        14.5 * 24 * 60,
        20 * 24 * 60,
      ]) {
        for (const r of await owedFor(learned.id, new Date(Date.now() + minutes * MIN))) {
          kinds.add(r.kind);
          for (const lang of ['zh-CN', 'en'] as const) {
            const text = notificationText(r.kind, r.params, lang);
            expect({ kind: r.kind, lang, text: `${text.title}\n${text.body}` }).toEqual({
              kind: r.kind,
              lang,
              text: expect.not.stringMatching(/[{}]/),
            });
          }
        }
      }
      expect([...kinds].sort()).toEqual(
        expect.arrayContaining([
          'investigation.reply_due',
          'investigation.reply_overdue',
          'reporting.enterprise_report_due',
          'reporting.enterprise_report_overdue',
          'reporting.follow_up_due',
          'reporting.follow_up_overdue',
          'reporting.onward_due',
          'reporting.onward_overdue',
          'reporting.provincial_report_due',
          'reporting.provincial_report_overdue',
          'reporting.supplement_due',
          'reporting.supplement_overdue',
        ]),
      );
    });

    it('goes out through the scheduler once per stage: the officer in the hour, the zone as well after it', async () => {
      const learned = await file(
        commander,
        incidentReport({
          enterpriseId,
          occurredAt: new Date(Date.now() - 5 * MIN).toISOString(),
          source: 'zone',
        }),
      );
      const deadline = Date.parse(learned.clock.deadline);
      const scheduler = t.get(ReminderScheduler);
      const clock = jest.spyOn(t.get(Clock), 'now');
      /** Who holds notifications of the kind about the incident, by role, and how many each. */
      const held = async (kind: string) =>
        (
          await t.get(DataSource).query(
            `SELECT u.role, count(*)::int AS n, count(DISTINCT n.user_id)::int AS users
               FROM notification n JOIN app_user u ON u.id = n.user_id
              WHERE n.kind = $1 AND n.entity_id = $2 GROUP BY u.role ORDER BY u.role`,
            [kind, learned.id],
          )
        ).map((r: { role: string; n: number; users: number }) => [r.role, r.n / r.users]);
      const scanAt = async (ms: number) => {
        clock.mockReturnValue(new Date(ms));
        await scheduler.scan(['incident-reporting-chain']);
        // An overlapping scan at the same instant sends nothing more.
        await scheduler.scan(['incident-reporting-chain']);
      };
      try {
        await scanAt(deadline - 30 * MIN - 1000);
        expect(await held('reporting.enterprise_report_due')).toEqual([]);
        await scanAt(deadline - 30 * MIN);
        expect(await held('reporting.enterprise_report_due')).toEqual([['enterprise_officer', 1]]);
        await scanAt(deadline - 10 * MIN);
        expect(await held('reporting.enterprise_report_due')).toEqual([['enterprise_officer', 2]]);
        await scanAt(deadline + 1000);
        expect(await held('reporting.enterprise_report_overdue')).toEqual([
          ['commander', 1],
          ['enterprise_officer', 1],
          ['zone_admin', 1],
        ]);
      } finally {
        clock.mockRestore();
      }
    });

    it('owes nothing for a drill', async () => {
      const incident = await file(officer, incidentReport());
      expect((await owedFor(incident.id, new Date(Date.now() + 90 * 24 * 60 * MIN))).length).toBeGreaterThan(
        0,
      );
      await t.get(DataSource).query('UPDATE incident SET is_drill = true WHERE id = $1', [incident.id]);
      expect(await owedFor(incident.id, new Date(Date.now() + 90 * 24 * 60 * MIN))).toEqual([]);
    });
  });

  it('reads its clock from the injectable clock', async () => {
    const incident = await file(officer, incidentReport());
    const clock = jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 3 * 60 * MIN));
    try {
      expect((await chainOf(incident.id)).onward.levels[0]!.state).toBe('overdue');
    } finally {
      clock.mockRestore();
    }
  });
});
