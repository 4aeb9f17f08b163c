import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IncidentService } from '../../server/src/incidents/incident.service.js';
import { RequestContext } from '../../server/src/common/request-context.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';

describe('incident reports', () => {
  let t: TestApp;
  let officer: { token: string; enterpriseId: string };
  let commander: string;

  beforeAll(async () => {
    t = await createTestApp();
    const o = await t.login('officer1@muster.test');
    officer = { token: o.accessToken, enterpriseId: o.user.enterpriseId! };
    commander = await t.token('commander');
  });
  afterAll(() => t.close());

  const file = (token: string, body: object) =>
    t.http.post('/api/incidents').set('Authorization', `Bearer ${token}`).send(body);

  it('files a report for the officer’s own enterprise, graded and clocked, and opens its room', async () => {
    const res = await file(officer.token, incidentReport());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      status: 'reported',
      severity: 'ordinary',
      enterpriseId: officer.enterpriseId,
      enterpriseName: '淮北华晟煤化工有限公司',
      outsideZone: false,
      isDrill: false,
      warnings: [],
    });
    expect(res.body.clock.late).toBe(false);
    expect(new Date(res.body.clock.deadline).getTime() - new Date(res.body.occurredAt).getTime()).toBe(
      3_600_000,
    );

    const events = await t.http
      .get(`/api/incidents/${res.body.id}/events?sinceSeq=0`)
      .set('Authorization', `Bearer ${commander}`);
    expect(events.body).toEqual([
      expect.objectContaining({
        seq: 1,
        type: 'incident.reported',
        actor: expect.objectContaining({ role: 'enterprise_officer' }),
      }),
    ]);
  });

  it('refuses an officer filing for another enterprise', async () => {
    const other = await t.login('officer2@muster.test');
    const res = await file(officer.token, incidentReport({ enterpriseId: other.user.enterpriseId! }));
    expect(res.status).toBe(403);
  });

  it('grades by the highest measure, counting the missing with the dead', async () => {
    const res = await file(
      commander,
      incidentReport({
        casualties: { deaths: 1, missing: 2, seriousInjuries: 4, minorInjuries: 0 },
        directLossCny: 500_000,
      }),
    );
    expect(res.body.severity).toBe('relatively_serious');
  });

  it('names every bad field, and checks coordinates and time', async () => {
    const res = await file(officer.token, {
      ...incidentReport(),
      category: 'meteor',
      occurredAt: 'last tuesday',
      location: { lat: 91, lng: 200 },
      casualties: { deaths: -1, missing: 0, seriousInjuries: 1.5, minorInjuries: 0 },
      directLossCny: 'a lot',
      reporter: { name: '', phone: 'x' },
    });
    expect(res.status).toBe(400);
    const fields = (res.body.message as string[]).map((m) => m.split(':')[0]);
    expect(new Set(fields)).toEqual(
      new Set([
        'category',
        'occurredAt',
        'location.lat',
        'location.lng',
        'casualties.deaths',
        'casualties.seriousInjuries',
        'directLossCny',
        'reporter.name',
        'reporter.phone',
      ]),
    );
    const future = await file(
      officer.token,
      incidentReport({ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    expect(future.status).toBe(400);
    expect(future.body.message).toEqual(['occurredAt: lies in the future']);
  });

  it('warns (but accepts) a point outside the zone, and flags a late report (迟报)', async () => {
    const res = await file(
      commander,
      incidentReport({
        location: { lat: 34.2, lng: 116.5 },
        occurredAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.outsideZone).toBe(true);
    expect(res.body.clock.late).toBe(true);
    expect(res.body.warnings).toEqual([
      'location: lies outside the zone boundary',
      'occurredAt: reported more than 1 hour after the accident (迟报)',
    ]);
  });

  it('tells in the incident view that the reporting duty is met, when, and how many minutes late', async () => {
    // Filed 1 h 59 min 30 s after the accident: 59 min 30 s past the deadline, which counts as 60.
    const late = await file(
      commander,
      incidentReport({ occurredAt: new Date(Date.now() - (2 * 3_600_000 - 30_000)).toISOString() }),
    );
    expect(late.status).toBe(201);
    const onTime = await file(commander, incidentReport());
    expect(onTime.status).toBe(201);

    const view = (id: string) =>
      t.http.get(`/api/incidents/${id}`).set('Authorization', `Bearer ${commander}`);
    const lateView = (await view(late.body.id)).body;
    expect(lateView.clock.duty).toEqual({ met: true, metAt: lateView.clock.reportedAt, lateByMinutes: 60 });
    const onTimeView = (await view(onTime.body.id)).body;
    expect(onTimeView.clock.duty).toEqual({
      met: true,
      metAt: onTimeView.clock.reportedAt,
      lateByMinutes: 0,
    });

    // The list, whose rows the console draws the same way, says the same.
    const list = await t.http.get('/api/incidents?pageSize=100').set('Authorization', `Bearer ${commander}`);
    const row = list.body.items.find((i: { id: string }) => i.id === late.body.id);
    expect(row.clock.duty).toEqual(lateView.clock.duty);
  });

  it('re-grades upward on a supplementary report inside the window, each step a room event', async () => {
    const filed = (await file(officer.token, incidentReport())).body;
    const res = await t.http
      .post(`/api/incidents/${filed.id}/reports`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({
        casualties: { deaths: 3, missing: 0, seriousInjuries: 2, minorInjuries: 5 },
        directLossCny: 800_000,
        summary: '两名重伤员经抢救无效死亡',
      });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'supplementary',
      severityAfter: 'relatively_serious',
      outsideWindow: false,
    });
    const incident = await t.http
      .get(`/api/incidents/${filed.id}`)
      .set('Authorization', `Bearer ${commander}`);
    expect(incident.body.severity).toBe('relatively_serious');
    expect(incident.body.casualties.deaths).toBe(3);
    const events = await t.http
      .get(`/api/incidents/${filed.id}/events?sinceSeq=1`)
      .set('Authorization', `Bearer ${commander}`);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual([
      'incident.supplementary_report',
      'incident.regraded',
    ]);
    expect(events.body[1].payload).toEqual({ from: 'ordinary', to: 'relatively_serious' });

    // Lower figures later do not lower the grade.
    await t.http
      .post(`/api/incidents/${filed.id}/reports`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({
        casualties: { deaths: 2, missing: 0, seriousInjuries: 2, minorInjuries: 5 },
        directLossCny: 800_000,
        summary: '核实',
      });
    expect(
      (await t.http.get(`/api/incidents/${filed.id}`).set('Authorization', `Bearer ${commander}`)).body
        .severity,
    ).toBe('relatively_serious');
  });

  it('accepts a supplementary report after the window but flags it and does not re-grade', async () => {
    const service = t.get(IncidentService);
    const context = t.get(RequestContext);
    // A fire 8 days ago: past its 7-day window.
    const filed = await context.runAsSystem('test', () =>
      service.file(
        incidentReport({ category: 'fire', occurredAt: new Date(Date.now() - 8 * 86_400_000).toISOString() }),
      ),
    );
    const res = await t.http
      .post(`/api/incidents/${filed.id}/reports`)
      .set('Authorization', `Bearer ${commander}`)
      .send({
        casualties: { deaths: 12, missing: 0, seriousInjuries: 0, minorInjuries: 0 },
        directLossCny: 0,
        summary: '伤员死亡',
      });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ outsideWindow: true, severityAfter: 'ordinary' });
  });

  it('runs the lifecycle and refuses what the rules do not allow', async () => {
    const { id } = (await file(officer.token, incidentReport())).body;
    const status = (s: string, reason?: string) =>
      t.http
        .post(`/api/incidents/${id}/status`)
        .set('Authorization', `Bearer ${commander}`)
        .send({ status: s, reason });
    expect((await status('verified')).body.status).toBe('verified');
    const level = await t.http
      .post(`/api/incidents/${id}/level`)
      .set('Authorization', `Bearer ${commander}`)
      .send({ level: 'III' });
    expect(level.body).toMatchObject({ responseLevel: 'III', status: 'responding' });
    expect((await status('verified')).status).toBe(409);
    expect((await status('contained')).status).toBe(200);
    expect((await status('closed')).status).toBe(200);
    const noReason = await status('responding');
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toEqual(['reason: required to reopen a closed incident']);
    expect((await status('responding', '复燃')).body.status).toBe('responding');
    const officerTry = await t.http
      .post(`/api/incidents/${id}/status`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ status: 'contained' });
    expect(officerTry.status).toBe(403);
  });

  it('keeps another enterprise’s incidents out of an officer’s reach over REST', async () => {
    const { id } = (await file(officer.token, incidentReport())).body;
    const other = await t.token('officer2');
    for (const path of [
      `/api/incidents/${id}`,
      `/api/incidents/${id}/events`,
      `/api/incidents/${id}/tasks`,
    ]) {
      expect((await t.http.get(path).set('Authorization', `Bearer ${other}`)).status).toBe(404);
    }
    const msg = await t.http
      .post(`/api/incidents/${id}/messages`)
      .set('Authorization', `Bearer ${other}`)
      .send({ text: 'hi' });
    expect(msg.status).toBe(404);
    const list = await t.http.get('/api/incidents').set('Authorization', `Bearer ${other}`);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('works the room over REST: message, task, map feature, dispatch — each an event in order', async () => {
    const { id } = (await file(officer.token, incidentReport())).body;
    const auth = { Authorization: `Bearer ${commander}` };
    await t.http.post(`/api/incidents/${id}/messages`).set(auth).send({ text: '指挥部已设立' }).expect(201);
    const task = await t.http
      .post(`/api/incidents/${id}/tasks`)
      .set(auth)
      .send({ title: '设置警戒区', assigneeLabel: '消防救援队' });
    expect(task.status).toBe(201);
    await t.http
      .patch(`/api/incidents/${id}/tasks/${task.body.id}`)
      .set(auth)
      .send({ status: 'accepted' })
      .expect(200);
    const zone = await t.http
      .post(`/api/incidents/${id}/features`)
      .set(auth)
      .send({
        kind: 'hazard_zone',
        label: '毒气扩散区',
        geometry: { type: 'Point', coordinates: [116.8128, 33.9962] },
        radiusM: 300,
      });
    expect(zone.status).toBe(201);
    const badZone = await t.http
      .post(`/api/incidents/${id}/features`)
      .set(auth)
      .send({ kind: 'cordon', geometry: { type: 'Polygon', coordinates: [[[116.8, 33.9]]] } });
    expect(badZone.status).toBe(400);
    expect(badZone.body.message[0]).toMatch(/^geometry: /);
    const d = await t.http
      .post(`/api/incidents/${id}/dispatches`)
      .set(auth)
      .send({ label: '泡沫消防车 1 辆' });
    await t.http
      .patch(`/api/incidents/${id}/dispatches/${d.body.id}`)
      .set(auth)
      .send({ state: 'on_scene' })
      .expect(200);
    await t.http.delete(`/api/incidents/${id}/features/${zone.body.id}`).set(auth).expect(204);

    const events = await t.http.get(`/api/incidents/${id}/events`).set(auth);
    expect(events.body.map((e: { seq: number; type: string }) => `${e.seq}:${e.type}`)).toEqual([
      '1:incident.reported',
      '2:message',
      '3:task.created',
      '4:task.updated',
      '5:map_feature.added',
      '6:resource.dispatched',
      '7:resource.status_changed',
      '8:map_feature.removed',
    ]);
    expect((await t.http.get(`/api/incidents/${id}/features`).set(auth)).body).toEqual([]);
  });

  it('numbers events without gaps or repeats under concurrent writers', async () => {
    const { id } = (await file(officer.token, incidentReport())).body;
    const auth = { Authorization: `Bearer ${commander}` };
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        t.http
          .post(`/api/incidents/${id}/messages`)
          .set(auth)
          .send({ text: `m${i}` }),
      ),
    );
    const events = await t.http.get(`/api/incidents/${id}/events`).set(auth);
    expect(events.body.map((e: { seq: number }) => e.seq)).toEqual(
      Array.from({ length: 26 }, (_, i) => i + 1),
    );
  });
});

