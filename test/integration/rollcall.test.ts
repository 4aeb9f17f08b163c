import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { DrillReport, RollCallCandidates, RollCallView, RunView } from '@muster/contracts';
import { type CalloutStack, Phone, startCalloutStack, waitFor } from '../support/callouts.js';
import { messageInject, scenarioDocument } from '../support/drills.js';
import { incidentReport } from '../support/incidents.js';
import { LiveRoomClient } from '../support/live-client.js';
import { Db } from '../../server/src/database/db.js';

describe('roll call at the assembly points', () => {
  let s: CalloutStack;
  let commander: string;
  let officer1: string;
  let coalchem: { id: string; name: string };
  let finechem: { id: string; name: string };

  beforeAll(async () => {
    s = await startCalloutStack();
    commander = await s.t.token('commander');
    officer1 = await s.t.token('enterprise_officer');
    const rows: { id: string; name: string }[] = await s.t
      .get(Db)
      .manager.query(
        `SELECT id, name FROM enterprise WHERE name IN ('淮北华晟煤化工有限公司', '淮北龙山精细化工有限公司') ORDER BY name`,
      );
    coalchem = rows.find((r) => r.name === '淮北华晟煤化工有限公司')!;
    finechem = rows.find((r) => r.name === '淮北龙山精细化工有限公司')!;
  });
  afterAll(() => s.close());
  // Each test's phones start empty (the same demo numbers are asked in every test).
  beforeEach(() => {
    s.emulator.reset();
    s.emulator.configure({ smsUrl: `${s.publicUrl}/webhooks/twilio/sms` });
  });

  const api = () => request(s.t.baseUrl);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** The first directory contact of an enterprise with this post, as a phone. */
  async function enterprisePhone(enterpriseId: string, post: string) {
    const [c]: { id: string; phone: string }[] = await s.t
      .get(Db)
      .manager.query(`SELECT id, phones[1] AS phone FROM contact WHERE enterprise_id = $1 AND post = $2`, [
        enterpriseId,
        post,
      ]);
    return { id: c!.id, phone: new Phone(s.emulator, c!.phone) };
  }

  async function incidentWithPoints(overrides: object = {}) {
    const filed = await api()
      .post('/api/incidents')
      .set(as(commander))
      .send(incidentReport({ enterpriseId: coalchem.id, ...overrides }));
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    const draw = async (label: string, lng: number, lat: number) => {
      const res = await api()
        .post(`/api/incidents/${id}/features`)
        .set(as(commander))
        .send({ kind: 'assembly_point', label, geometry: { type: 'Point', coordinates: [lng, lat] } });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const south = await draw('南门广场', 116.8128, 33.9905);
    const east = await draw('东侧停车场', 116.8245, 33.9925);
    return { id, south, east };
  }

  async function openRollCall(incidentId: string, pointIds: string[], enterpriseIds: string[]) {
    const res = await api()
      .post(`/api/incidents/${incidentId}/roll-calls`)
      .set(as(commander))
      .send({ points: pointIds.map((sourceId) => ({ source: 'room', sourceId })), enterpriseIds });
    expect(res.status).toBe(201);
    return res.body as RollCallView;
  }

  async function current(incidentId: string): Promise<RollCallView> {
    const res = await api().get(`/api/incidents/${incidentId}/roll-calls`).set(as(commander));
    expect(res.status).toBe(200);
    return res.body[0];
  }

  it('offers the drawn and registered points, and suggests the enterprises near the incident', async () => {
    const { id, south } = await incidentWithPoints();
    const res = await api().get(`/api/incidents/${id}/roll-calls/candidates`).set(as(commander));
    expect(res.status).toBe(200);
    const c = res.body as RollCallCandidates;
    expect(c.points.map((p) => p.sourceId)).toContain(south);
    expect(c.points.some((p) => p.source === 'resource')).toBe(true);
    const mine = c.enterprises.find((e) => e.enterpriseId === coalchem.id)!;
    expect(mine).toMatchObject({ suggested: true, reason: 'radius', distanceM: 0 });
    expect(c.enterprises.filter((e) => e.distanceM > c.radiusM).every((e) => !e.suggested)).toBe(true);
  });

  it('texts each enterprise for its count; SMS replies and console entries fill the board live', async () => {
    const { id, south, east } = await incidentWithPoints();
    const live = new LiveRoomClient(s.t.baseUrl, commander);
    await live.connected();
    await live.join(id);
    const seen = live.events.length;

    const rc = await openRollCall(id, [south, east], [coalchem.id, finechem.id]);
    expect(rc.points.map((p) => [p.code, p.label])).toEqual([
      ['A', '南门广场'],
      ['B', '东侧停车场'],
    ]);
    expect(rc.enterprises.find((e) => e.enterpriseId === coalchem.id)!.pointId).toBe(rc.points[0]!.id);

    const lead = await enterprisePhone(coalchem.id, '安全负责人');
    const request = await lead.phone.expectSms();
    expect(request.body).toContain('清点人数');
    expect(request.body).toContain('到 45/48');

    await lead.phone.reply('到 45/48');
    const answer = await lead.phone.expectSms();
    expect(answer.body).toBe(
      `已记录：${coalchem.name} 集结点 A 实到 45 / 在岗 48 人。仍有 3 人未清点到，找到后请回复最新人数。`,
    );
    await live.waitForCount(seen + 2);
    const counted = live.events.find((e) => e.type === 'rollcall.counted')!;
    expect(counted.payload).toMatchObject({
      enterpriseId: coalchem.id,
      pointCode: 'A',
      expected: 48,
      accounted: 45,
      channel: 'sms',
      totals: { expected: 48, accounted: 45, missing: 3, reported: 1, enterprises: 2, complete: false },
    });

    // Full-width and with the point named: the three left behind arrive at B.
    await lead.phone.reply('到３／４８ Ｂ');
    expect((await lead.phone.expectSms()).body).toContain('人员已全部清点到位');

    // The console: the commander enters the fine chemicals plant's count.
    const before = live.events.length;
    const entered = await api()
      .post(`/api/roll-calls/${rc.id}/counts`)
      .set(as(commander))
      .send({ enterpriseId: finechem.id, expected: 30, accounted: 30 });
    expect(entered.status).toBe(201);
    await live.waitForCount(before + 2);
    expect(live.events.slice(before).map((e) => e.type)).toEqual([
      'rollcall.counted',
      'rollcall.all_accounted',
    ]);

    const board = await current(id);
    expect(board.totals).toMatchObject({ expected: 78, accounted: 78, missing: 0, complete: true });
    expect(board.allAccountedAt).not.toBeNull();
    const [a, b] = board.points;
    // The fine chemicals plant lies east: its people go to B unless a report names another point.
    expect(board.enterprises.find((e) => e.enterpriseId === finechem.id)!.pointId).toBe(b!.id);
    expect([a!.accounted, b!.accounted]).toEqual([45, 3 + 30]);
    expect([a!.expected, b!.expected]).toEqual([45, 33]);
    expect([a!.missing, b!.missing]).toEqual([0, 0]);
    const coal = board.enterprises.find((e) => e.enterpriseId === coalchem.id)!;
    expect(coal.counts).toEqual(
      expect.arrayContaining([
        { pointId: a!.id, accounted: 45 },
        { pointId: b!.id, accounted: 3 },
      ]),
    );
    expect(coal).toMatchObject({ expected: 48, accounted: 48, missing: 0, lastChannel: 'sms' });
    live.close();
  });

  it('answers a reply it cannot take with help in the sender’s language', async () => {
    const { id, south, east } = await incidentWithPoints();
    await openRollCall(id, [south, east], [finechem.id]);
    const zh = await enterprisePhone(finechem.id, '生产值班长');
    await zh.phone.expectSms();
    await zh.phone.reply('到 50/48');
    expect((await zh.phone.expectSms()).body).toBe(
      '实到 50 人多于在岗 48 人，请核对后重新回复，如“到 45/48”（实到/在岗）。',
    );
    await zh.phone.reply('都到了');
    const help = (await zh.phone.expectSms()).body;
    expect(help).toContain('未能识别这条回复');
    expect(help).toContain('A 南门广场；B 东侧停车场');
    await zh.phone.reply('到 12/15 C');
    expect((await zh.phone.expectSms()).body).toBe('没有集结点 C。集结点：A 南门广场；B 东侧停车场');

    const en = await enterprisePhone(finechem.id, '安全负责人');
    await s.t.get(Db).manager.query(`UPDATE contact SET language = 'en' WHERE id = $1`, [en.id]);
    await en.phone.expectSms();
    await en.phone.reply('45/');
    const enHelp = (await en.phone.expectSms()).body;
    expect(enHelp).toContain('Could not read that');
    expect(enHelp).toContain('"at 45/48"');
    await en.phone.reply('at 10/12 b');
    expect((await en.phone.expectSms()).body).toBe(
      `Recorded: ${finechem.name} at point B, 10 of 12 accounted for.2 still missing: text the new count when they are found.`,
    );
    expect((await current(id)).totals).toMatchObject({ expected: 12, accounted: 10, missing: 2 });
  });

  it('keeps call-out acknowledgements working for a number that is also in the roll call', async () => {
    const { id, south } = await incidentWithPoints();
    const rc = await openRollCall(id, [south], [coalchem.id]);
    const shift = await enterprisePhone(coalchem.id, '生产值班长');
    await shift.phone.expectSms();
    const started = await api()
      .post(`/api/incidents/${id}/callouts`)
      .set(as(commander))
      .send({ contactIds: [shift.id], message: '请到南门集合' });
    expect(started.status).toBe(201);
    await shift.phone.expectSms();

    await shift.phone.reply('到 20/21');
    expect((await shift.phone.expectSms()).body).toContain('实到 20 / 在岗 21 人');
    const still = await api().get(`/api/callouts/${started.body.id}`).set(as(commander));
    expect(still.body.recipients[0].state).toBe('notified');

    await shift.phone.reply('1');
    await shift.phone.expectSms();
    const acked = await api().get(`/api/callouts/${started.body.id}`).set(as(commander));
    expect(acked.body.recipients[0].state).toBe('acknowledged');

    // Paged in the incident, a zone responder checks in by text.
    const zoneContact: { id: string; phone: string }[] = await s.t
      .get(Db)
      .manager.query(`SELECT id, phones[1] AS phone FROM contact WHERE name = '孙浩'`);
    const responder = new Phone(s.emulator, zoneContact[0]!.phone);
    await api()
      .post(`/api/incidents/${id}/callouts`)
      .set(as(commander))
      .send({ contactIds: [zoneContact[0]!.id], message: '到南门集合' });
    const page = await responder.expectSms();
    await responder.reply('签到');
    expect((await responder.expectSms()).body).toBe('孙浩已在集结点 A（南门广场）签到。');
    const board = await current(id);
    expect(board.checkIns).toMatchObject([{ name: '孙浩', channel: 'sms', pointId: rc.points[0]!.id }]);
    expect(board.points[0]!.checkedIn).toBe(1);

    // The signed link of the call-out SMS checks in too (a forged one is refused).
    const link = /\/r\/(\S+)$/.exec(page.body)![1]!;
    const byLink = await api().get(`/api/roll-calls/by-link/${link}`);
    expect(byLink.status).toBe(200);
    expect(byLink.body).toMatchObject({ rollCallId: rc.id, checkedInAt: rc.points[0]!.id });
    const moved = await api()
      .post(`/api/roll-calls/by-link/${link}/check-in`)
      .send({ pointId: rc.points[0]!.id });
    expect(moved.status).toBe(201);
    expect((await current(id)).checkIns).toMatchObject([{ name: '孙浩', channel: 'link' }]);
    const forged = await api().get(`/api/roll-calls/by-link/${link.slice(0, -2)}xx`);
    expect(forged.status).toBe(404);
  });

  it('lets officers report only their own enterprise, and responders check themselves in', async () => {
    const { id, south } = await incidentWithPoints();
    const rc = await openRollCall(id, [south], [coalchem.id, finechem.id]);
    const own = await api()
      .post(`/api/roll-calls/${rc.id}/counts`)
      .set(as(officer1))
      .send({ enterpriseId: coalchem.id, expected: 10, accounted: 4 });
    expect(own.status).toBe(201);
    const other = await api()
      .post(`/api/roll-calls/${rc.id}/counts`)
      .set(as(officer1))
      .send({ enterpriseId: finechem.id, expected: 10, accounted: 4 });
    expect(other.status).toBe(403);
    const tooMany = await api()
      .post(`/api/roll-calls/${rc.id}/counts`)
      .set(as(commander))
      .send({ enterpriseId: coalchem.id, expected: 3, accounted: 4 });
    expect(tooMany.status).toBe(400);

    const officerTwo = await s.t.token('officer2');
    const mine = await api().get('/api/roll-calls/mine').set(as(officerTwo));
    expect(mine.status).toBe(200);
    expect(mine.body.map((m: { rollCall: { id: string } }) => m.rollCall.id)).toContain(rc.id);

    const responderToken = await s.t.token('responder');
    const [me]: { id: string }[] = await s.t
      .get(Db)
      .manager.query(
        `SELECT c.id FROM contact c JOIN app_user u ON u.id = c.user_id WHERE u.email = 'responder1@muster.test'`,
      );
    await api()
      .post(`/api/incidents/${id}/callouts`)
      .set(as(commander))
      .send({ contactIds: [me!.id], message: '到南门集合' });
    const asked = await api().get('/api/roll-calls/mine').set(as(responderToken));
    expect(asked.body.map((m: { rollCall: { id: string } }) => m.rollCall.id)).toContain(rc.id);
    const checked = await api()
      .post(`/api/roll-calls/${rc.id}/check-ins`)
      .set(as(responderToken))
      .send({ pointId: rc.points[0]!.id });
    expect(checked.status).toBe(201);
    expect(checked.body.checkIns).toMatchObject([{ contactId: me!.id, channel: 'link' }]);
    const forOthers = await api()
      .post(`/api/roll-calls/${rc.id}/check-ins`)
      .set(as(responderToken))
      .send({ pointId: rc.points[0]!.id, contactId: me!.id });
    expect(forOthers.status).toBe(403);

    const audit: { action: string }[] = await s.t
      .get(Db)
      .manager.query(
        `SELECT action FROM audit_log WHERE entity = 'roll_call' AND entity_id = $1 ORDER BY id`,
        [rc.id],
      );
    expect(audit.map((a) => a.action)).toEqual([
      'roll_call.opened',
      'roll_call.counted',
      'roll_call.checked_in',
    ]);
  });

  it('closes with the final numbers, names the missing in the incident report, and takes no more counts', async () => {
    const { id, south } = await incidentWithPoints();
    const rc = await openRollCall(id, [south], [coalchem.id]);
    const lead = await enterprisePhone(coalchem.id, '安全负责人');
    await lead.phone.expectSms();
    await lead.phone.reply('到 46/48');
    await lead.phone.expectSms();
    const named = await api()
      .post(`/api/roll-calls/${rc.id}/missing`)
      .set(as(officer1))
      .send({ name: '张三', note: '液氯库巡检' });
    expect(named.status).toBe(201);
    expect(named.body.missingPersons).toMatchObject([{ name: '张三', enterpriseId: coalchem.id }]);

    const closed = await api()
      .post(`/api/roll-calls/${rc.id}/close`)
      .set(as(commander))
      .send({ carryIntoReport: true });
    expect(closed.status).toBe(201);
    const final = { expected: 48, accounted: 46, missing: 2, complete: false };
    expect(closed.body).toMatchObject({ status: 'closed', final, reportId: expect.any(String) });

    const incident = await api().get(`/api/incidents/${id}`).set(as(commander));
    expect(incident.body.casualties.missing).toBe(2);
    const reports = await api().get(`/api/incidents/${id}/reports`).set(as(commander));
    const report = reports.body.find((r: { id: string }) => r.id === closed.body.reportId);
    expect(report).toMatchObject({
      kind: 'supplementary',
      casualties: { missing: 2 },
      summary: '清点人数结束：应到 48 人，实到 46 人，失联 2 人。',
      otherMatters: '失联人员：张三',
    });

    await lead.phone.reply('到 48/48');
    await waitFor(() => lead.phone.unexpected().sms[0], 10_000, 'the answer to a late count');
    expect((await current(id)).final).toMatchObject(final);
    const late = await api()
      .post(`/api/roll-calls/${rc.id}/counts`)
      .set(as(commander))
      .send({ enterpriseId: coalchem.id, expected: 48, accounted: 48 });
    expect(late.status).toBe(409);
    expect((await current(id)).totals).toMatchObject({ accounted: 46 });
  });

  it('shows the time to 100 % accounted in the drill report', async () => {
    const doc = await scenarioDocument(s.t, [messageInject('far', 3600)]);
    const sc = await api().post('/api/drills/scenarios').set(as(commander)).send(doc);
    const created = await api().post('/api/drills/runs').set(as(commander)).send({
      scenarioId: sc.body.id,
      scheduledFor: new Date().toISOString(),
      contactIds: [],
      evaluatorIds: [],
    });
    const started = await api().post(`/api/drills/runs/${created.body.id}/start`).set(as(commander));
    const run = started.body as RunView;
    const incidentId = run.incidentId!;
    const point = await api()
      .post(`/api/incidents/${incidentId}/features`)
      .set(as(commander))
      .send({
        kind: 'assembly_point',
        label: '南门广场',
        geometry: { type: 'Point', coordinates: [116.82, 33.99] },
      });
    const rc = await openRollCall(incidentId, [point.body.id], [finechem.id]);
    expect(rc.isDrill).toBe(true);
    await api()
      .post(`/api/roll-calls/${rc.id}/counts`)
      .set(as(commander))
      .send({ enterpriseId: finechem.id, expected: 12, accounted: 9 });
    const pending = await api().get(`/api/drills/runs/${run.id}/metrics`).set(as(commander));
    expect(pending.body.rollCalls).toMatchObject([
      { rollCallId: rc.id, secondsToAllAccounted: null, missing: 3 },
    ]);
    await api()
      .post(`/api/roll-calls/${rc.id}/counts`)
      .set(as(commander))
      .send({ enterpriseId: finechem.id, expected: 12, accounted: 12 });
    await api().post(`/api/roll-calls/${rc.id}/close`).set(as(commander)).send({});
    await api().post(`/api/drills/runs/${run.id}/end`).set(as(commander));

    const res = await api()
      .get(`/api/drills/runs/${run.id}/report`)
      .set(as(commander))
      .set('Accept-Language', 'en');
    expect(res.status).toBe(200);
    const report = res.body as DrillReport;
    const [m] = report.metrics.rollCalls;
    expect(m).toMatchObject({ rollCallId: rc.id, expected: 12, accounted: 12, missing: 0, closed: true });
    const allAccounted = report.timeline.find((e) => e.type === 'rollcall.all_accounted')!;
    const opened = report.timeline.find((e) => e.type === 'rollcall.opened')!;
    // The timeline floors to whole seconds, the metric rounds: they agree within one.
    const fromTimeline = allAccounted.scenarioSeconds - opened.scenarioSeconds;
    expect(Math.abs(m!.secondsToAllAccounted! - fromTimeline)).toBeLessThanOrEqual(1);
    expect(allAccounted.text).toMatch(/^Everyone accounted for: 12 people/);
  });
});
