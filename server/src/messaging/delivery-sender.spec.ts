import { describe, expect, it, jest } from '@jest/globals';
import { DelayedError, type Job } from 'bullmq';
import {
  CLAIM_LOST_RETRY_MS,
  DeliverySender,
  SEND_LEASE_MS,
  phoneCall,
  textMessage,
} from './delivery-sender.js';
import type { DeliveryRow, DeliveryStore } from './delivery-store.js';
import type { OptOutRepository } from './opt-out.repository.js';
import { type MessagingProvider, ProviderError, type ProviderResult } from './provider.js';
import { Providers } from './providers.js';
import type { AppConfig } from '../config/config.js';
import type { TencentProvider } from './tencent/tencent.provider.js';
import type { TwilioProvider } from './twilio/twilio.provider.js';

const config = {
  MESSAGING_ROUTES: 'cn_mobile=tencent,twilio;cn_landline=tencent,twilio;foreign=twilio',
  PROVIDER_BREAKER_FAILURES: 2,
  PROVIDER_BREAKER_WINDOW_SECONDS: 60,
  PROVIDER_BREAKER_OPEN_SECONDS: 600,
} as AppConfig;

/** Twilio as given, Tencent (first for +86 mobiles) as given or not configured. */
function providersOf(twilio: Partial<MessagingProvider>, tencent?: Partial<MessagingProvider>): Providers {
  return new Providers(
    { name: 'twilio', configured: () => true, ...twilio } as TwilioProvider,
    { name: 'tencent', configured: () => Boolean(tencent), ...tencent } as TencentProvider,
    config,
  );
}

function setUp(provider: Partial<MessagingProvider>, tencent?: Partial<MessagingProvider>) {
  const calls: string[] = [];
  // Attempts claimed per row, as the table counts them: a claim takes only after the attempt it saw.
  const attempts = new Map<string, number>();
  const store: DeliveryStore = {
    claim: async (id, seen, leaseMs, via) => {
      if ((attempts.get(id) ?? 0) !== seen) return false;
      attempts.set(id, seen + 1);
      calls.push(via === 'twilio' ? `sending ${id} ${leaseMs}` : `sending ${id} ${leaseMs} ${via}`);
      return true;
    },
    accepted: async (id, r, fresh) => void calls.push(`accepted ${id} ${r.sid} ${r.status} ${fresh}`),
    failed: async (id, code, message) => void calls.push(`failed ${id} ${code} ${message}`),
    attemptEnded: async (id) => void calls.push(`ended ${id}`),
  };
  const optOuts = { add: async (phone: string) => void calls.push(`opt-out ${phone}`) } as OptOutRepository;
  const sender = new DeliverySender(providersOf(provider, tencent), optOuts);
  return { calls, store, sender };
}

const row = (over: Partial<DeliveryRow> = {}): DeliveryRow => ({
  id: 'd1',
  phone: '+8613800000001',
  status: 'pending',
  sendingSince: null,
  inFlightUntil: null,
  provider: null,
  attempts: 0,
  ...over,
});
const sms = textMessage({
  to: '+8613800000001',
  body: 'hi',
  statusCallback: 'http://x/status',
  template: { kind: 'callout', params: ['hi'] },
});
const queued: ProviderResult = { sid: 'SM1', status: 'queued' };
const job = (moveToDelayed = jest.fn<(at: number, token: string) => Promise<void>>(async () => undefined)) =>
  ({ moveToDelayed }) as unknown as Job;

