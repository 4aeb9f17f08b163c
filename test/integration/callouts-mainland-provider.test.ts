import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import type { CalloutView } from '@muster/contracts';
import { incidentReport } from '../support/incidents.js';
import { type CalloutStack, Phone, startCalloutStack, TENCENT, waitFor } from '../support/callouts.js';

const sign = (body: string, key = TENCENT.callbackKey) =>
  createHmac('sha256', key).update(body).digest('base64');

describe('call-outs through the mainland provider (Tencent Cloud SDK and its emulator) beside Twilio', () => {
  let s: CalloutStack;
  let commander: string;
  let admin: string;
  let incidentId: string;
  let n = 0;

  beforeAll(async () => {
    s = await startCalloutStack({}, 0.01, { tencent: true });
    commander = await s.t.token('commander');
    admin = await s.t.token('zone_admin');
    incidentId = (
      await s.t.http.post('/api/incidents').set('Authorization', `Bearer ${commander}`).send(incidentReport())
    ).body.id;
  });
  afterAll(() => s.close());

  const api = () => request(s.t.baseUrl);
  const auth = () => ({ Authorization: `Bearer ${commander}` });
  const tencent = () => s.tencent!;

  async function contact(name: string, phone = `+86139${String(20_000_000 + ++n * 7919).slice(-8)}`) {
    const res = await api()
      .post('/api/contacts')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ name, phones: [phone], language: 'zh-CN', organization: '消防救援队', post: '队员' });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, phone: res.body.phones[0] as string };
  }

  async function policy(tiers: object[]) {
    const res = await api()
      .post('/api/policies')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ name: `国内通道策略 ${++n}`, tiers });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const tier = (contactIds: string[], extra: object = {}) => ({
    contactIds,
    teamIds: [],
    channels: ['sms', 'voice'],
    voiceDelaySeconds: 300,
    ackTimeoutSeconds: 3000,
    quorum: contactIds.length,
    repeats: 0,
    ...extra,
  });

  const callout = async (body: object) => {
    const res = await api().post(`/api/incidents/${incidentId}/callouts`).set(auth()).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string; shortCode: string };
  };
  const state = async (id: string) =>
    (await api().get(`/api/callouts/${id}`).set(auth())).body as CalloutView;
  const until = (id: string, pred: (c: CalloutView) => boolean, what: string) =>
    waitFor(
      async () => {
        const c = await state(id);
        return pred(c) ? c : undefined;
      },
      15_000,
      what,
    );
  const tencentSms = (to: string) =>
    tencent()
      .messages({ to })
      .filter((m) => m.direction === 'outbound');
  // A call after the tier's voice delay comes from a timer job, which a loaded machine (the whole
  // suite at once) may run seconds late: the wait allows for that beyond the delay itself.
  const tencentCall = (to: string) => waitFor(() => tencent().calls({ to })[0], 30_000, `a call to ${to}`);

  it('runs the ladder: SMS, receipt, reply 1 acknowledges; unanswered → voice notification, key 1 acknowledges', async () => {
    const a = await contact('王队长');
    const b = await contact('李副队');
    const c = await callout({
      // The call follows after 10 s: time enough for a's reply to be taken first.
      policyId: await policy([tier([a.id, b.id], { voiceDelaySeconds: 1000 })]),
      message: '华晟煤化工液氯泄漏，请立即到凤凰山路88号集结',
    });

    const sms = await waitFor(() => tencentSms(a.phone)[0], 10_000, 'the SMS to a');
    expect(sms.content).toMatch(/^【Muster】华晟煤化工液氯泄漏.*回复1确认到岗/);
    expect(sms.templateId).toBe('2001');
    // The receipt comes back by push and is recorded.
    await until(
      c.id,
      (x) => x.recipients.find((r) => r.phone === a.phone)!.deliveries.some((d) => d.status === 'delivered'),
      "a's receipt",
    );
    await tencent().reply(a.phone, '1');
    await until(
      c.id,
      (x) => x.recipients.find((r) => r.phone === a.phone)!.state === 'acknowledged',
      'a acknowledged',
    );

    // b does not answer the text: a voice notification follows, and b presses 1.
    await waitFor(() => tencentSms(b.phone)[0], 10_000, 'the SMS to b');
    const call = await tencentCall(b.phone);
    expect(call.text).toContain('华晟煤化工液氯泄漏');
    await waitFor(
      () => (tencent().press(call.callId, '1') ? true : undefined),
      10_000,
      'the call to wait for a key',
    );
    const done = await until(c.id, (x) => x.status === 'succeeded', 'the call-out to succeed');
    const byPhone = new Map(done.recipients.map((r) => [r.phone, r]));
    expect(byPhone.get(a.phone)).toMatchObject({ state: 'acknowledged', responseChannel: 'sms' });
    expect(byPhone.get(b.phone)).toMatchObject({ state: 'acknowledged', responseChannel: 'voice' });
    // The board shows who reached them: Tencent, for every page; Twilio reached neither.
    for (const r of done.recipients) for (const d of r.deliveries) expect(d.provider).toBe('tencent');
    for (const p of [a.phone, b.phone])
      expect(new Phone(s.emulator, p).counts()).toEqual({ sms: 0, calls: 0 });
    expect(tencent().calls({ to: a.phone })).toEqual([]);
  });

  it('routes a mixed team: +86 mobiles to Tencent, a foreign number to Twilio, a landline by voice only', async () => {
    const mobile = await contact('赵工');
    const foreign = await contact('Smith', '+447700900123');
    const landline = await contact('值班室', '+865512345678');
    const body = {
      policyId: await policy([tier([mobile.id, foreign.id, landline.id])]),
      message: '路由测试',
    };
    // The preview says beforehand who goes through which provider, and what it costs.
    const preview = await api()
      .post(`/api/incidents/${incidentId}/callouts/delivery-preview`)
      .set(auth())
      .send(body)
      .expect(200);
    expect(preview.body).toMatchObject({
      recipients: 3,
      unreachable: 0,
      providers: expect.arrayContaining([
        expect.objectContaining({
          provider: 'tencent',
          texted: 1,
          segments: 2,
          calledOnly: 1,
          dailyCapPerNumber: 10,
        }),
        expect.objectContaining({ provider: 'twilio', texted: 1, calledOnly: 0 }),
      ]),
    });
    const c = await callout(body);
    await waitFor(() => tencentSms(mobile.phone)[0], 10_000, 'the SMS to the mobile');
    await new Phone(s.emulator, foreign.phone).expectSms();
    // The landline is called at once, by the domestic provider, and never texted.
    const call = await tencentCall(landline.phone);
    expect(call.text).toContain('路由测试');
    const board = await until(
      c.id,
      (x) => x.recipients.every((r) => r.deliveries.some((d) => d.provider !== null)),
      'every page sent',
    );
    const pages = Object.fromEntries(
      board.recipients.map((r) => [r.phone, r.deliveries.map((d) => `${d.channel}:${d.provider}`)]),
    );
    expect(pages[mobile.phone]).toEqual(['sms:tencent']);
    expect(pages[foreign.phone]).toEqual(['sms:twilio']);
    expect(pages[landline.phone]).toEqual(['voice:tencent']);
    expect(tencentSms(foreign.phone)).toEqual([]);
    expect(tencentSms(landline.phone)).toEqual([]);
    expect(new Phone(s.emulator, mobile.phone).counts()).toEqual({ sms: 0, calls: 0 });
    expect(new Phone(s.emulator, landline.phone).counts()).toEqual({ sms: 0, calls: 0 });
    await api().post(`/api/callouts/${c.id}/cancel`).set(auth()).expect(200);
  });

  it('refuses a receipt or reply push with a wrong signature (403) and changes nothing', async () => {
    const a = await contact('周八');
    const c = await callout({ contactIds: [a.id], message: '签名测试' });
    const sms = await waitFor(() => tencentSms(a.phone)[0], 10_000, 'the SMS');
    // The real receipt first, so that nothing but the forged pushes could change the row after.
    const before = await until(
      c.id,
      (x) => x.recipients[0]!.deliveries.some((d) => d.channel === 'sms' && d.status === 'delivered'),
      'the real receipt',
    );
    const reply = JSON.stringify({
      extend: '',
      mobile: a.phone.slice(3),
      nationcode: '86',
      sign: 'Muster',
      text: '1',
      time: 1,
    });
    const receipt = JSON.stringify([
      {
        user_receive_time: '2026-01-01 08:00:00',
        nationcode: '86',
        mobile: a.phone.slice(3),
        report_status: 'FAIL',
        errmsg: 'MK:0001',
        description: '',
        sid: sms.serialNo,
      },
    ]);
    const post = (path: string, body: string, headers: Record<string, string>) =>
      api()
        .post(path)
        .set({ 'Content-Type': 'application/json', ...headers })
        .send(body);
    expect((await post('/webhooks/tencent/sms-reply', reply, {})).status).toBe(403);
    expect(
      (await post('/webhooks/tencent/sms-reply', reply, { Sign: sign(reply, 'not-the-callback-key-00') }))
        .status,
    ).toBe(403);
    // A signature of another body does not carry over to this one.
    expect((await post('/webhooks/tencent/sms-reply', reply, { Sign: sign(receipt) })).status).toBe(403);
    expect((await post('/webhooks/tencent/sms-status', receipt, {})).status).toBe(403);
    expect(
      (
        await post('/webhooks/tencent/sms-status', receipt, {
          Sign: sign(receipt, 'not-the-callback-key-00'),
        })
      ).status,
    ).toBe(403);
    expect((await post('/webhooks/tencent/sms-status', receipt, { Sign: sign(reply) })).status).toBe(403);
    const voice = JSON.stringify({
      voicekey_callback: { callid: 'x', keypress: '1', mobile: a.phone.slice(3), nationcode: '86' },
    });
    expect((await post('/webhooks/tencent/voice', voice, { Sign: 'bm90IGEgc2lnbmF0dXJl' })).status).toBe(403);
    const after = await state(c.id);
    expect(after.recipients[0]!.state).toBe('notified');
    // The text's row is as it was (the call the ladder places after its delay is not the pushes' doing).
    const texts = (v: CalloutView) => v.recipients[0]!.deliveries.filter((d) => d.channel === 'sms');
    expect(texts(after)).toEqual(texts(before));
    // Signed as Tencent signs, the same reply is taken.
    expect((await post('/webhooks/tencent/sms-reply', reply, { Sign: sign(reply) })).status).toBe(200);
    await until(c.id, (x) => x.recipients[0]!.state === 'acknowledged', 'the signed reply taken');
  });
});

