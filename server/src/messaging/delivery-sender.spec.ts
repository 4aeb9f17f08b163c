import { describe, expect, it, jest } from '@jest/globals';
import { DelayedError, type Job } from 'bullmq';
import { DeliverySender, SEND_LEASE_MS, textMessage } from './delivery-sender.js';
import type { DeliveryRow, DeliveryStore } from './delivery-store.js';
import type { OptOutRepository } from './opt-out.repository.js';
import { type MessagingProvider, ProviderError, type ProviderResult } from './provider.js';

function setUp(provider: Partial<MessagingProvider>) {
  const calls: string[] = [];
  const store: DeliveryStore = {
    markSending: async (id, leaseMs) => void calls.push(`sending ${id} ${leaseMs}`),
    accepted: async (id, r, fresh) => void calls.push(`accepted ${id} ${r.sid} ${r.status} ${fresh}`),
    failed: async (id, code, message) => void calls.push(`failed ${id} ${code} ${message}`),
    attemptEnded: async (id) => void calls.push(`ended ${id}`),
  };
  const optOuts = { add: async (phone: string) => void calls.push(`opt-out ${phone}`) } as OptOutRepository;
  const sender = new DeliverySender(provider as MessagingProvider, optOuts);
  return { calls, store, sender };
}

const row = (over: Partial<DeliveryRow> = {}): DeliveryRow => ({
  id: 'd1',
  phone: '+8613800000001',
  status: 'pending',
  sendingSince: null,
  inFlightUntil: null,
  ...over,
});
const sms = textMessage({ to: '+8613800000001', body: 'hi', statusCallback: 'http://x/status' });
const queued: ProviderResult = { sid: 'SM1', status: 'queued' };
const job = (moveToDelayed = jest.fn<(at: number, token: string) => Promise<void>>(async () => undefined)) =>
  ({ moveToDelayed }) as unknown as Job;

describe('the delivery sender', () => {
  it('marks the send under a lease, sends, and records what the provider took', async () => {
    const { calls, store, sender } = setUp({ sendSms: async () => queued });
    expect(await sender.send(store, row(), sms, job(), 't')).toEqual({ kind: 'accepted', result: queued });
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
    await expect(sender.send(store, row(), sms, job(moveToDelayed), 't')).rejects.toBeInstanceOf(
      DelayedError,
    );
    expect(moveToDelayed.mock.calls[0]![0]).toBeGreaterThanOrEqual(before + 2000);
  });
});
