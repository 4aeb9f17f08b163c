import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { CalloutView, MyCalloutList, MyCalloutView } from '@muster/contracts';
import { incidentReport } from '../support/incidents.js';
import { type CalloutStack, Phone, startCalloutStack, waitFor } from '../support/callouts.js';

/**
 * A signed-in responder's own call-outs, found through the directory contact linked to their
 * account (the demo's responder1 is 孙浩 of the zone's fire team), and their answer from the
 * console: through the same path as the SMS link, so the board, the room and the audit follow.
 */
describe('my call-outs: a responder sees and answers their own in the console', () => {
  let s: CalloutStack;
  let commander: string;
  let responder: string;
  let inspector: string;
  let incidentId: string;
  let sunhao: { id: string; phone: string };
  let other: { id: string; phone: string };

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function contact(name: string) {
    const res = await s.t.http.get(`/api/contacts?q=${encodeURIComponent(name)}`).set(as(commander));
    const found = res.body.items.find((c: { name: string }) => c.name === name);
    if (!found) throw new Error(`demo contact ${name} is missing`);
    return { id: found.id as string, phone: found.phones[0] as string };
  }

  async function callout(contactIds: string[], message: string): Promise<CalloutView> {
    const res = await s.t.http
      .post(`/api/incidents/${incidentId}/callouts`)
      .set(as(commander))
      .send({ contactIds, message });
    expect(res.status).toBe(201);
    return res.body;
  }

  const mine = async (scope: 'open' | 'recent' = 'open', token = responder): Promise<MyCalloutList> => {
    const res = await s.t.http.get(`/api/me/callouts?scope=${scope}`).set(as(token));
    expect(res.status).toBe(200);
    return res.body;
  };
  const answer = (calloutId: string, body: object, token = responder) =>
    s.t.http.post(`/api/me/callouts/${calloutId}/answer`).set(as(token)).send(body);
  const board = async (id: string): Promise<CalloutView> =>
    (await s.t.http.get(`/api/callouts/${id}`).set(as(commander))).body;
  const roomAnswers = async (calloutId: string) =>
    (
      (await s.t.http.get(`/api/incidents/${incidentId}/events?sinceSeq=0`).set(as(commander))).body as {
        type: string;
        payload: { calloutId: string; state: string; channel?: string };
      }[]
    ).filter(
      (e) =>
        e.type === 'callout.recipient_updated' &&
        e.payload.calloutId === calloutId &&
        (e.payload.state === 'acknowledged' || e.payload.state === 'declined'),
    );

  beforeAll(async () => {
    s = await startCalloutStack();
    commander = await s.t.token('commander');
    responder = await s.t.token('responder');
    inspector = await s.t.token('inspector');
    incidentId = (await s.t.http.post('/api/incidents').set(as(commander)).send(incidentReport())).body.id;
    sunhao = await contact('孙浩');
    other = await contact('丁杰');
  }, 60_000);
  afterAll(() => s?.close());

  it('lists only the call-outs that name the contact linked to the account', async () => {
    const both = await callout([sunhao.id, other.id], '请到东门集合，携带空气呼吸器');
    const notMe = await callout([other.id], '请到指挥部报到');
    const list = await mine();
    expect(list.linked).toBe(true);
    expect(list.items.map((i) => i.calloutId)).toEqual([both.id]);
    const item = list.items[0]!;
    expect(item).toMatchObject({
      recipientId: both.recipients.find((r) => r.contactId === sunhao.id)!.id,
      incidentId,
      isDrill: false,
      open: true,
      calloutStatus: 'active',
      message: '请到东门集合，携带空气呼吸器',
      incident: {
        title: '氯气储罐阀门泄漏',
        category: 'hazardous_chemical_leak',
        severity: expect.any(String),
        address: '杜集经济开发区凤凰山路88号 液氯库',
        location: { lat: 33.9962, lng: 116.8128 },
      },
    });
    expect(['pending', 'notified']).toContain(item.state);
    // The token opens the same person's briefing on the link page, and nobody else's.
    const briefing = await s.t.http.get(`/api/respond/${item.briefingToken}`);
    expect(briefing.status).toBe(200);
    expect(briefing.body.recipientName).toBe('孙浩');

    // Someone else's call-out: not found, whether it exists or not, and nothing changes.
    const foreign = await answer(notMe.id, { decision: 'accept' });
    expect(foreign.status).toBe(404);
    expect((await board(notMe.id)).recipients[0]!.state).not.toBe('acknowledged');
    expect((await answer('00000000-0000-4000-8000-000000000000', { decision: 'accept' })).status).toBe(404);

    // An account no contact is linked to sees nothing, and is told why.
    const unlinked = await mine('open', inspector);
    expect(unlinked).toEqual({ items: [], total: 0, linked: false });
    expect((await answer(both.id, { decision: 'accept' }, inspector)).status).toBe(404);

    await s.t.http.post(`/api/callouts/${notMe.id}/cancel`).set(as(commander)).expect(200);
    await s.t.http.post(`/api/callouts/${both.id}/cancel`).set(as(commander)).expect(200);
  });

  it('accepts from the console like the link: the board, the room and the audit follow, once', async () => {
    const c = await callout([sunhao.id], '东侧罐区泄漏，请立即到东门集合');
    const phone = new Phone(s.emulator, sunhao.phone);
    await phone.expectSms();
    await waitFor(
      async () => ((await board(c.id)).recipients[0]!.state === 'notified' ? true : undefined),
      10_000,
      'the SMS recorded as accepted',
    );
    const first = await answer(c.id, { decision: 'accept', location: { lat: 33.998, lng: 116.81 } });
    expect(first.status).toBe(200);
    expect(first.body as MyCalloutView).toMatchObject({
      calloutId: c.id,
      state: 'acknowledged',
      responseChannel: 'console',
      // One of one acknowledged: the call-out has met its quorum, and the responder is coming.
      calloutStatus: 'succeeded',
      open: true,
    });
    const after = await board(c.id);
    expect(after.status).toBe('succeeded');
    expect(after.recipients[0]).toMatchObject({ state: 'acknowledged', responseChannel: 'console' });
    expect(await roomAnswers(c.id)).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({ state: 'acknowledged', channel: 'console' }),
      }),
    ]);
    const audit: { user_email: string; action: string; after: { channel: string } }[] = await s.t
      .get(DataSource)
      .query(
        `SELECT user_email, action, after FROM audit_log WHERE entity = 'callout_recipient' AND entity_id = $1`,
        [c.recipients[0]!.id],
      );
    expect(audit).toEqual([
      expect.objectContaining({
        user_email: 'responder1@muster.test',
        action: 'callout.acknowledged',
        after: expect.objectContaining({ channel: 'console' }),
      }),
    ]);

    // Answering again, or changing one's mind, changes nothing, as on the link page.
    const again = await answer(c.id, { decision: 'accept' });
    expect(again.status).toBe(200);
    expect(again.body.state).toBe('acknowledged');
    const decline = await answer(c.id, { decision: 'decline' });
    expect(decline.status).toBe(200);
    expect(decline.body.state).toBe('acknowledged');
    expect(await roomAnswers(c.id)).toHaveLength(1);
    // Coming to a call-out that succeeded: it stays open for the briefing while the incident is.
    expect((await mine()).items.map((i) => i.calloutId)).toContain(c.id);
  });

  it('refuses an answer to an ended call-out with a clear error, and lists it among the recent', async () => {
    const c = await callout([sunhao.id, other.id], '请到二号门待命');
    await s.t.http.post(`/api/callouts/${c.id}/cancel`).set(as(commander)).expect(200);
    const res = await answer(c.id, { decision: 'accept' });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('The call-out has ended; it no longer takes answers');
    expect(res.body.problems).toEqual([expect.objectContaining({ code: 'callout.ended' })]);
    expect((await board(c.id)).recipients.find((r) => r.contactId === sunhao.id)!.state).not.toBe(
      'acknowledged',
    );
    expect((await mine('open')).items.map((i) => i.calloutId)).not.toContain(c.id);
    const recent = await mine('recent');
    const ended = recent.items.find((i) => i.calloutId === c.id)!;
    // As on the link once it has ended: the incident's title and the outcome, no briefing.
    expect(ended).toMatchObject({
      open: false,
      calloutStatus: 'cancelled',
      message: null,
      briefingToken: null,
    });
    expect(ended.incident).toEqual({
      title: '氯气储罐阀门泄漏',
      category: 'hazardous_chemical_leak',
      severity: expect.any(String),
    });
    expect(ended.endedAt).not.toBeNull();
    // Newest ended first.
    expect(recent.items[0]!.calloutId).toBe(c.id);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const scope = await s.t.http.get('/api/me/callouts?scope=all').set(as(responder));
    expect(scope.status).toBe(400);
    expect(JSON.stringify(scope.body.message)).toContain('scope');
    const c = (await mine('recent')).items[0]!;
    const decision = await answer(c.calloutId, { decision: 'maybe' });
    expect(decision.status).toBe(400);
    expect(JSON.stringify(decision.body.message)).toContain('decision');
    const id = await s.t.http
      .post('/api/me/callouts/not-a-uuid/answer')
      .set(as(responder))
      .send({ decision: 'accept' });
    expect(id.status).toBe(400);
  });
});