/** Contacts made straight in the database: thousands of them through the API would test the API. */
async function seedContacts(
  dbUrl: string,
  count: number,
  prefix: string,
): Promise<{ ids: string[]; phones: string[] }> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const phones = Array.from({ length: count }, (_, i) => `+86${prefix}${String(i).padStart(8, '0')}`);
    const { rows } = await c.query(
      `INSERT INTO contact (name, organization, post, phones, skills, certifications, language, notes)
       SELECT '应急队员' || i, '救援队', '队员', ARRAY[p], '{}', '[]', 'zh-CN', ''
         FROM unnest($1::text[]) WITH ORDINALITY AS t(p, i) RETURNING id`,
      [phones],
    );
    return { ids: rows.map((r: { id: string }) => r.id), phones };
  } finally {
    await c.end();
  }
}

describe('failover from the mainland provider to Twilio', () => {
  let s: CalloutStack | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  }, 300_000);

  it('reaches each of 2,000 recipients with exactly one SMS when Tencent fails every send after the first 200', async () => {
    s = await startCalloutStack({ TENCENT_TIMEOUT_SECONDS: '2' }, 1, { tencent: true });
    const stack = s;
    const tencent = stack.tencent!;
    const { ids, phones } = await seedContacts(stack.t.db.url, 2000, '138');
    const commander = await stack.t.token('commander');
    const incidentId = (
      await stack.t.http
        .post('/api/incidents')
        .set('Authorization', `Bearer ${commander}`)
        .send(incidentReport())
    ).body.id as string;
    // After 200 texts, every send fails: two in three with InternalError, one in three by hanging
    // past the client's time-out — that text was taken and is delivered, its answer is lost.
    tencent.setFaults({ failSendsAfter: 200, failWith: 'mixed', timeoutEvery: 3, hangMs: 5000 });
    const callout = await stack.t.http
      .post(`/api/incidents/${incidentId}/callouts`)
      .set('Authorization', `Bearer ${commander}`)
      .send({ contactIds: ids, message: '通道故障切换测试' })
      .expect(201);

    const wanted = new Set(phones);
    const counts = () => {
      const perPhone = new Map<string, { tencent: number; twilio: number }>();
      const at = (p: string) => perPhone.get(p) ?? perPhone.set(p, { tencent: 0, twilio: 0 }).get(p)!;
      for (const m of tencent.messages())
        if (m.direction === 'outbound' && wanted.has(m.to)) at(m.to).tencent++;
      for (const m of stack.emulator.messages() as { to: string }[]) if (wanted.has(m.to)) at(m.to).twilio++;
      return perPhone;
    };
    const db = new pg.Client({ connectionString: stack.t.db.url });
    await db.connect();
    try {
      const settled = async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS open FROM callout_delivery WHERE channel = 'sms' AND status IN ('pending', 'sending')`,
        );
        return counts().size === 2000 && rows[0].open === 0 ? true : undefined;
      };
      await waitFor(settled, 480_000, 'every recipient reached and every send settled');
      const perPhone = counts();
      const notOnce = phones.filter((p) => {
        const c = perPhone.get(p)!;
        return c.tencent + c.twilio !== 1;
      });
      expect(notOnce).toEqual([]);
      const byTencent = phones.filter((p) => perPhone.get(p)!.tencent === 1).length;
      const byTwilio = phones.filter((p) => perPhone.get(p)!.twilio === 1).length;
      // The first 200 and those whose send timed out (taken, then found in the send records).
      expect(byTencent).toBeGreaterThan(200);
      expect(byTwilio).toBeGreaterThan(1000);
      // The board says the same: each page's provider is the emulator that holds it.
      const { rows } = await db.query(
        `SELECT provider, count(*)::int AS n FROM callout_delivery WHERE channel = 'sms' GROUP BY provider`,
      );
      expect(Object.fromEntries(rows.map((r: { provider: string; n: number }) => [r.provider, r.n]))).toEqual(
        {
          tencent: byTencent,
          twilio: byTwilio,
        },
      );
    } finally {
      await db.end();
    }
    // The calls that follow unanswered texts are not this test's business.
    await stack.t.http
      .post(`/api/callouts/${callout.body.id}/cancel`)
      .set('Authorization', `Bearer ${commander}`)
      .expect(200);
    const metrics = await stack.t.http.get('/metrics');
    expect(metrics.text).toMatch(/muster_provider_breaker_state\{provider="tencent"\} [12]/);
  }, 600_000);
});

/**
 * VMS has no query for the calls it placed. A voice notification whose send got no answer is held
 * (TENCENT_VOICE_HOLD_SECONDS) and then found by the call's own push; only a call Tencent surely
 * did not place goes to Twilio. Tencent's breaker opens at its first failure here and lets a
 * probe through a second later, so without the hold a retry would ring the phone again.
 */
describe('voice notifications whose outcome is unknown', () => {
  let s: CalloutStack;
  let commander: string;
  let incidentId: string;

  beforeAll(async () => {
    s = await startCalloutStack(
      {
        TENCENT_TIMEOUT_SECONDS: '1',
        TENCENT_VOICE_HOLD_SECONDS: '8',
        PROVIDER_BREAKER_FAILURES: '1',
        PROVIDER_BREAKER_OPEN_SECONDS: '1',
      },
      // Real escalation time: the tier's next round (a call of its own) comes long after the test.
      1,
      { tencent: true },
    );
    commander = await s.t.token('commander');
    incidentId = (
      await s.t.http.post('/api/incidents').set('Authorization', `Bearer ${commander}`).send(incidentReport())
    ).body.id;
  });
  afterAll(() => s.close());

  /** Calls out one landline (called at once, by voice only); answers its voice page once it went out. */
  async function callLandline(id: string) {
    const c = await s.t.http
      .post(`/api/incidents/${incidentId}/callouts`)
      .set('Authorization', `Bearer ${commander}`)
      .send({ contactIds: [id], message: '语音通道测试' })
      .expect(201);
    return waitFor(
      async () => {
        const view = (
          await s.t.http.get(`/api/callouts/${c.body.id}`).set('Authorization', `Bearer ${commander}`)
        ).body as CalloutView;
        const voice = view.recipients[0]!.deliveries.find((d) => d.channel === 'voice');
        return voice?.providerId ? voice : undefined;
      },
      60_000,
      'the voice page sent or adopted',
    );
  }

  it('adopts the call Tencent placed although its send timed out: nobody is called by both', async () => {
    const tencent = s.tencent!;
    const {
      ids: [id],
      phones: [phone],
    } = await seedContacts(s.t.db.url, 1, '561');
    // Tencent takes the call and rings the phone, but answers after the client gave up.
    tencent.setFaults({ failSendsAfter: 0, failWith: 'timeout', hangMs: 2500 });
    const pending = callLandline(id!);
    const call = await waitFor(
      () => tencent.calls({ to: phone }).find((c) => c.status === 'answered'),
      10_000,
      'the Tencent call ringing',
    );
    // The key's push names a call no send holds yet: refused (409), and remembered by number.
    tencent.press(call.callId, '1');
    const voice = await pending;
    expect(voice.provider).toBe('tencent');
    expect(voice.providerId).toBe(call.callId);
    expect(tencent.calls({ to: phone })).toHaveLength(1);
    expect(s.emulator.calls({ to: phone })).toEqual([]);
  }, 90_000);

  it('calls through Twilio at once when Tencent surely placed no call (it refused the send)', async () => {
    const tencent = s.tencent!;
    const {
      ids: [id],
      phones: [phone],
    } = await seedContacts(s.t.db.url, 1, '562');
    tencent.setFaults({ failSendsAfter: 0, failWith: 'error' });
    // The metrics' registry is the process's: other stacks of this file counted there too.
    const tencentFailures = async () =>
      Number(
        /muster_provider_sends_total\{provider="tencent",outcome="failed"\} (\d+)/.exec(
          (await s.t.http.get('/metrics')).text,
        )?.[1] ?? 0,
      );
    const before = await tencentFailures();
    const voice = await callLandline(id!);
    expect(voice.provider).toBe('twilio');
    expect(tencent.calls({ to: phone })).toEqual([]);
    expect(s.emulator.calls({ to: phone })).toHaveLength(1);
    // Tencent was asked (its breaker's probe) and refused, once.
    expect(await tencentFailures()).toBe(before + 1);
  }, 90_000);
});
