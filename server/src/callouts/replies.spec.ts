import { describe, expect, it } from '@jest/globals';
import { parseReply } from './replies.js';

describe('SMS replies', () => {
  it.each([
    ['1', 'accept'],
    ['y', 'accept'],
    ['Yes', 'accept'],
    ['收到', 'accept'],
    [' 收到！ ', 'accept'],
    ['２', 'decline'],
    ['n', 'decline'],
    ['拒绝', 'decline'],
  ])('reads %j as %s', (body, decision) => {
    expect(parseReply(body)).toEqual({ decision, code: null, optOut: null });
  });

  it('reads a short code on either side of the answer', () => {
    expect(parseReply('1 K7')).toEqual({ decision: 'accept', code: 'K7', optOut: null });
    expect(parseReply('k7 收到')).toEqual({ decision: 'accept', code: 'K7', optOut: null });
    expect(parseReply('收到K7')).toEqual({ decision: 'accept', code: 'K7', optOut: null });
    expect(parseReply('2, MX4')).toEqual({ decision: 'decline', code: 'MX4', optOut: null });
  });

  it('recognises opt-out and opt-in words', () => {
    expect(parseReply('STOP').optOut).toBe('stop');
    expect(parseReply('退订').optOut).toBe('stop');
    expect(parseReply('start').optOut).toBe('start');
  });

  it('finds no decision in other text', () => {
    expect(parseReply('who is this?')).toEqual({ decision: null, code: null, optOut: null });
  });
});