describe('the delivery sender', () => {
  it('marks the send under a lease, sends, and records what the provider took', async () => {
    const { calls, store, sender } = setUp({ sendSms: async () => queued });
    expect(await sender.send(store, row(), sms, job(), 't')).toEqual({
      kind: 'accepted',
      result: queued,
      provider: 'twilio',
    });
    expect(calls).toEqual([`sending d1 ${SEND_LEASE_MS}`, 'accepted d1 SM1 queued true']);
  });

  it('sends from one run only when two runs of the job read the row before either claimed it', async () => {
    const sendSms = jest.fn(async () => queued);
    const { calls, store, sender } = setUp({ sendSms });
    const seen = row();
    expect(await sender.send(store, seen, sms, job(), 't')).toMatchObject({ kind: 'accepted' });
    const moveToDelayed = jest.fn<(at: number, token: string) => Promise<void>>(async () => undefined);
    const before = Date.now();
    await expect(sender.send(store, seen, sms, job(moveToDelayed), 't')).rejects.toBeInstanceOf(DelayedError);
    expect(moveToDelayed.mock.calls[0]![0]).toBeGreaterThanOrEqual(before + CLAIM_LOST_RETRY_MS);
    await expect(sender.send(store, seen, sms, job(), undefined)).rejects.toThrow('claimed');
    expect(sendSms).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([`sending d1 ${SEND_LEASE_MS}`, 'accepted d1 SM1 queued true']);
  });

  it('waits out the lease of an attempt that may still be in flight, without sending', async () => {
    const sendSms = jest.fn(async () => queued);
    const { calls, store, sender } = setUp({ sendSms });
    const until = new Date(Date.now() + 5000);
    const interrupted = row({ status: 'sending', sendingSince: new Date(), inFlightUntil: until });
    const moveToDelayed = jest.fn<(at: number, token: string) => Promise<void>>(async () => undefined);
    await expect(sender.send(store, interrupted, sms, job(moveToDelayed), 't')).rejects.toBeInstanceOf(
      DelayedError,
    );
    expect(moveToDelayed).toHaveBeenCalledWith(until.getTime(), 't');
    await expect(sender.send(store, interrupted, sms, job(), undefined)).rejects.toThrow('still under way');
    expect(sendSms).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  it('adopts an interrupted send found at the provider, and sends again one that is not there', async () => {
    const since = new Date('2025-01-01T08:00:00Z');
    const findSms = jest.fn<MessagingProvider['findSms']>(async () => ({ sid: 'SM9', status: 'delivered' }));
    const { calls, store, sender } = setUp({ findSms, sendSms: async () => queued });
    const interrupted = row({ status: 'sending', sendingSince: since });
    expect(await sender.send(store, interrupted, sms, job(), 't')).toMatchObject({ kind: 'adopted' });
    expect(findSms).toHaveBeenCalledWith('+8613800000001', 'hi', new Date(since.getTime() - 60_000));
    expect(calls).toEqual(['accepted d1 SM9 delivered false']);
    calls.length = 0;
    findSms.mockResolvedValueOnce(null);
    expect(await sender.send(store, interrupted, sms, job(), 't')).toMatchObject({ kind: 'accepted' });
    expect(calls).toEqual([`sending d1 ${SEND_LEASE_MS}`, 'accepted d1 SM1 queued true']);
  });

  it('records a permanent refusal and returns it; an unsubscribed number is opted out', async () => {
    const { calls, store, sender } = setUp({
      sendSms: async () => {
        throw new ProviderError('unsubscribed', 'permanent', 21610, null, true);
      },
    });
    expect(await sender.send(store, row(), sms, job(), 't')).toEqual({
      kind: 'failed',
      code: 21610,
      message: 'unsubscribed',
    });
    expect(calls).toEqual([
      `sending d1 ${SEND_LEASE_MS}`,
      'failed d1 21610 unsubscribed',
      'opt-out +8613800000001',
    ]);
  });

  it('keeps the lease when no answer came: the provider may still send it', async () => {
    const unanswered = new ProviderError('socket hang up', 'transient', null, null, false, false);
    const { calls, store, sender } = setUp({ sendSms: async () => Promise.reject(unanswered) });
    await expect(sender.send(store, row(), sms, job(), 't')).rejects.toBe(unanswered);
    expect(calls).toEqual([`sending d1 ${SEND_LEASE_MS}`]);
  });

  it('ends the attempt and leaves the row sending on any other failure; a rate limit postpones', async () => {
    const transient = new ProviderError('server error', 'transient');
    const { calls, store, sender } = setUp({
      sendSms: jest
        .fn<() => Promise<ProviderResult>>()
        .mockRejectedValueOnce(transient)
        .mockRejectedValueOnce(new ProviderError('slow down', 'rate_limited', 20429, 2000)),
    });
    await expect(sender.send(store, row(), sms, job(), 't')).rejects.toBe(transient);
    expect(calls).toEqual([`sending d1 ${SEND_LEASE_MS}`, 'ended d1']);
    const moveToDelayed = jest.fn<(at: number, token: string) => Promise<void>>(async () => undefined);
    const before = Date.now();
    // The retry reads the row after the first attempt.
    await expect(
      sender.send(store, row({ attempts: 1 }), sms, job(moveToDelayed), 't'),
    ).rejects.toBeInstanceOf(DelayedError);
    expect(moveToDelayed.mock.calls[0]![0]).toBeGreaterThanOrEqual(before + 2000);
  });

  it('sends a mainland mobile through Tencent, and through Twilio once Tencent keeps failing', async () => {
    const busy = new ProviderError('InternalError: system busy', 'transient');
    const tencentSms = jest.fn<MessagingProvider['sendSms']>(async () => Promise.reject(busy));
    const { calls, store, sender } = setUp({ sendSms: async () => queued }, { sendSms: tencentSms });
    for (let i = 0; i < 2; i++)
      await expect(sender.send(store, row({ attempts: i }), sms, job(), 't')).rejects.toBe(busy);
    expect(calls).toEqual([
      `sending d1 ${SEND_LEASE_MS} tencent`,
      'ended d1',
      `sending d1 ${SEND_LEASE_MS} tencent`,
      'ended d1',
    ]);
    calls.length = 0;
    // The breaker is open: the next text goes to Twilio without trying Tencent.
    expect(await sender.send(store, row({ id: 'd2' }), sms, job(), 't')).toMatchObject({
      provider: 'twilio',
    });
    expect(tencentSms).toHaveBeenCalledTimes(2);
    expect(calls).toEqual([`sending d2 ${SEND_LEASE_MS}`, 'accepted d2 SM1 queued true']);
  });

  it('looks for a send of unknown outcome at the provider it went to before another sends it', async () => {
    const findSms = jest.fn<MessagingProvider['findSms']>(async () => null);
    const twilioFind = jest.fn<MessagingProvider['findSms']>(async () => null);
    const { calls, store, sender } = setUp(
      { sendSms: async () => queued, findSms: twilioFind },
      { sendSms: async () => queued, findSms },
    );
    const since = new Date('2025-01-01T08:00:00Z');
    const interrupted = row({ status: 'sending', sendingSince: since, provider: 'tencent' });
    await sender.send(store, interrupted, sms, job(), 't');
    expect(findSms).toHaveBeenCalledWith('+8613800000001', 'hi', new Date(since.getTime() - 60_000));
    expect(twilioFind).not.toHaveBeenCalled();
    findSms.mockResolvedValueOnce({ sid: 'S-1', status: 'sent' });
    calls.length = 0;
    expect(await sender.send(store, interrupted, sms, job(), 't')).toMatchObject({
      kind: 'adopted',
      provider: 'tencent',
    });
    expect(calls).toEqual(['accepted d1 S-1 sent false']);
  });

  it('fails a text to a landline: no provider takes it', async () => {
    const { calls, store, sender } = setUp({ sendSms: async () => queued }, { sendSms: async () => queued });
    const outcome = await sender.send(store, row({ phone: '+865513300000' }), sms, job(), 't');
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(calls).toEqual(['failed d1 null no provider reaches +865513300000 by sms']);
  });

  it('sends through Twilio at once a text Tencent refuses for the daily cap of the number', async () => {
    const capped = new ProviderError(
      'LimitExceeded.PhoneNumberDailyLimit: cap',
      'permanent',
      null,
      null,
      false,
      true,
      true,
    );
    const { calls, store, sender } = setUp(
      { sendSms: async () => queued },
      { sendSms: async () => Promise.reject(capped) },
    );
    expect(await sender.send(store, row(), sms, job(), 't')).toMatchObject({
      kind: 'accepted',
      provider: 'twilio',
    });
    expect(calls).toEqual([
      `sending d1 ${SEND_LEASE_MS} tencent`,
      `sending d1 ${SEND_LEASE_MS}`,
      'accepted d1 SM1 queued true',
    ]);
  });

  it("claims a call under the provider's own lease (Tencent's voice hold), a text under the sender's", async () => {
    const placed: ProviderResult = { sid: 'call-1', status: 'queued' };
    const { calls, store, sender } = setUp(
      {},
      {
        sendSms: async () => queued,
        placeCall: async () => placed,
        leaseMs: (channel) => (channel === 'voice' ? 300_000 : null),
      },
    );
    const call = phoneCall({
      to: '+8613800000001',
      scriptUrl: 'http://x/voice',
      statusCallback: 'http://x/status',
      template: { kind: 'callout', params: ['hi'] },
    });
    await sender.send(store, row(), call, job(), 't');
    await sender.send(store, row({ id: 'd2' }), sms, job(), 't');
    expect(calls).toEqual([
      'sending d1 300000 tencent',
      'accepted d1 call-1 queued true',
      `sending d2 ${SEND_LEASE_MS} tencent`,
      'accepted d2 SM1 queued true',
    ]);
  });
});
