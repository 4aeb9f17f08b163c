import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { CalloutView, IncidentView, RoomEventView } from '@muster/contracts';
import { Db } from '../../server/src/database/db.js';
import { DutyAlerts } from '../../server/src/duty/duty-alerts.js';
import { incidentReport } from '../support/incidents.js';
import { type CalloutStack, startCalloutStack, waitFor } from '../support/callouts.js';
import { messageInject, scenarioDocument } from '../support/drills.js';
import { LiveRoomClient } from '../support/live-client.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Duty alerting against the demo zone's policy (tier 1 waits 300 s, i.e. 3 s at this time scale):
 * ordinary → duty officer + the enterprise's safety lead; relatively serious → + the commanders
 * and the leadership group; nobody taking charge → the commanders in tier 2.
 */
describe('duty alerting: a filed report pages the policy’s people through the ladder', () => {
  let s: CalloutStack;
  let commander: string;
  let coalchemId: string;
  let duty: { id: string; name: string; phone: string };
  let safetyLead: { id: string; phone: string };
  let chief: { name: string; phone: string };
  let n = 0;

  beforeAll(async () => {
    s = await startCalloutStack({}, 0.01, { dutyAlerting: true });
    commander = await s.t.token('commander');
    const db = s.t.get(Db).manager;
    const [ent]: { id: string; safety_lead: string }[] = await db.query(
      `SELECT id, safety_lead FROM enterprise WHERE name LIKE '%华晟煤化工%'`,
    );
    coalchemId = ent!.id;
    const [lead]: { id: string; phones: string[] }[] = await db.query(
      'SELECT id, phones FROM contact WHERE enterprise_id = $1 AND name = $2',
      [coalchemId, ent!.safety_lead],
    );
    safetyLead = { id: lead!.id, phone: lead!.phones[0]! };
    const [boss]: { name: string; phones: string[] }[] = await db.query(
      `SELECT c.name, c.phones FROM contact c JOIN app_user u ON u.id = c.user_id WHERE u.email = 'commander@muster.test'`,
    );
    chief = { name: boss!.name, phone: boss!.phones[0]! };
    const policy = (await api().get('/api/duty/policy').set(auth())).body;
    expect(policy.enabled).toBe(true);
    const onCall = (await api().get(`/api/rotations/${policy.dutyRotationId}/on-call`).set(auth())).body;
    duty = { id: onCall.contact.id, name: onCall.contact.name, phone: onCall.contact.phones[0] };
  });
  afterAll(() => s.close());

  const api = () => request(s.t.baseUrl);
  const auth = () => ({ Authorization: `Bearer ${commander}` });

  /** The SMS to a phone that mention this test's report (phones are shared by the tests). */
  const smsAbout = (phone: string, tag: string) =>
    (s.emulator.messages({ to: phone }) as unknown as { body: string }[]).filter((m) => m.body.includes(tag));
  const expectSmsAbout = (phone: string, tag: string, count = 1) =>
    waitFor(
      () => {
        const found = smsAbout(phone, tag);
        return found.length >= count ? found : undefined;
      },
      10_000,
      `${count} SMS about ${tag} to ${phone}`,
    );
  const reply = async (phone: string, body: string) => {
    const res = await fetch(`${s.emulator.url}/_emulator/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: phone, to: '+15005550006', body }),
    });
    expect(res.status).toBeLessThan(300);
  };
  /** Accepts the page about `tag` by SMS, naming its code when the phone has several open. */
  const accept = async (phone: string, tag: string) => {
    const sms = (await expectSmsAbout(phone, tag)).at(-1)!;
    const code = /"1 ([A-Z0-9]{3})"/.exec(sms.body)?.[1];
    await reply(phone, code ? `1 ${code}` : '1');
  };
  const file = async (overrides: object = {}, headers: Record<string, string> = {}) => {
    const tag = `报警测试${++n}号`;
    const res = await api()
      .post('/api/incidents')
      .set({ ...auth(), ...headers })
      .send(
        incidentReport({
          enterpriseId: coalchemId,
          title: `${tag}车间起火`,
          category: 'fire',
          casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 1 },
          directLossCny: 50_000,
          ...overrides,
        }),
      );
    expect(res.status).toBe(201);
    return { incident: res.body as IncidentView, tag };
  };
  const callouts = async (incidentId: string) =>
    (await api().get(`/api/incidents/${incidentId}/callouts`).set(auth())).body as CalloutView[];
  const events = async (incidentId: string) =>
    (await api().get(`/api/incidents/${incidentId}/events?sinceSeq=0`).set(auth())).body as RoomEventView[];
  const incident = async (id: string) =>
    (await api().get(`/api/incidents/${id}`).set(auth())).body as IncidentView;
  const takenBy = (id: string) =>
    waitFor(
      async () => {
        const i = await incident(id);
        return i.takenInChargeAt ? i : undefined;
      },
      10_000,
      'the incident to be taken in charge',
    );

  it('an ordinary report pages the duty officer and the safety lead; the duty officer’s reply takes it in charge, live', async () => {
    const t0 = Date.now();
    const { incident: filed, tag } = await file();
    expect(filed.severity).toBe('ordinary');
    const live = new LiveRoomClient(s.t.baseUrl, commander);
    await live.connected();
    await live.join(filed.id, 0);

    const [sms] = await expectSmsAbout(duty.phone, tag);
    // Nobody watching the console: the duty officer's phone has it within seconds of the filing.
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(sms!.body).toContain('回复1确认');
    await expectSmsAbout(safetyLead.phone, tag);
    // Only tier 1 so far: the commanders come in only if nobody takes charge.
    expect(smsAbout(chief.phone, tag)).toHaveLength(0);

    await accept(duty.phone, tag);
    const taken = await takenBy(filed.id);
    expect(taken.takenInChargeBy).toBe(duty.name);
    await waitFor(
      () => live.events.find((e) => e.type === 'incident.taken_in_charge'),
      10_000,
      'the room to show who took charge',
    );
    const event = live.events.find((e) => e.type === 'incident.taken_in_charge')!;
    expect(event.payload).toMatchObject({ name: duty.name, contactId: duty.id, channel: 'sms' });
    live.close();

    // The list shows it too.
    const list = (await api().get('/api/incidents?pageSize=100').set(auth())).body.items as IncidentView[];
    expect(list.find((i) => i.id === filed.id)!.takenInChargeBy).toBe(duty.name);

    // The acknowledgement met the tier's quorum: tier 2 (the commanders) never comes.
    await sleep(4000);
    expect(smsAbout(chief.phone, tag)).toHaveLength(0);
    const [c] = await callouts(filed.id);
    expect(c!.status).toBe('succeeded');
  });

  it('a relatively serious report also pages the commanders and the leadership group at once, with a notification', async () => {
    const { incident: filed, tag } = await file({
      casualties: { deaths: 3, missing: 0, seriousInjuries: 0, minorInjuries: 0 },
    });
    expect(filed.severity).toBe('relatively_serious');
    await expectSmsAbout(duty.phone, tag);
    await expectSmsAbout(safetyLead.phone, tag);
    await expectSmsAbout(chief.phone, tag);
    const [c] = await callouts(filed.id);
    const names = c!.recipients.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining([duty.name, chief.name, '周国平', '吴晓东']));
    expect(new Set(c!.recipients.map((r) => r.tier))).toEqual(new Set([0]));
    // The commander has an account: the page is in their notifications too.
    const mine = (await api().get('/api/notifications').set(auth())).body.items as {
      kind: string;
      entityId: string;
    }[];
    expect(mine.some((x) => x.kind === 'duty.paged' && x.entityId === filed.id)).toBe(true);

    await accept(chief.phone, tag);
    expect((await takenBy(filed.id)).takenInChargeBy).toBe(chief.name);
  });

  it('pages nobody twice: a repeated request with the same Idempotency-Key, and a retried job', async () => {
    const key = `filing-${Date.now()}`;
    const tag = `报警测试${++n}号`;
    const body = incidentReport({
      enterpriseId: coalchemId,
      title: `${tag}车间起火`,
      category: 'fire',
      casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 1 },
      directLossCny: 50_000,
    });
    const post = () =>
      api()
        .post('/api/incidents')
        .set({ ...auth(), 'Idempotency-Key': key })
        .send(body);
    const [first, again] = await Promise.all([post(), post()]);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const third = await post();
    expect(third.status).toBe(201);
    expect(third.body).toMatchObject({ id: first.body.id, warnings: first.body.warnings });
    const reused = await api()
      .post('/api/incidents')
      .set({ ...auth(), 'Idempotency-Key': key })
      .send(incidentReport({ enterpriseId: coalchemId, title: 'another report' }));
    expect(reused.status).toBe(409);
    const bad = await api()
      .post('/api/incidents')
      .set({ ...auth(), 'Idempotency-Key': 'x'.repeat(300) })
      .send(incidentReport());
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual([expect.stringMatching(/^Idempotency-Key: /)]);

    await expectSmsAbout(duty.phone, tag);
    // The worker runs the same job again (a retry after a lost acknowledgement from Redis).
    await s.t.get(DutyAlerts).alert({ incidentId: first.body.id, trigger: 'filed' });
    await sleep(1500);
    expect(smsAbout(duty.phone, tag)).toHaveLength(1);
    expect(smsAbout(safetyLead.phone, tag)).toHaveLength(1);
    expect(await callouts(first.body.id)).toHaveLength(1);
    const titled = (await api().get('/api/incidents?pageSize=100').set(auth())).body.items.filter(
      (i: IncidentView) => i.title.startsWith(tag),
    );
    expect(titled).toHaveLength(1);
    await accept(duty.phone, tag);
    await takenBy(first.body.id);
  });

  it('no acknowledgement within the tier’s time pages the next tier (the commanders)', async () => {
    const { incident: filed, tag } = await file();
    await expectSmsAbout(duty.phone, tag);
    expect(smsAbout(chief.phone, tag)).toHaveLength(0);
    // 300 s at this scale: the commanders' SMS within a few seconds, not at once.
    await expectSmsAbout(chief.phone, tag);
    const escalated = (await events(filed.id)).find((e) => e.type === 'callout.tier_escalated');
    expect(escalated?.payload).toMatchObject({ tier: 1, reason: 'quorum not met' });
    const [c] = await callouts(filed.id);
    expect(c!.tiers.map((t) => t.ackTimeoutSeconds)).toEqual([300, 600]);
    await accept(chief.phone, tag);
    expect((await takenBy(filed.id)).takenInChargeBy).toBe(chief.name);
  });

  it('a supplementary report that raises the grade pages only whom the higher grade adds', async () => {
    const { incident: filed, tag } = await file();
    await expectSmsAbout(duty.phone, tag);
    await expectSmsAbout(safetyLead.phone, tag);
    await accept(duty.phone, tag);
    await takenBy(filed.id);
    const res = await api()
      .post(`/api/incidents/${filed.id}/reports`)
      .set(auth())
      .send({
        casualties: { deaths: 3, missing: 0, seriousInjuries: 2, minorInjuries: 1 },
        directLossCny: 2_000_000,
        summary: '3人经抢救无效死亡',
      });
    expect(res.status).toBe(201);
    await expectSmsAbout(chief.phone, tag);
    await waitFor(
      async () => ((await callouts(filed.id)).length === 2 ? true : undefined),
      10_000,
      'a second call-out',
    );
    const [raised] = await callouts(filed.id); // newest first
    expect(raised!.recipients.map((r) => r.name)).not.toContain(duty.name);
    await sleep(1000);
    expect(smsAbout(duty.phone, tag)).toHaveLength(1);
    expect(smsAbout(safetyLead.phone, tag)).toHaveLength(1);
    await accept(chief.phone, tag);
  });

  it('a drill’s simulated report pages only the drill roster, marked 【演练】', async () => {
    const doc = await scenarioDocument(s.t, [messageInject('a', 3600)]);
    const sc = await api().post('/api/drills/scenarios').set(auth()).send(doc);
    expect(sc.status).toBe(201);
    const run = await api()
      .post('/api/drills/runs')
      .set(auth())
      .send({
        scenarioId: sc.body.id,
        scheduledFor: new Date().toISOString(),
        contactIds: [duty.id],
        evaluatorIds: [],
      });
    expect(run.status).toBe(201);
    const db = s.t.get(Db).manager;
    const [lead]: { phones: string[] }[] = await db.query(
      `SELECT c.phones FROM contact c JOIN enterprise e ON e.id = c.enterprise_id
        WHERE e.id = $1 AND c.name = e.safety_lead`,
      [doc.setting.enterpriseId],
    );
    const hazmat: { phones: string[] }[] = await db.query(
      `SELECT c.phones FROM contact c JOIN team_member m ON m.contact_id = c.id JOIN team t ON t.id = m.team_id
        WHERE t.enterprise_id IS NULL AND t.type = 'hazmat'`,
    );
    const started = await api().post(`/api/drills/runs/${run.body.id}/start`).set(auth());
    expect(started.status).toBe(200);
    const drillIncidentId = started.body.incidentId as string;

    const [sms] = await expectSmsAbout(duty.phone, doc.setting.address);
    expect(sms!.body.startsWith('【演练】')).toBe(true);
    await waitFor(
      async () => ((await callouts(drillIncidentId)).length ? true : undefined),
      10_000,
      'the call-out',
    );
    const [c] = await callouts(drillIncidentId);
    expect(c!.isDrill).toBe(true);
    expect(c!.recipients.map((r) => r.name)).toEqual([duty.name]);
    await sleep(1000);
    for (const phone of [lead!.phones[0]!, ...hazmat.map((h) => h.phones[0]!)])
      expect(smsAbout(phone, doc.setting.address)).toHaveLength(0);
    await api().post(`/api/drills/runs/${run.body.id}/end`).set(auth());
  });
});