describe('incident records', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('exports the activity log as CSV in zone time and summarises the incident', async () => {
    const commander = await t.token('commander');
    const auth = { Authorization: `Bearer ${commander}` };
    const { id } = (await t.http.post('/api/incidents').set(auth).send(incidentReport())).body;
    await t.http.post(`/api/incidents/${id}/messages`).set(auth).send({ text: '现场已封控, "东门"' });
    const task = await t.http
      .post(`/api/incidents/${id}/tasks`)
      .set(auth)
      .send({ title: '疏散', dueAt: new Date(Date.now() - 60_000).toISOString() });
    await t.http.post(`/api/incidents/${id}/dispatches`).set(auth).send({ label: '救护车' });

    const csv = await t.http.get(`/api/incidents/${id}/activity.csv`).set(auth);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('序号,时间 (Asia/Shanghai),操作人,角色,事件,内容');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(
      /^2,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,.*,应急指挥员,message,"现场已封控, ""东门"""$/,
    );

    const summary = await t.http.get(`/api/incidents/${id}/summary`).set(auth);
    expect(summary.body.tasks).toEqual({ total: 1, open: 1, accepted: 0, done: 0, cancelled: 0, overdue: 1 });
    expect(summary.body.resources).toMatchObject({ enRoute: 1, onScene: 0, released: 0 });
    expect(summary.body.reports).toHaveLength(1);
    expect(summary.body.incident.id).toBe(id);
    expect(task.status).toBe(201);
  });
});
