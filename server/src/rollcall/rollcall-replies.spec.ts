import { describe, expect, it } from '@jest/globals';
import { parseReply } from '../callouts/replies.js';
import { parseRollCallReply } from './rollcall-replies.js';

describe('roll call replies', () => {
  it.each([
    ['到 45/48', 45, 48, null],
    ['到45/48', 45, 48, null],
    ['45/48', 45, 48, null],
    [' 45 / 48 ', 45, 48, null],
    ['到４５／４８', 45, 48, null],
    ['到　４５／４８。', 45, 48, null],
    ['实到45人/48人', 45, 48, null],
    ['at 45/48', 45, 48, null],
    ['AT 45/48', 45, 48, null],
    ['arrived 12/12', 12, 12, null],
    ['到 45/48 B', 45, 48, 'B'],
    ['b 到 45/48', 45, 48, 'B'],
    ['Ｂ：到45/48', 45, 48, 'B'],
    ['到 C 3/3', 3, 3, 'C'],
    ['at 0/0', 0, 0, null],
  ])('reads %j as %d of %d at %s', (body, accounted, expected, point) => {
    expect(parseRollCallReply(body)).toEqual({ kind: 'count', accounted, expected, point });
  });

  it.each([
    ['签到', null],
    ['签到 A', 'A'],
    ['签到Ｂ', 'B'],
    ['check in', null],
    ['Check-in b', 'B'],
    ['checkin at C', 'C'],
    ['到 A', 'A'],
    ['at b', 'B'],
    ['A 签到', 'A'],
  ])('reads %j as a check-in at %s', (body, point) => {
    expect(parseRollCallReply(body)).toEqual({ kind: 'check_in', point });
  });

  it('refuses more people accounted for than on shift, saying which numbers', () => {
    expect(parseRollCallReply('到 50/48')).toEqual({
      kind: 'invalid',
      reason: 'more_than_expected',
      accounted: 50,
      expected: 48,
    });
  });

  it.each(['到 45', '45/', '/48', '到 45/48/50', '签到 AB', 'A 到 45/48 B', '到 1/9999999', 'check in K7'])(
    'answers %j, plainly meant for the roll call, as unreadable',
    (body) => {
      expect(parseRollCallReply(body)).toEqual({ kind: 'invalid', reason: 'unreadable' });
    },
  );

  it.each(['1', '2', '到', '收到', 'Y', '到 K7', '收到 K7', 'STOP', 'hello', '', '45'])(
    'leaves %j to the call-outs',
    (body) => {
      expect(parseRollCallReply(body)).toBeNull();
    },
  );

  it('leaves a call-out answer readable as one: 到 with a short code still acknowledges it', () => {
    expect(parseReply('到 K7')).toEqual({ decision: 'accept', code: 'K7', optOut: null });
  });
});
