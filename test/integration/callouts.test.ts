import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Job } from 'bullmq';
import pg from 'pg';
import request from 'supertest';
import type { CalloutView } from '@muster/contracts';
import { CalloutEngine } from '../../server/src/callouts/callout-engine.js';
import { incidentReport } from '../support/incidents.js';
import { type CalloutStack, Phone, startCalloutStack, waitFor } from '../support/callouts.js';

describe('call-outs through the real Twilio SDK and the emulator', () => {
  let s: CalloutStack;
  let commander: string;
  let admin: string;
  let incidentId: string;
  let n = 0;

  beforeAll(async () => {
    s = await startCalloutStack();
    commander = await s.t.token('commander');
    admin = await s.t.token('zone_admin');
    incidentId = (
      await s.t.http.post('/api/incidents').set('Authorization', `Bearer ${commander}`).send(incidentReport())
    ).body.id;
  });
  afterAll(() => s.close());

  const api = () => request(s.t.baseUrl);
  const auth = () => ({ Authorization: `Bearer ${commander}` });

  async function contact(name: string, language: 'zh-CN' | 'en' = 'zh-CN') {
    const phone = `+86139${String(10_000_000 + ++n * 7919).slice(-8)}`;
    const res = await api()
      .post('/api/contacts')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ name, phones: [phone], language, organization: '消防救援队', post: '队员' });
    expect(res.status).toBe(201);
    return {
      id: res.body.id as string,
      phone: res.body.phones[0] as string,
      phoneSim: new Phone(s.emulator, res.body.phones[0]),
    };
  }

  async function policy(tiers: object[]) {
    const res = await api()
      .post('/api/policies')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ name: `策略 ${++n}`, tiers });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const tier = (contactIds: string[], extra: object = {}) => ({
    contactIds,
    teamIds: [],
    channels: ['sms', 'voice'],
    voiceDelaySeconds: 60,
    ackTimeoutSeconds: 400,
    quorum: 1,
    repeats: 0,
    ...extra,
  });

  const callout = async (body: object) => {
    const res = await api().post(`/api/incidents/${incidentId}/callouts`).set(auth()).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string; shortCode: string };
  };
  const state = async (id: string) => (await api().get(`/api/callouts/${id}`).set(auth())).body;
  const until = (
    id: string,
    pred: (c: { status: string; recipients: { state: string; id: string }[] }) => boolean,
    what: string,
  ) =>
    waitFor(
      async () => {
        const c = await state(id);
        return pred(c) ? c : undefined;
      },
      30_000,
      what,
    );

  it('runs the ladder: SMS → no answer → voice call → keypress 1 → acknowledged → room event', async () => {
    const a = await contact('王队长');
    const b = await contact('李副队');
    const policyId = await policy([tier([a.id]), tier([b.id])]);
    const c = await callout({ policyId, message: '华晟煤化工液氯泄漏，请立即到凤凰山路88号集结' });

    const sms = await a.phoneSim.expectSms();
    expect(sms.body).toContain('华晟煤化工液氯泄漏');
    expect(sms.body).toContain('回复1确认');
    expect(sms.from).toBe('+15005550006');
    const call = await a.phoneSim.expectCall();
    await a.phoneSim.press(call.sid, '1');

    const done = await until(c.id, (x) => x.status === 'succeeded', 'the call-out to succeed');
    expect(done.recipients[0]!.state).toBe('acknowledged');
    const events = (await api().get(`/api/incidents/${incidentId}/events`).set(auth())).body as {
      type: string;
      payload: Record<string, unknown>;
    }[];
    expect(
      events.some(
        (e) =>
          e.type === 'callout.recipient_updated' &&
          e.payload.state === 'acknowledged' &&
          e.payload.channel === 'voice',
      ),
    ).toBe(true);
    expect(events.some((e) => e.type === 'callout.ended' && e.payload.status === 'succeeded')).toBe(true);
    // Tier 2 was never needed.
    expect(b.phoneSim.counts()).toEqual({ sms: 0, calls: 0 });
    const transcript = JSON.stringify(
      (s.emulator.calls({ to: a.phone })[0] as { transcript?: unknown }).transcript,
    );
    expect(transcript).toContain('应急指挥中心');
  });

  it('pages tier 2 when tier 1 misses its quorum, and says so in the room', async () => {
    const a = await contact('张三');
    const b = await contact('Bob', 'en');
    const policyId = await policy([
      tier([a.id], { channels: ['sms'], ackTimeoutSeconds: 100 }),
      tier([b.id], { channels: ['sms'] }),
    ]);
    const c = await callout({ policyId, message: 'Warehouse fire at Tongda Logistics' });
    await a.phoneSim.expectSms();
    const toB = await b.phoneSim.expectSms();
    expect(toB.body).toMatch(
      /^\[Muster\] Warehouse fire at Tongda Logistics\. Reply 1 to accept, 2 to decline\./,
    );
    await b.phoneSim.reply('Y');
    await until(c.id, (x) => x.status === 'succeeded', 'success after tier 2');
    const events = (await api().get(`/api/incidents/${incidentId}/events`).set(auth())).body as {
      type: string;
      payload: Record<string, unknown>;
    }[];
    expect(
      events.some(
        (e) => e.type === 'callout.tier_escalated' && e.payload.calloutId === c.id && e.payload.tier === 1,
      ),
    ).toBe(true);
    expect(a.phoneSim.unexpected().calls).toEqual([]);
  });

  it('calls at once when an SMS is undelivered, and shows a refused number without retrying it', async () => {
    const a = await contact('周工');
    const b = await contact('吴工');
    s.emulator.setPhone(a.phone, { behaviour: 'undelivered' });
    s.emulator.setPhone(b.phone, { behaviour: 'landline' });
    // The policy's voice delay (36 s at the tests' time scale) is longer than the test waits for the call.
    const policyId = await policy([
      tier([a.id, b.id], { voiceDelaySeconds: 3600, ackTimeoutSeconds: 7200, quorum: 2 }),
    ]);
    const c = await callout({ policyId, message: '危化品仓库起火，请立即到应急指挥中心报到' });
    const recipient = async (phone: string) =>
      ((await state(c.id)) as CalloutView).recipients.find((r) => r.phone === phone)!;

    await a.phoneSim.expectSms();
    const call = await a.phoneSim.expectCall(5_000);
    await a.phoneSim.press(call.sid, '1');
    await until(c.id, (x) => x.recipients.some((r) => r.state === 'acknowledged'), 'the acknowledgement');
    expect((await recipient(a.phone)).deliveries.map((d) => [d.channel, d.status])).toEqual([
      ['sms', 'undelivered'],
      ['voice', expect.any(String)],
    ]);

    // A landline is refused (21614) when the SMS is created: nothing reaches the phone, the
    // commander sees why, the same SMS is not tried again, and the phone is called instead.
    const refused = await waitFor(
      async () => {
        const r = await recipient(b.phone);
        return r.deliveries.some((d) => d.channel === 'sms' && d.status === 'failed') ? r : undefined;
      },
      10_000,
      'the refused SMS',
    );
    const sms = refused.deliveries.filter((d) => d.channel === 'sms');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.errorCode).toBe(21614);
    expect(sms[0]!.errorMessage).toBeTruthy();
    expect(b.phoneSim.counts().sms).toBe(0);
    await b.phoneSim.expectCall(5_000);
    expect((await recipient(b.phone)).lastError).toBeTruthy();

    // The room says why each SMS did not get through, so the board shows it as the calls follow.
    const events = (await api().get(`/api/incidents/${incidentId}/events`).set(auth())).body as {
      type: string;
      payload: { calloutId?: string; recipientId?: string; channel?: string; failure?: unknown };
    }[];
    const failureFor = async (phone: string) => {
      const id = (await recipient(phone)).id;
      return events.find(
        (e) => e.type === 'callout.recipient_updated' && e.payload.recipientId === id && e.payload.failure,
      )?.payload;
    };
    expect(await failureFor(b.phone)).toMatchObject({
      channel: 'voice',
      failure: { channel: 'sms', code: 21614, status: 'failed' },
    });
    expect(await failureFor(a.phone)).toMatchObject({
      channel: 'voice',
      failure: { channel: 'sms', status: 'undelivered' },
    });
    await api().post(`/api/callouts/${c.id}/cancel`).set(auth()).expect(200);
  });

  it("calls a tier's unanswered together after its voice delay, from one timer, and nobody twice", async () => {
    const [a, b, c] = [await contact('钱一'), await contact('孙二'), await contact('李三')];
    // 300 s is 3 s at the tests' time scale: long enough to answer one text first.
    const policyId = await policy([
      tier([a.id, b.id, c.id], { voiceDelaySeconds: 300, ackTimeoutSeconds: 7200, quorum: 3 }),
    ]);
    const co = await callout({ policyId, message: '罐区可燃气体报警，请立即到岗' });
    await Promise.all([a, b, c].map((p) => p.phoneSim.expectSms()));
    await a.phoneSim.reply('1');
    await until(co.id, (x) => x.recipients.some((r) => r.state === 'acknowledged'), 'the SMS answer');
    await Promise.all([b, c].map((p) => p.phoneSim.expectCall(10_000)));

    const sql = new pg.Client({ connectionString: s.t.db.url });
    await sql.connect();
    try {
      // One timer for the tier, however many people it has.
      const timers = await sql.query(
        `SELECT payload FROM outbox WHERE job = 'callout-voice-escalation' AND payload->>'calloutId' = $1`,
        [co.id],
      );
      expect(timers.rows.map((r) => r.payload)).toEqual([{ calloutId: co.id, tier: 0, round: 0 }]);
      // The job again (queued anew after Redis lost it): the calls exist, nobody is called again.
      await s.t.get(CalloutEngine).escalateToVoice({ calloutId: co.id, tier: 0, round: 0 });
      // A per-person job left by an earlier version calls only its person, and only once.
      const bId = ((await state(co.id)) as CalloutView).recipients.find((r) => r.phone === b.phone)!.id;
      await s.t.get(CalloutEngine).escalateToVoice({ calloutId: co.id, recipientId: bId, tier: 0, round: 0 });
      const calls = await sql.query(
        `SELECT r.phone, count(*)::int AS n FROM callout_delivery d JOIN callout_recipient r ON r.id = d.recipient_id
          WHERE d.callout_id = $1 AND d.channel = 'voice' GROUP BY r.phone ORDER BY r.phone`,
        [co.id],
      );
      expect(calls.rows).toEqual([b.phone, c.phone].sort().map((phone) => ({ phone, n: 1 })));
    } finally {
      await sql.end();
    }
    // The room shows each call as it is queued, in one numbered run of events.
    const events = (await api().get(`/api/incidents/${incidentId}/events`).set(auth())).body as {
      seq: number;
      type: string;
      payload: { calloutId?: string; recipientId?: string; channel?: string; name?: string };
    }[];
    const queued = events.filter(
      (e) =>
        e.type === 'callout.recipient_updated' &&
        e.payload.calloutId === co.id &&
        e.payload.channel === 'voice',
    );
    expect(queued.map((e) => e.payload.name).sort()).toEqual(['孙二', '李三'].sort());
    expect(new Set(events.map((e) => e.seq)).size).toBe(events.length);
    await new Promise((r) => setTimeout(r, 1_000));
    // The one who answered by text is not called (the second text is the answer's confirmation).
    expect(a.phoneSim.counts().calls).toBe(0);
    expect(b.phoneSim.counts().calls).toBe(1);
    expect(c.phoneSim.counts().calls).toBe(1);
    await api().post(`/api/callouts/${co.id}/cancel`).set(auth()).expect(200);
  });

  it('takes a reply with the short code when a phone has several open call-outs', async () => {
    const a = await contact('赵六');
    const first = await callout({ contactIds: [a.id], message: '第一次呼叫' });
    await a.phoneSim.expectSms();
    const second = await callout({ contactIds: [a.id], message: '第二次呼叫' });
    const sms2 = await a.phoneSim.expectSms();
    expect(sms2.body).toContain(`"1 ${second.shortCode}"`);
    await a.phoneSim.reply('1');
    // Ambiguous: nothing is acknowledged, the phone is asked for the code.
    await new Promise((r) => setTimeout(r, 300));
    expect((await state(first.id)).recipients[0].state).toBe('notified');
    expect((await state(second.id)).recipients[0].state).toBe('notified');
    await a.phoneSim.reply(`1 ${second.shortCode}`);
    await until(second.id, (x) => x.status === 'succeeded', 'the second call-out acknowledged');
    expect((await state(first.id)).recipients[0].state).toBe('notified');
    await api().post(`/api/callouts/${first.id}/cancel`).set(auth()).expect(200);
  });

  it('adopts an interrupted text at the provider even when a later call-out changed what it would say', async () => {
    const a = await contact('孙七');
    const first = await callout({ contactIds: [a.id], message: '第一次呼叫' });
    expect((await a.phoneSim.expectSms()).body).not.toContain(first.shortCode);
    const sql = new pg.Client({ connectionString: s.t.db.url });
    await sql.connect();
    // Once the provider's callbacks are in (a later one would settle the row again)…
    await waitFor(
      async () =>
        (
          await sql.query(`SELECT 1 FROM callout_delivery WHERE callout_id = $1 AND status = 'delivered'`, [
            first.id,
          ])
        ).rowCount === 1 || undefined,
      10_000,
      'the text delivered',
    );
    // …the worker died between Twilio's answer and recording it, and its lease has run out.
    const {
      rows: [delivery],
    } = await sql.query<{ id: string }>(
      `UPDATE callout_delivery SET status = 'sending', provider_sid = NULL, sending_since = now(),
              in_flight_until = now() - interval '1 second'
        WHERE callout_id = $1 AND channel = 'sms' RETURNING id`,
      [first.id],
    );
    // Meanwhile a second call-out awaits the same phone: a text of the first built now would carry
    // the first's short code, unlike the one the phone got.
    await callout({ contactIds: [a.id], message: '第二次呼叫' });
    await a.phoneSim.expectSms();

    await s.t.get(CalloutEngine).sendSms({ deliveryId: delivery!.id }, {} as Job);
    expect(a.phoneSim.unexpected().sms).toEqual([]);
    const adopted = await sql.query<{ status: string; provider_sid: string | null }>(
      `SELECT status, provider_sid FROM callout_delivery WHERE id = $1`,
      [delivery!.id],
    );
    await sql.end();
    expect(adopted.rows[0]!.status).not.toBe('sending');
    expect(adopted.rows[0]!.provider_sid).toMatch(/^SM/);
    await api().post(`/api/callouts/${first.id}/cancel`).set(auth()).expect(200);
  });

  it('acknowledges through the signed link on the responder page API', async () => {
    const a = await contact('孙七');
    const c = await callout({ contactIds: [a.id], message: '请到指挥部报到' });
    const sms = await a.phoneSim.expectSms();
    const link = /\/r\/(\S+)$/.exec(sms.body)![1]!;
    // The phone can hold the text a moment before the provider's acceptance is recorded.
    await until(c.id, (x) => x.recipients[0]!.state === 'notified', 'the SMS recorded as accepted');
    const briefing = await api().get(`/api/respond/${link}`);
    expect(briefing.status).toBe(200);
    expect(briefing.body).toMatchObject({
      message: '请到指挥部报到',
      recipientName: '孙七',
      state: 'notified',
      isDrill: false,
    });
    const forged = await api().get(`/api/respond/${link.slice(0, -2)}xx`);
    expect(forged.status).toBe(404);
    const answer = await api()
      .post(`/api/respond/${link}`)
      .send({ decision: 'accept', location: { lat: 33.99, lng: 116.82 } });
    expect(answer.body.state).toBe('acknowledged');
    const done = await until(c.id, (x) => x.status === 'succeeded', 'success by link');
    expect(done.recipients[0]).toMatchObject({ responseChannel: 'link' });
  });

  it("shows a responder's shared position with its time to the room, and to no one outside its scope", async () => {
    const a = await contact('钱九');
    const c = await callout({ contactIds: [a.id], message: '请到集结点' });
    const link = /\/r\/(\S+)$/.exec((await a.phoneSim.expectSms()).body)![1]!;
    await api().post(`/api/respond/${link}`).send({ decision: 'accept' });
    const before = await api().get(`/api/incidents/${incidentId}/responder-positions`).set(auth());
    expect(before.status).toBe(200);
    expect(before.body.some((p: { calloutId: string }) => p.calloutId === c.id)).toBe(false);

    // Shared again later, from where they now are: the latest position is the one shown.
    await api()
      .post(`/api/respond/${link}`)
      .send({ decision: 'accept', location: { lat: 33.991, lng: 116.821 } });
    const sharedAt = Date.now();
    await api()
      .post(`/api/respond/${link}`)
      .send({ decision: 'accept', location: { lat: 33.992, lng: 116.822 } });
    const mine = (
      await api().get(`/api/incidents/${incidentId}/responder-positions`).set(auth())
    ).body.filter((p: { calloutId: string }) => p.calloutId === c.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      name: '钱九',
      state: 'acknowledged',
      lat: 33.992,
      lng: 116.822,
      incidentId,
    });
    expect(Date.parse(mine[0].locatedAt)).toBeGreaterThanOrEqual(sharedAt - 1000);
    const open = (await api().get('/api/responder-positions').set(auth())).body as { recipientId: string }[];
    expect(open.map((p) => p.recipientId)).toContain(mine[0].recipientId);

    const events = (await api().get(`/api/incidents/${incidentId}/events`).set(auth())).body as {
      type: string;
      payload: { recipientId?: string; lat?: number };
    }[];
    const shared = events.filter(
      (e) => e.type === 'callout.location_shared' && e.payload.recipientId === mine[0].recipientId,
    );
    expect(shared.map((e) => e.payload.lat)).toEqual([33.991, 33.992]);

    // Another enterprise's officer sees neither the incident's positions nor them zone-wide.
    const other = { Authorization: `Bearer ${await s.t.token('officer2')}` };
    expect((await api().get(`/api/incidents/${incidentId}/responder-positions`).set(other)).status).toBe(404);
    const theirs = (await api().get('/api/responder-positions').set(other)).body as { incidentId: string }[];
    expect(theirs.some((p) => p.incidentId === incidentId)).toBe(false);
    await api().post(`/api/callouts/${c.id}/cancel`).set(auth());
  });

  it('refuses webhooks with a wrong or missing signature (403) and changes nothing', async () => {
    const a = await contact('周八');
    const c = await callout({ contactIds: [a.id], message: '签名测试' });
    await a.phoneSim.expectSms();
    const form = {
      From: a.phone,
      To: '+15005550006',
      Body: '1',
      MessageSid: 'SM' + '0'.repeat(32),
      AccountSid: 'AC' + '0'.repeat(32),
    };
    const missing = await api().post('/webhooks/twilio/sms').type('form').send(form);
    expect(missing.status).toBe(403);
    const wrong = await api()
      .post('/webhooks/twilio/sms')
      .set('X-Twilio-Signature', 'bm90IGEgc2lnbmF0dXJl')
      .type('form')
      .send(form);
    expect(wrong.status).toBe(403);
    const status = await api()
      .post('/webhooks/twilio/status?delivery=00000000-0000-0000-0000-000000000000')
      .type('form')
      .send({ MessageStatus: 'failed' });
    expect(status.status).toBe(403);
    // Status callbacks skip Nest's pipeline, but refuse in the API's own words, with a request id.
    expect(status.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    expect(status.headers['x-request-id']).toMatch(/^[\w.-]+$/);
    const huge = await api()
      .post('/webhooks/twilio/status?delivery=00000000-0000-0000-0000-000000000000')
      .type('form')
      .send(`MessageStatus=failed&Body=${'x'.repeat(200_000)}`);
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ statusCode: 413, message: 'body: not a form this webhook can read' });
    const json = await api()
      .post('/webhooks/twilio/status?delivery=00000000-0000-0000-0000-000000000000')
      .send({ MessageStatus: 'failed' });
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ statusCode: 400, message: 'body: not a form this webhook can read' });
    expect((await state(c.id)).recipients[0].state).toBe('notified');
    await api().post(`/api/callouts/${c.id}/cancel`).set(auth()).expect(200);
  });

  it('shows the commander the texts and their segment counts before sending', async () => {
    const res = await api().post('/api/callouts/preview').set(auth()).send({ message: 'Chlorine leak' });
    expect(res.status).toBe(200);
    expect(res.body.map((p: { language: string; encoding: string }) => [p.language, p.encoding])).toEqual([
      ['zh-CN', 'UCS-2'],
      ['en', 'GSM-7'],
    ]);
  });
});
