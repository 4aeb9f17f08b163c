import { describe, expect, it } from '@jest/globals';
import type { CalloutRecipientView, RoomEventType, TypedRoomEvent } from '../../contracts';
import {
  applyCalloutEvents,
  awaitingProvider,
  currentQuorum,
  displayChannel,
  displayState,
  needsRefetch,
  pageFailure,
  reachedBy,
  secondsWaiting,
  type BoardCallout,
} from './callout-board';

function recipient(id: string, over: Partial<CalloutRecipientView> = {}): CalloutRecipientView {
  return {
    id,
    contactId: null,
    name: id,
    phone: '+8613800000000',
    language: 'zh-CN',
    tier: 0,
    state: 'notified',
    unreachable: false,
    notifiedAt: '2030-01-01T00:00:00.000Z',
    respondedAt: null,
    responseChannel: null,
    secondsToRespond: null,
    lastError: null,
    deliveries: [],
    ...over,
  };
}

function callout(recipients: CalloutRecipientView[]): BoardCallout {
  return {
    id: 'c1',
    incidentId: 'i1',
    policyId: null,
    message: 'm',
    responseLevel: null,
    isDrill: false,
    shortCode: 'K7M',
    status: 'active',
    tiers: [],
    currentTier: 0,
    currentRound: 0,
    acknowledged: 0,
    createdAt: '2030-01-01T00:00:00.000Z',
    endedAt: null,
    endReason: null,
    recipients,
  };
}

// A fixture carries only the payload fields its test is about.
const event = (seq: number, type: RoomEventType, payload: Record<string, unknown>): TypedRoomEvent =>
  ({
    seq,
    type,
    payload,
    actor: { id: null, name: 'system', role: 'system' },
    at: '2030-01-01T00:00:42.000Z',
  }) as TypedRoomEvent;

describe('call-out board', () => {
  it('applies an answer from its event: state, channel, delay and the acknowledged count', () => {
    const list = [callout([recipient('a'), recipient('b')])];
    const next = applyCalloutEvents(list, [
      event(5, 'callout.recipient_updated', {
        calloutId: 'c1',
        recipientId: 'b',
        state: 'acknowledged',
        channel: 'link',
        secondsToRespond: 42,
      }),
    ])!;
    const b = next[0]!.recipients[1]!;
    expect(displayState(b)).toBe('acknowledged');
    expect(displayChannel(b)).toBe('link');
    expect(secondsWaiting(b, 0)).toBe(42);
    expect(next[0]!.acknowledged).toBe(1);
    expect(list[0]!.recipients[1]!.state).toBe('notified');
  });

  it('shows a call being placed and an unreachable number', () => {
    const list = [callout([recipient('a')])];
    const calling = applyCalloutEvents(list, [
      event(6, 'callout.recipient_updated', {
        calloutId: 'c1',
        recipientId: 'a',
        state: 'notified',
        channel: 'voice',
      }),
    ])!;
    expect(displayChannel(calling[0]!.recipients[0]!)).toBe('voice');
    const gone = applyCalloutEvents(calling, [
      event(7, 'callout.recipient_updated', {
        calloutId: 'c1',
        recipientId: 'a',
        state: 'notified',
        unreachable: true,
        error: 'invalid number',
      }),
    ])!;
    expect(displayState(gone[0]!.recipients[0]!)).toBe('unreachable');
    expect(gone[0]!.recipients[0]!.lastError).toBe('invalid number');
  });

  it('names a failed page while the ladder goes on, and counts the waiting time', () => {
    const r = recipient('a', {
      deliveries: [
        {
          id: 'd',
          channel: 'sms',
          tier: 0,
          round: 0,
          status: 'undelivered',
          provider: 'twilio',
          providerId: null,
          errorCode: 30003,
          errorMessage: null,
          updatedAt: '2030-01-01T00:00:01.000Z',
        },
      ],
    });
    expect(displayState(r)).toBe('failed');
    expect(secondsWaiting(r, Date.parse('2030-01-01T00:01:30.000Z'))).toBe(90);
  });

  it('keeps a refused SMS in view while the call that follows it is placed', () => {
    const delivery = (channel: 'sms' | 'voice', status: string, errorCode: number | null) => ({
      id: `${channel}-${status}`,
      channel,
      tier: 0,
      round: 0,
      status,
      provider: channel === 'sms' ? ('tencent' as const) : ('twilio' as const),
      providerId: null,
      errorCode,
      errorMessage: null,
      updatedAt: '2030-01-01T00:00:01.000Z',
    });
    // As fetched: the SMS was refused, the call is ringing.
    const fetched = recipient('a', {
      deliveries: [delivery('sms', 'failed', 21614), delivery('voice', 'ringing', null)],
    });
    expect(displayState(fetched)).toBe('notified');
    expect(pageFailure(fetched)).toEqual({ channel: 'sms', code: 21614, status: 'failed' });
    // A cancelled page is not a failure to report, and a clean record has none.
    expect(pageFailure(recipient('b', { deliveries: [delivery('voice', 'canceled', null)] }))).toBeNull();

    // Live: the event that queues the call names the failed SMS.
    const live = applyCalloutEvents(
      [callout([recipient('c')])],
      [
        event(7, 'callout.recipient_updated', {
          calloutId: 'c1',
          recipientId: 'c',
          state: 'notified',
          channel: 'voice',
          failure: { channel: 'sms', code: null, status: 'undelivered' },
        }),
      ],
    )!;
    const c = live[0]!.recipients[0]!;
    expect(displayChannel(c)).toBe('voice');
    expect(pageFailure(c)).toEqual({ channel: 'sms', code: null, status: 'undelivered' });
  });

  it('ignores events of unknown call-outs and asks for a refetch after structural ones', () => {
    const list = [callout([recipient('a')])];
    expect(
      applyCalloutEvents(list, [event(8, 'callout.recipient_updated', { calloutId: 'x', recipientId: 'a' })]),
    ).toBe(list);
    expect(needsRefetch([event(9, 'callout.recipient_updated', {})])).toBe(false);
    expect(needsRefetch([event(10, 'callout.tier_paged', {})])).toBe(true);
    expect(needsRefetch([event(11, 'task.created', {})])).toBe(false);
  });
});

