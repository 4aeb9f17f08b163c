import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import twilio from 'twilio';
import type { AuditEntryView, CalloutView } from '@muster/contracts';
import {
  AUTH_TOKEN,
  type CalloutStack,
  FROM,
  Phone,
  startCalloutStack,
  waitFor,
} from '../support/callouts.js';
import { incidentReport } from '../support/incidents.js';

/**
 * What Twilio tells the server after the fact. Its status callbacks arrive late and out of order:
 * a delivery takes a status only when it moves forwards, so a `failed` that comes after
 * `delivered` is kept in the audit log but neither moves the delivery back nor sets off the call
 * that follows a failed SMS. And a text from a phone with no call-out open is answered in that
 * phone's language. Callbacks are signed with the real twilio SDK.
 */
describe('provider statuses and replies to a phone with nothing open', () => {
  let s: CalloutStack;
  let sql: pg.Client;
  let admin: string;
  let commander: string;
  let incidentId: string;
  let n = 0;

  beforeAll(async () => {
    s = await startCalloutStack();
    sql = new pg.Client({ connectionString: s.t.db.url });
    await sql.connect();
    admin = await s.t.token('zone_admin');
    commander = await s.t.token('commander');
    incidentId = (
      await s.t.http.post('/api/incidents').set('Authorization', `Bearer ${commander}`).send(incidentReport())
    ).body.id;
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  const api = () => request(s.t.baseUrl);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** A status callback as Twilio sends it, signed for the URL it is posted to. */
  const signed = (path: string, form: Record<string, string>) =>
    api()
      .post(path)
      .type('form')
      .set('X-Twilio-Signature', twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${s.publicUrl}${path}`, form))
      .send(form);

  async function contact(name: string, language: 'zh-CN' | 'en' = 'zh-CN') {
    const phone = `+86137${String(10_000_000 + ++n * 7919).slice(-8)}`;
    const res = await api()
      .post('/api/contacts')
      .set(as(admin))
      .send({ name, phones: [phone], language, organization: '消防救援队', post: '队员' });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, phone, sim: new Phone(s.emulator, phone) };
  }

  const audit = async (entity: string, entityId: string) =>
    (await api().get(`/api/audit?entity=${entity}&entityId=${entityId}`).set(as(admin))).body
      .items as AuditEntryView[];

  describe('a call-out delivery', () => {
    it('stays delivered when `failed` arrives after `delivered`, and no call is placed', async () => {
      const a = await contact('钱工');
      // B's text is undelivered: the SMS-failed path calls B at once, proving it is live meanwhile.
      const b = await contact('孙工');
      s.emulator.setPhone(b.phone, { behaviour: 'undelivered' });
      const policy = await api()
        .post('/api/policies')
        .set(as(admin))
        .send({
          name: '迟到状态测试',
          tiers: [
            {
              contactIds: [a.id, b.id],
              teamIds: [],
              channels: ['sms', 'voice'],
              // 36 s at the tests' time scale: no call comes from the ladder's own timer here.
              voiceDelaySeconds: 3600,
              ackTimeoutSeconds: 7200,
              quorum: 2,
            },
          ],
        });
      expect(policy.status).toBe(201);
      const created = await api()
        .post(`/api/incidents/${incidentId}/callouts`)
        .set(as(commander))
        .send({ policyId: policy.body.id, message: '液氯泄漏，请到凤凰山路88号集结' });
      expect(created.status).toBe(201);
      const calloutId = created.body.id as string;
      const recipient = async (phone: string) =>
        (
          (await api().get(`/api/callouts/${calloutId}`).set(as(commander))).body as CalloutView
        ).recipients.find((r) => r.phone === phone)!;

      await a.sim.expectSms();
      const delivered = await waitFor(
        async () => {
          const d = (await recipient(a.phone)).deliveries[0];
          return d?.status === 'delivered' ? d : undefined;
        },
        10_000,
        'the SMS to A delivered',
      );
      await b.sim.expectCall();

      for (const late of ['failed', 'undelivered']) {
        const res = await signed(`/webhooks/twilio/status?delivery=${delivered.id}`, {
          AccountSid: `AC${'0'.repeat(32)}`,
          MessageSid: delivered.providerId!,
          SmsSid: delivered.providerId!,
          MessageStatus: late,
          SmsStatus: late,
          ErrorCode: '30006',
          From: FROM,
          To: a.phone,
        });
        expect(res.status).toBe(204);
      }
      // Long enough for a call set off by the callback to reach the emulator (B's took less).
      await new Promise((r) => setTimeout(r, 1500));

      const after = await recipient(a.phone);
      expect(after.deliveries).toEqual([
        expect.objectContaining({ id: delivered.id, status: 'delivered', errorCode: null }),
      ]);
      expect(after).toMatchObject({ state: 'notified', unreachable: false, lastError: null });
      expect(a.sim.counts()).toEqual({ sms: 1, calls: 0 });
      expect((await audit('callout_delivery', delivered.id)).map((e) => [e.action, e.after])).toEqual([
        [
          'callout_delivery.status_not_taken',
          expect.objectContaining({ status: 'delivered', reported: 'undelivered', errorCode: 30006 }),
        ],
        [
          'callout_delivery.status_not_taken',
          expect.objectContaining({ status: 'delivered', reported: 'failed', errorCode: 30006 }),
        ],
      ]);
      const events = (await api().get(`/api/incidents/${incidentId}/events`).set(as(commander))).body as {
        type: string;
        payload: { recipientId?: string; failure?: unknown };
      }[];
      expect(events.filter((e) => e.payload.recipientId === after.id && e.payload.failure)).toEqual([]);
      await api().post(`/api/callouts/${calloutId}/cancel`).set(as(commander)).expect(200);
    });
  });

  describe('a notification text', () => {
    it('stays delivered when `failed` arrives after `delivered`, and the late status is recorded', async () => {
      const { rows } = await sql.query<{ id: string }>(
        `INSERT INTO notification_sms (idempotency_key, kind, name, phone, body, status, provider_sid)
         VALUES ('late-status-test', 'hazard.reminder', '测试', '+8613700001111', '提醒', 'sent', $1)
         RETURNING id`,
        [`SM${'1'.repeat(32)}`],
      );
      const id = rows[0]!.id;
      const callback = (status: string, extra: Record<string, string> = {}) =>
        signed(`/webhooks/twilio/notification-status?sms=${id}`, {
          MessageSid: `SM${'1'.repeat(32)}`,
          MessageStatus: status,
          ...extra,
        });
      const row = async () =>
        (await sql.query(`SELECT status, error_code FROM notification_sms WHERE id = $1`, [id])).rows[0];

      expect((await callback('delivered')).status).toBe(204);
      expect(await row()).toEqual({ status: 'delivered', error_code: null });
      expect((await callback('failed', { ErrorCode: '30008' })).status).toBe(204);
      expect((await callback('sent')).status).toBe(204);
      expect(await row()).toEqual({ status: 'delivered', error_code: null });
      // The end state it contradicted is recorded; an earlier step arriving late is simply old news.
      expect((await audit('notification_sms', id)).map((e) => [e.action, e.after])).toEqual([
        [
          'notification_sms.status_not_taken',
          expect.objectContaining({ status: 'delivered', reported: 'failed', errorCode: 30008 }),
        ],
      ]);
    });
  });

  describe('a reply from a phone with no call-out open', () => {
    const reply = async (from: string, body: string) => {
      const res = await fetch(`${s.emulator.url}/_emulator/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from, to: FROM, body }),
      });
      expect(res.status).toBeLessThan(300);
      const result = (await res.json()) as { webhook: { status: number }; replies: { body: string }[] };
      expect(result.webhook.status).toBeLessThan(300);
      return result.replies.map((r) => r.body);
    };

    it('is answered in the language of the contact with that number', async () => {
      const english = await contact('Mark Evans', 'en');
      const chinese = await contact('周工');
      expect(await reply(english.phone, '1')).toEqual(['You have no call-out waiting for an answer.']);
      expect(await reply(chinese.phone, '1')).toEqual(['您目前没有待回复的应急呼叫。']);
    });

    it('answers a number nobody knows in Chinese', async () => {
      expect(await reply('+8613700009999', '2')).toEqual(['您目前没有待回复的应急呼叫。']);
    });
  });
});
