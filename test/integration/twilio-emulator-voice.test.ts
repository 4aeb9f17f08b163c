import { describe, expect, it } from '@jest/globals';
import { ACCOUNT_SID, FROM, emulatorForTests, twiml, waitFor } from '../support/twilio-emulator.js';

/** The emulator's voice calls, driven through the real `twilio` SDK as Muster drives them. */
describe('Twilio emulator', () => {
  const t = emulatorForTests();
  const { hooks, phone, api, restError } = t;

  describe('voice', () => {
    const callbackEvents = ['initiated', 'ringing', 'answered', 'completed'];

    it('fetches TwiML, says it in the right language, waits in the Gather, and posts the keypress to the action', async () => {
      const to = phone();
      await api('POST', '/_emulator/phones', { number: to, behaviour: 'normal', language: 'zh-CN' });
      hooks.routes.set('/voice', () => ({
        body: twiml(
          '<Say language="zh-CN" voice="Polly.Zhiyu">【演练】化工园区发生泄漏。</Say>' +
            '<Gather numDigits="1" action="/voice/gather?callout=7" method="POST" timeout="10" input="dtmf">' +
            '<Say language="zh-CN">确认请按 1，拒绝请按 2。</Say></Gather>' +
            '<Say language="zh-CN">没有收到按键，再见。</Say>',
        ),
      }));
      hooks.routes.set('/voice/gather', (p) => ({
        body: twiml(
          p.Digits === '1'
            ? '<Say language="en-US">Acknowledged. Thank you.</Say><Hangup/>'
            : '<Say>Declined.</Say><Hangup/>',
        ),
      }));
      const call = await t.client.calls.create({
        to,
        from: FROM,
        url: hooks.url('/voice'),
        method: 'POST',
        statusCallback: hooks.url('/call-status'),
        statusCallbackEvent: callbackEvents,
      });
      expect(call.sid).toMatch(/^CA[0-9a-f]{32}$/);
      expect(call).toMatchObject({ to, from: FROM, status: 'queued', direction: 'outbound-api' });

      const waiting = await waitFor(
        () => t.emulator.calls({ to }).find((c) => c.waiting_for_digits),
        'the call to wait in its Gather',
      );
      expect(waiting.status).toBe('in-progress');
      const [voice] = hooks.on('/voice');
      expect(hooks.valid(voice)).toBe(true);
      expect(voice.params).toMatchObject({
        CallSid: call.sid,
        AccountSid: ACCOUNT_SID,
        From: FROM,
        To: to,
        CallStatus: 'in-progress',
        Direction: 'outbound-api',
        ApiVersion: '2010-04-01',
      });
      expect((await t.client.calls(call.sid).fetch()).status).toBe('in-progress');

      const press = await api('POST', `/_emulator/calls/${call.sid}/digits`, { digits: '1' });
      expect(press.status).toBe(200);
      const done = await waitFor(
        () => t.emulator.calls({ to }).find((c) => c.status === 'completed'),
        'the call to complete',
      );
      const [gather] = hooks.on('/voice/gather');
      expect(hooks.valid(gather)).toBe(true);
      expect(gather.url).toBe(hooks.url('/voice/gather?callout=7'));
      expect(gather.params).toMatchObject({ Digits: '1', CallSid: call.sid, CallStatus: 'in-progress' });

      const transcript = done.transcript as Array<Record<string, unknown>>;
      expect(transcript.filter((e) => e.type === 'say').map((e) => [e.language, e.text])).toEqual([
        ['zh-CN', '【演练】化工园区发生泄漏。'],
        ['zh-CN', '确认请按 1，拒绝请按 2。'],
        ['en-US', 'Acknowledged. Thank you.'],
      ]);
      expect(transcript.find((e) => e.type === 'say')!.voice).toBe('Polly.Zhiyu');
      expect(transcript.find((e) => e.type === 'gather')).toMatchObject({
        result: 'digits',
        digits: '1',
        numDigits: 1,
      });
      expect(transcript.filter((e) => e.type === 'digits').map((e) => e.digits)).toEqual(['1']);
      expect(done.digits).toBe('1');
      expect(done.waiting_for_digits).toBe(false);

      await waitFor(
        () => hooks.on('/call-status').some((h) => h.params.CallStatus === 'completed'),
        'completed callback',
      );
      const statuses = hooks.on('/call-status');
      expect(statuses.map((h) => h.params.CallStatus)).toEqual([
        'initiated',
        'ringing',
        'in-progress',
        'completed',
      ]);
      expect(statuses.map((h) => h.params.SequenceNumber)).toEqual(['0', '1', '2', '3']);
      expect(statuses.every((h) => hooks.valid(h))).toBe(true);
      expect(statuses[3].params.CallDuration).toMatch(/^\d+$/);
      const fetched = await t.client.calls(call.sid).fetch();
      expect(fetched.status).toBe('completed');
      expect(fetched.startTime).toBeInstanceOf(Date);
      expect(fetched.endTime).toBeInstanceOf(Date);
    });

    it('continues after the Gather when no key is pressed before the timeout', async () => {
      t.emulator.configure({ gatherTimeoutMs: 100 });
      const to = phone();
      const call = await t.client.calls.create({
        to,
        from: FROM,
        twiml: twiml(
          '<Gather numDigits="1" action="https://example.invalid/never"><Say>Press 1</Say></Gather><Pause length="1"/><Say>No input. Goodbye.</Say>',
        ),
      });
      const done = await waitFor(
        () => t.emulator.calls({ to }).find((c) => c.status === 'completed'),
        'completion',
        5000,
      );
      expect(done.sid).toBe(call.sid);
      const transcript = done.transcript as Array<Record<string, unknown>>;
      expect(transcript.map((e) => e.type)).toEqual(['say', 'gather', 'pause', 'say', 'hangup']);
      expect(transcript[1]).toMatchObject({ result: 'timeout' });
      expect(transcript[3]).toMatchObject({ text: 'No input. Goodbye.' });
    });

    it('follows <Redirect> and collects several digits up to finishOnKey', async () => {
      const to = phone();
      hooks.routes.set('/start', () => ({ body: twiml('<Redirect method="POST">/menu</Redirect>') }));
      hooks.routes.set('/menu', () => ({
        body: twiml('<Gather action="/pin" finishOnKey="#"><Say>PIN then hash</Say></Gather>'),
      }));
      hooks.routes.set('/pin', () => ({ body: twiml('<Say>ok</Say>') }));
      const call = await t.client.calls.create({ to, from: FROM, url: hooks.url('/start') });
      await waitFor(() => t.emulator.calls({ to }).find((c) => c.waiting_for_digits), 'gather');
      await api('POST', `/_emulator/calls/${call.sid}/digits`, { digits: '12' });
      await api('POST', `/_emulator/calls/${call.sid}/digits`, { digits: '34#' });
      await waitFor(() => hooks.on('/pin')[0], 'the PIN');
      expect(hooks.on('/pin')[0].params).toMatchObject({ Digits: '1234', FinishedOnKey: '#' });
      expect(hooks.on('/menu').every((h) => hooks.valid(h))).toBe(true);
    });

    it('reports no-answer and busy phones without fetching TwiML', async () => {
      t.emulator.configure({ timeScale: 0.001 });
      const noAnswer = phone();
      const busy = phone();
      await api('POST', '/_emulator/phones', { number: noAnswer, behaviour: 'no-answer' });
      await api('POST', '/_emulator/phones', { number: busy, behaviour: 'busy' });
      const opts = {
        from: FROM,
        url: hooks.url('/voice'),
        statusCallback: hooks.url('/cs'),
        statusCallbackEvent: callbackEvents,
      };
      const a = await t.client.calls.create({ to: noAnswer, ...opts, timeout: 30 });
      const b = await t.client.calls.create({ to: busy, ...opts });
      await waitFor(
        () =>
          hooks.on('/cs').filter((h) => h.params.CallbackSource && /busy|no-answer/.test(h.params.CallStatus))
            .length === 2,
        'final callbacks',
      );
      const byCall = (sid: string) =>
        hooks
          .on('/cs')
          .filter((h) => h.params.CallSid === sid)
          .map((h) => h.params.CallStatus);
      expect(byCall(a.sid)).toEqual(['initiated', 'ringing', 'no-answer']);
      expect(byCall(b.sid)).toEqual(['initiated', 'ringing', 'busy']);
      expect(hooks.on('/voice')).toHaveLength(0);
      expect((await t.client.calls(a.sid).fetch()).status).toBe('no-answer');
      expect((await t.client.calls(b.sid).fetch()).status).toBe('busy');
      const listed = await t.client.calls.list({ to: busy });
      expect(listed.map((c) => c.sid)).toEqual([b.sid]);
    });

    it('takes a call from a phone to the voice URL, and inline TwiML without an action carries on after keys', async () => {
      await api('POST', '/_emulator/config', { voiceUrl: hooks.url('/inbound') });
      hooks.routes.set('/inbound', () => ({ body: twiml('<Say language="zh-CN">您好</Say>') }));
      const caller = phone();
      const inbound = await api('POST', '/_emulator/calls', { from: caller, to: FROM });
      expect(inbound.status).toBe(201);
      await waitFor(
        () => t.emulator.calls({ from: caller }).find((c) => c.status === 'completed'),
        'inbound call',
      );
      const [hit] = hooks.on('/inbound');
      expect(hooks.valid(hit)).toBe(true);
      expect(hit.params).toMatchObject({
        From: caller,
        To: FROM,
        Direction: 'inbound',
        CallStatus: 'in-progress',
      });

      const to = phone();
      const call = await t.client.calls.create({
        to,
        from: FROM,
        twiml: twiml('<Gather numDigits="1"><Say>Press a key</Say></Gather><Say>Carry on</Say>'),
      });
      await waitFor(() => t.emulator.calls({ to }).find((c) => c.waiting_for_digits), 'gather');
      await api('POST', `/_emulator/calls/${call.sid}/digits`, { digits: '5' });
      const done = await waitFor(
        () => t.emulator.calls({ to }).find((c) => c.status === 'completed'),
        'completion',
      );
      const transcript = done.transcript as Array<Record<string, unknown>>;
      expect(transcript.find((e) => e.type === 'gather')).toMatchObject({ result: 'digits', digits: '5' });
      expect(transcript.filter((e) => e.type === 'say').map((e) => e.text)).toEqual([
        'Press a key',
        'Carry on',
      ]);
    });

    it('ends a call through the SDK (Status=completed) and refuses keys afterwards', async () => {
      const to = phone();
      const call = await t.client.calls.create({
        to,
        from: FROM,
        twiml: twiml('<Gather numDigits="1" timeout="60"><Say>Hold on</Say></Gather>'),
      });
      await waitFor(() => t.emulator.calls({ to }).find((c) => c.waiting_for_digits), 'gather');
      const ended = await t.client.calls(call.sid).update({ status: 'completed' });
      expect(ended.status).toBe('completed');
      expect((await api('POST', `/_emulator/calls/${call.sid}/digits`, { digits: '1' })).status).toBe(409);
      const invalid = await restError(
        t.client.calls.create({ to: 'bogus', from: FROM, url: hooks.url('/voice') }),
      );
      expect(invalid).toMatchObject({ status: 400, code: 21211 });
    });
  });
});