describe('waiting for the provider', () => {
  it('looks again while an open call-out has someone whose page has not gone out', () => {
    expect(awaitingProvider([callout([recipient('a'), recipient('b', { state: 'pending' })])])).toBe(true);
  });

  it('stops once everyone was paged, answered or is unreachable, or the call-out ended', () => {
    expect(awaitingProvider([callout([recipient('a'), recipient('b', { state: 'acknowledged' })])])).toBe(
      false,
    );
    expect(awaitingProvider([callout([recipient('a', { state: 'pending', unreachable: true })])])).toBe(
      false,
    );
    expect(
      awaitingProvider([{ ...callout([recipient('a', { state: 'pending' })]), status: 'succeeded' }]),
    ).toBe(false);
    expect(awaitingProvider(undefined)).toBe(false);
  });

  it('says when a tier’s quorum was lowered to the people who can be paged', () => {
    const tier = {
      index: 0,
      channels: ['sms' as const],
      voiceDelaySeconds: 0,
      ackTimeoutSeconds: 60,
      repeats: 0,
    };
    const c = callout([recipient('a'), recipient('b'), recipient('c')]);
    expect(currentQuorum({ ...c, tiers: [{ ...tier, quorum: 3, policyQuorum: 6 }] })).toEqual({
      quorum: 3,
      policyQuorum: 6,
    });
    expect(currentQuorum({ ...c, tiers: [{ ...tier, quorum: 2, policyQuorum: 2 }] })).toEqual({
      quorum: 2,
      policyQuorum: null,
    });
  });

  it('names the providers whose pages reached the person, not those that failed', () => {
    const page = (provider: 'twilio' | 'tencent' | null, status: string) => ({
      id: `${provider}-${status}`,
      channel: 'sms' as const,
      tier: 0,
      round: 0,
      status,
      provider,
      providerId: null,
      errorCode: null,
      errorMessage: null,
      updatedAt: '2030-01-01T00:00:01.000Z',
    });
    expect(
      reachedBy(recipient('a', { deliveries: [page('tencent', 'failed'), page('twilio', 'delivered')] })),
    ).toEqual(['twilio']);
    expect(reachedBy(recipient('a', { deliveries: [page(null, 'pending')] }))).toEqual([]);
    expect(
      reachedBy(recipient('a', { deliveries: [page('tencent', 'sent'), page('tencent', 'queued')] })),
    ).toEqual(['tencent']);
  });
});
