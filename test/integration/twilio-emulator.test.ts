import { describe, expect, it } from '@jest/globals';
import twilio from 'twilio';
import { startTwilioEmulator } from '@muster/twilio-emulator';
import { createTwilioClient } from '../../server/src/messaging/twilio/twilio-client.js';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  FROM,
  emulatorForTests,
  twiml,
  waitFor,
} from '../support/twilio-emulator.js';

/** The emulator's REST API, status callbacks, inbound SMS, faults and inspection API; voice is beside it. */
describe('Twilio emulator', () => {
  const t = emulatorForTests();
  const { hooks, phone, api, restError } = t;

  describe('REST: Messages', () => {
    it('refuses wrong credentials with 401 and Twilio error 20003', async () => {
      const wrong = createTwilioClient({
        accountSid: ACCOUNT_SID,
        authToken: 'wrong',
        apiBase: t.emulator.url,
      });
      const e = await restError(wrong.messages.create({ to: phone(), from: FROM, body: 'x' }));
      expect(e).toBeInstanceOf(twilio.RestException);
      expect(e).toMatchObject({ status: 401, code: 20003 });
      expect(e.moreInfo).toBe('https://www.twilio.com/docs/errors/20003');
      const raw = await fetch(`${t.emulator.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
      expect(raw.status).toBe(401);
      expect(await raw.json()).toEqual({
        code: 20003,
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      });
    });

    it('creates a message and answers it Twilio-shaped, then fetches it by sid', async () => {
      const to = phone();
      const m = await t.client.messages.create({
        to,
        from: FROM,
        body: 'Muster drill: report to the assembly point',
      });
      expect(m.sid).toMatch(/^SM[0-9a-f]{32}$/);
      expect(m).toMatchObject({
        accountSid: ACCOUNT_SID,
        to,
        from: FROM,
        body: 'Muster drill: report to the assembly point',
        status: 'queued',
        direction: 'outbound-api',
        numSegments: '1',
        numMedia: '0',
        errorCode: null,
        apiVersion: '2010-04-01',
        uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${m.sid}.json`,
      });
      expect(m.dateCreated).toBeInstanceOf(Date);
      expect(Math.abs(+m.dateCreated - Date.now())).toBeLessThan(5000);

      const raw = t.emulator.messages({ to })[0];
      expect(raw.date_created).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);

      await waitFor(async () => (await t.client.messages(m.sid).fetch()).status === 'delivered', 'delivered');
      const fetched = await t.client.messages(m.sid).fetch();
      expect(fetched.dateSent).toBeInstanceOf(Date);
      expect(fetched.price).toMatch(/^-0\.\d+$/);

      const missing = await restError(t.client.messages('SM' + 'f'.repeat(32)).fetch());
      expect(missing).toMatchObject({ status: 404, code: 20404 });
    });

    it('counts segments as Twilio does: GSM-7 160/153, UCS-2 (any Chinese character) 70/67', async () => {
      const to = phone();
      const seg = async (body: string) =>
        (await t.client.messages.create({ to, from: FROM, body })).numSegments;
      expect(await seg('a'.repeat(160))).toBe('1');
      expect(await seg('a'.repeat(161))).toBe('2');
      expect(await seg('a'.repeat(306))).toBe('2');
      expect(await seg('a'.repeat(307))).toBe('3');
      expect(await seg('演'.repeat(70))).toBe('1');
      expect(await seg('演'.repeat(71))).toBe('2');
      expect(await seg('演'.repeat(134))).toBe('2');
      expect(await seg('演'.repeat(135))).toBe('3');
      // One Chinese character turns a 100-character English text into UCS-2: two segments.
      expect(await seg('【演练】' + 'a'.repeat(96))).toBe('2');
      expect(await seg('a'.repeat(100))).toBe('1');
    });

    it('lists messages with the SDK filters and pages the way Twilio does', async () => {
      const a = phone();
      const b = phone();
      for (let i = 0; i < 5; i++) await t.client.messages.create({ to: a, from: FROM, body: `a${i}` });
      for (let i = 0; i < 2; i++)
        await t.client.messages.create({ to: b, from: '+15005550001', body: `b${i}` });

      const toA = await t.client.messages.list({ to: a });
      expect(toA.map((m) => m.body)).toEqual(['a4', 'a3', 'a2', 'a1', 'a0']); // newest first
      expect((await t.client.messages.list({ from: '+15005550001' })).map((m) => m.to)).toEqual([b, b]);
      expect(await t.client.messages.list({ to: a, from: '+15005550001' })).toEqual([]);

      // Pages of 2: the SDK follows next_page_uri (rewritten to the emulator) to the end.
      const paged = await t.client.messages.list({ to: a, pageSize: 2 });
      expect(paged.map((m) => m.body)).toEqual(['a4', 'a3', 'a2', 'a1', 'a0']);
      const limited = await t.client.messages.list({ to: a, limit: 3 });
      expect(limited).toHaveLength(3);

      const page = await t.client.messages.page({ to: a, pageSize: 2 });
      expect(page.instances).toHaveLength(2);
      expect(page.nextPageUrl).toMatch(
        /^https:\/\/api\.twilio\.com\/2010-04-01\/Accounts\/AC0+\/Messages\.json\?/,
      );
      const raw = (await api('GET', '/_emulator/messages?to=' + encodeURIComponent(a))).body;
      expect((raw.messages as unknown[]).length).toBe(5);
      const rawPage = await fetch(
        `${t.emulator.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json?To=${encodeURIComponent(a)}&PageSize=2`,
        {
          headers: {
            Authorization: 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64'),
          },
        },
      ).then((r) => r.json() as Promise<Record<string, unknown>>);
      expect(rawPage).toMatchObject({ page: 0, page_size: 2, start: 0, end: 1, previous_page_uri: null });
      expect(rawPage.next_page_uri).toMatch(/Page=1&PageToken=PASM[0-9a-f]{32}/);
      expect(rawPage.uri).toMatch(/^\/2010-04-01\/Accounts\/AC0+\/Messages\.json\?To=/);
      expect(rawPage.first_page_uri).toMatch(/Page=0/);

      // DateSent filters (a message not yet sent counts by its creation time).
      const now = new Date();
      expect(await t.client.messages.list({ to: a, dateSentAfter: new Date(+now - 60_000) })).toHaveLength(5);
      expect(await t.client.messages.list({ to: a, dateSentAfter: new Date(+now + 60_000) })).toHaveLength(0);
      expect(await t.client.messages.list({ to: a, dateSentBefore: new Date(+now - 60_000) })).toHaveLength(
        0,
      );
      expect(await t.client.messages.list({ to: a, dateSentBefore: new Date(+now + 60_000) })).toHaveLength(
        5,
      );
      expect(
        await t.client.messages.list({ to: a, dateSent: new Date(now.toISOString().slice(0, 10)) }),
      ).toHaveLength(5);
    });

    it('rejects an invalid To with 21211 and a landline with 21614, as RestExceptions', async () => {
      const invalid = await restError(t.client.messages.create({ to: '12345', from: FROM, body: 'x' }));
      expect(invalid).toBeInstanceOf(twilio.RestException);
      expect(invalid).toMatchObject({ status: 400, code: 21211 });
      expect(invalid.moreInfo).toBe('https://www.twilio.com/docs/errors/21211');

      const landline = phone();
      expect(
        (await api('POST', '/_emulator/phones', { number: landline, behaviour: 'landline' })).status,
      ).toBe(200);
      const e = await restError(t.client.messages.create({ to: landline, from: FROM, body: 'x' }));
      expect(e).toBeInstanceOf(twilio.RestException);
      expect(e).toMatchObject({ status: 400, code: 21614 });
      expect(t.emulator.messages({ to: landline })).toEqual([]);
      // A landline still takes voice calls.
      const call = await t.client.calls.create({
        to: landline,
        from: FROM,
        twiml: twiml('<Say>Hello</Say>'),
      });
      expect(call.status).toBe('queued');

      const noBody = await restError(t.client.messages.create({ to: phone(), from: FROM }));
      expect(noBody).toMatchObject({ status: 400, code: 21602 });
    });

    it('refuses a number that sent STOP with 21610 until it sends START, and forwards both to the webhook', async () => {
      const to = phone();
      t.emulator.configure({ smsUrl: hooks.url('/sms') });
      await t.client.messages.create({ to, from: FROM, body: 'first' });
      const stop = await api('POST', '/_emulator/sms', { from: to, body: 'stop' });
      expect(stop.body.optedOut).toBe(true);
      const e = await restError(t.client.messages.create({ to, from: FROM, body: 'second' }));
      expect(e).toBeInstanceOf(twilio.RestException);
      expect(e).toMatchObject({ status: 400, code: 21610 });
      // Another sender number is not affected (Twilio opts out per sender).
      await t.client.messages.create({ to, from: '+15005550001', body: 'other sender' });

      const start = await api('POST', '/_emulator/sms', { from: to, to: FROM, body: 'START' });
      expect(start.body.optedOut).toBe(false);
      const again = await t.client.messages.create({ to, from: FROM, body: 'third' });
      expect(again.status).toBe('queued');

      const inbound = hooks.on('/sms');
      expect(inbound.map((h) => [h.params.Body, h.params.OptOutType])).toEqual([
        ['stop', 'STOP'],
        ['START', 'START'],
      ]);
      expect(inbound.every((h) => hooks.valid(h))).toBe(true);
    });
  });

  describe('status callbacks', () => {
    it('posts sent → delivered and nothing for the status it was created with, signed exactly as Twilio signs', async () => {
      const to = phone();
      const m = await t.client.messages.create({
        to,
        from: FROM,
        body: 'hello',
        statusCallback: hooks.url('/status?delivery=42'),
      });
      expect(m.status).toBe('queued');
      await t.emulator.idle();
      const hits = hooks.on('/status');
      expect(hits.map((h) => h.params.MessageStatus)).toEqual(['sent', 'delivered']);
      for (const h of hits) {
        expect(h.params).toMatchObject({
          MessageSid: m.sid,
          SmsSid: m.sid,
          SmsStatus: h.params.MessageStatus,
          AccountSid: ACCOUNT_SID,
          To: to,
          From: FROM,
          ApiVersion: '2010-04-01',
        });
        expect(h.params.ErrorCode).toBeUndefined();
        expect(h.url).toContain('?delivery=42');
        expect(hooks.valid(h)).toBe(true);
      }
      const delivered = hits[1];
      // Tampered: a changed parameter, a different URL, another token, a missing signature.
      expect(
        twilio.validateRequest(AUTH_TOKEN, delivered.signature!, delivered.url, {
          ...delivered.params,
          MessageStatus: 'failed',
        }),
      ).toBe(false);
      expect(
        twilio.validateRequest(
          AUTH_TOKEN,
          delivered.signature!,
          delivered.url.replace('42', '43'),
          delivered.params,
        ),
      ).toBe(false);
      expect(
        twilio.validateRequest('another-token', delivered.signature!, delivered.url, delivered.params),
      ).toBe(false);
      expect(twilio.validateRequest(AUTH_TOKEN, '', delivered.url, delivered.params)).toBe(false);
      expect((await t.client.messages(m.sid).fetch()).status).toBe('delivered');
    });

    it('through a Messaging Service: created accepted, then posts queued → sent → delivered', async () => {
      const messagingServiceSid = `MG${'0'.repeat(31)}1`;
      const m = await t.client.messages.create({
        to: phone(),
        messagingServiceSid,
        body: 'hello',
        statusCallback: hooks.url('/service-status'),
      });
      expect(m.status).toBe('accepted');
      await t.emulator.idle();
      const hits = hooks.on('/service-status');
      expect(hits.map((h) => h.params.MessageStatus)).toEqual(['queued', 'sent', 'delivered']);
      expect(hits.every((h) => h.params.MessagingServiceSid === messagingServiceSid && hooks.valid(h))).toBe(
        true,
      );
    });

    it('reports failed and undelivered with an ErrorCode, per the phone behaviour', async () => {
      const undeliveredPhone = phone();
      const unreachablePhone = phone();
      await api('POST', '/_emulator/phones', { number: undeliveredPhone, behaviour: 'undelivered' });
      await api('POST', '/_emulator/phones', { number: unreachablePhone, behaviour: 'unreachable' });
      const a = await t.client.messages.create({
        to: undeliveredPhone,
        from: FROM,
        body: 'x',
        statusCallback: hooks.url('/s1'),
      });
      const b = await t.client.messages.create({
        to: unreachablePhone,
        from: FROM,
        body: 'x',
        statusCallback: hooks.url('/s2'),
      });
      await t.emulator.idle();
      expect(hooks.on('/s1').map((h) => [h.params.MessageStatus, h.params.ErrorCode])).toEqual([
        ['sent', undefined],
        ['undelivered', '30003'],
      ]);
      expect(hooks.on('/s2').map((h) => [h.params.MessageStatus, h.params.ErrorCode])).toEqual([
        ['failed', '30006'],
      ]);
      expect([...hooks.on('/s1'), ...hooks.on('/s2')].every((h) => hooks.valid(h))).toBe(true);
      expect(await t.client.messages(a.sid).fetch()).toMatchObject({
        status: 'undelivered',
        errorCode: 30003,
      });
      expect(await t.client.messages(b.sid).fetch()).toMatchObject({ status: 'failed', errorCode: 30006 });
    });

    it('keeps the callback backlog bounded: a create waits for room instead of queueing without end', async () => {
      const small = await startTwilioEmulator({
        accountSid: ACCOUNT_SID,
        authToken: AUTH_TOKEN,
        messageStepMs: 0,
        maxPendingMessages: 3,
        callbackConcurrency: 2,
        log: () => undefined,
      });
      try {
        const c = createTwilioClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBase: small.url });
        let peak = 0;
        hooks.routes.set('/slow', () => {
          peak = Math.max(peak, small.stats().lifecycle.active);
          return { status: 204, body: '' };
        });
        const to = phone();
        await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            c.messages.create({ to, from: FROM, body: `m${i}`, statusCallback: hooks.url('/slow') }),
          ),
        );
        await small.idle();
        expect(small.stats().accepted).toBe(12);
        expect(peak).toBeLessThanOrEqual(3);
        expect(hooks.on('/slow')).toHaveLength(24); // sent and delivered for each
        expect(small.messages({ to }).every((m) => m.status === 'delivered')).toBe(true);
      } finally {
        await small.close();
      }
    });
  });

  it('lets callbacks catch up at full pace while creates wait for room, however busy the REST API is', async () => {
    const small = await startTwilioEmulator({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      messageStepMs: 0,
      maxPendingMessages: 2,
      callbackConcurrency: 8,
      burstCallbackConcurrency: 1,
      log: () => undefined,
    });
    const c = createTwilioClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBase: small.url });
    // Other REST requests all along, as a busy sender makes them.
    let asking = true;
    const busy = (async () => {
      while (asking) {
        await c.messages.list({ limit: 1 });
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    try {
      let peak = 0;
      hooks.routes.set('/held', () => {
        peak = Math.max(peak, small.stats().callbacks.inFlight);
        return { status: 204, body: '', delayMs: 150 };
      });
      const to = phone();
      const create = (i: number) =>
        c.messages.create({ to, from: FROM, body: `m${i}`, statusCallback: hooks.url('/held') });
      // Two take the places; the third waits for room, which only their callbacks make.
      const sent = [create(0), create(1)];
      await waitFor(() => small.stats().lifecycle.active === 2, 'two messages held');
      sent.push(create(2));
      await Promise.all(sent);
      await small.idle();
      expect(hooks.on('/held')).toHaveLength(6);
      // Both held messages' callbacks went at once, though REST requests kept arriving.
      expect(peak).toBeGreaterThanOrEqual(2);
    } finally {
      asking = false;
      await busy;
      await small.close();
    }
  });

  describe('inbound SMS', () => {
    it("posts a phone's reply to the SMS webhook, signed, and sends the TwiML <Message> answer back", async () => {
      const from = phone();
      const config = await api('POST', '/_emulator/config', { smsUrl: hooks.url('/webhooks/twilio/sms') });
      expect(config.body).toMatchObject({ smsUrl: hooks.url('/webhooks/twilio/sms') });
      hooks.routes.set('/webhooks/twilio/sms', () => ({
        body: twiml('<Message>收到，谢谢 &amp; thanks</Message>'),
      }));
      await t.client.messages.create({ to: from, from: FROM, body: '【演练】请回复 1 确认' });
      const res = await api('POST', '/_emulator/sms', { from, body: '1' });
      expect(res.status).toBe(200);
      expect(res.body.webhook).toMatchObject({ status: 200 });

      const [hit] = hooks.on('/webhooks/twilio/sms');
      expect(hooks.valid(hit)).toBe(true);
      expect(hit.params).toMatchObject({
        AccountSid: ACCOUNT_SID,
        From: from,
        To: FROM, // the number that messaged the phone
        Body: '1',
        NumMedia: '0',
        SmsStatus: 'received',
        ApiVersion: '2010-04-01',
      });
      expect(hit.params.MessageSid).toMatch(/^SM[0-9a-f]{32}$/);
      expect(hit.params.SmsMessageSid).toBe(hit.params.MessageSid);

      const conversation = (await api('GET', `/_emulator/messages?phone=${encodeURIComponent(from)}`)).body
        .messages as Array<Record<string, string>>;
      expect(conversation.map((m) => [m.direction, m.body])).toEqual([
        ['outbound-api', '【演练】请回复 1 确认'],
        ['inbound', '1'],
        ['outbound-reply', '收到，谢谢 & thanks'],
      ]);
      // Listed through the REST API too, as Twilio lists inbound messages.
      const listed = await t.client.messages.list({ from, to: FROM });
      expect(listed.map((m) => m.body)).toEqual(['1']);

      expect((await api('POST', '/_emulator/sms', { from: 'not-a-number', body: 'x' })).status).toBe(400);
    });
  });

  describe('faults', () => {
    const rawCreate = (to: string) =>
      fetch(`${t.emulator.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, {
        method: 'POST',
        headers: {
          Authorization: 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64'),
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ To: to, From: FROM, Body: 'x' }).toString(),
      });

    it('answers the set fraction of REST requests with 500, and creates nothing for them', async () => {
      const to = phone();
      expect(
        (await api('POST', '/_emulator/faults', { errorRate: 0.3, status: 500, latencyMs: 0, seed: 7 }))
          .status,
      ).toBe(200);
      const statuses: number[] = [];
      for (let i = 0; i < 300; i++) {
        const res = await rawCreate(to);
        statuses.push(res.status);
        if (res.status === 500) {
          expect(await res.json()).toMatchObject({ status: 500, code: 20500 });
        } else {
          await res.arrayBuffer();
        }
      }
      const failed = statuses.filter((s) => s === 500).length;
      expect(failed / 300).toBeGreaterThan(0.2);
      expect(failed / 300).toBeLessThan(0.4);
      expect(statuses.filter((s) => s === 201).length).toBe(300 - failed);
      expect(t.emulator.messages({ to })).toHaveLength(300 - failed);

      const e = await restError(
        (async () => {
          for (;;) await t.client.messages.create({ to, from: FROM, body: 'x' });
        })(),
      );
      expect(e).toBeInstanceOf(twilio.RestException);
      expect(e).toMatchObject({ status: 500, code: 20500 });
    });

    it('answers 429 with Retry-After, adds latency, and turns off with errorRate 0', async () => {
      const to = phone();
      await api('POST', '/_emulator/faults', { errorRate: 1, status: 429, latencyMs: 0 });
      const res = await rawCreate(to);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(await res.json()).toMatchObject({ status: 429, code: 20429 });
      const e = await restError(t.client.messages.create({ to, from: FROM, body: 'x' }));
      expect(e).toMatchObject({ status: 429, code: 20429 });

      await api('POST', '/_emulator/faults', { errorRate: 0, latencyMs: 150 });
      const t0 = Date.now();
      const ok = await t.client.messages.create({ to, from: FROM, body: 'slow' });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
      expect(ok.status).toBe('queued');
      expect((await api('GET', '/_emulator/faults')).body).toMatchObject({ errorRate: 0, latencyMs: 150 });

      expect((await api('POST', '/_emulator/faults', { errorRate: 2 })).status).toBe(400);

      // A mix of statuses, as the call-out resilience test wants (500 and 429).
      await api('POST', '/_emulator/faults', { errorRate: 1, status: [500, 429], latencyMs: 0, seed: 3 });
      const mixed = new Set<number>();
      for (let i = 0; i < 20; i++)
        mixed.add((await rawCreate(to).then(async (r) => (await r.arrayBuffer(), r))).status);
      expect([...mixed].sort()).toEqual([429, 500]);
    });
  });

  describe('inspection API and reset', () => {
    it('lists messages and calls by recipient, and DELETE /_emulator resets everything', async () => {
      const to = phone();
      await api('POST', '/_emulator/phones', { number: to, behaviour: 'busy' });
      await t.client.messages.create({ to, from: FROM, body: 'one' });
      await t.client.messages.create({ to: phone(), from: FROM, body: 'elsewhere' });
      await t.client.calls.create({ to, from: FROM, twiml: twiml('<Say>x</Say>') });
      await api('POST', '/_emulator/sms', { from: to, body: 'STOP' });
      await api('POST', '/_emulator/faults', { errorRate: 0.5, status: 503 });

      const msgs = (await api('GET', `/_emulator/messages?to=${encodeURIComponent(to)}`)).body;
      expect(msgs).toEqual({
        messages: [
          expect.objectContaining({ to, body: 'one', from: FROM, sid: expect.stringMatching(/^SM/) }),
        ],
      });
      const calls = (await api('GET', `/_emulator/calls?to=${encodeURIComponent(to)}`)).body.calls as Array<
        Record<string, unknown>
      >;
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ to, from: FROM, transcript: expect.any(Array), digits: '' });
      const phones = (await api('GET', '/_emulator/phones')).body.phones as Array<Record<string, unknown>>;
      expect(phones.find((p) => p.number === to)).toMatchObject({ behaviour: 'busy', optedOutOf: [FROM] });

      expect((await api('DELETE', '/_emulator')).status).toBe(200);
      expect((await api('GET', '/_emulator/messages')).body).toEqual({ messages: [] });
      expect((await api('GET', '/_emulator/calls')).body).toEqual({ calls: [] });
      expect((await api('GET', '/_emulator/phones')).body).toEqual({ phones: [] });
      expect((await api('GET', '/_emulator/faults')).body).toMatchObject({ errorRate: 0, latencyMs: 0 });
      // Opt-out and the phone's behaviour are gone: the number takes SMS again.
      const m = await t.client.messages.create({ to, from: FROM, body: 'after reset' });
      expect(m.status).toBe('queued');
    });

    it('serves the phone simulator page and its live event stream', async () => {
      const page = await fetch(`${t.emulator.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const html = await page.text();
      expect(html).toContain('模拟电话');
      expect(html).toContain('Phone simulator');
      expect(html).toContain('/_emulator/events');
      expect(html).toContain('name="viewport"');

      const controller = new AbortController();
      const events = await fetch(`${t.emulator.url}/_emulator/events`, { signal: controller.signal });
      expect(events.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = events.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      expect(first).toContain('event: change');
      controller.abort();
      await reader.cancel().catch(() => undefined);
    });
  });
});
