import { describe, expect, it } from '@jest/globals';
import { countSegments, isGsm7, smsSegments } from './segments.js';

describe('SMS segments', () => {
  it('GSM-7: 160 in one segment, 153 per segment beyond', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', segments: 1, units: 0 });
    expect(countSegments('a'.repeat(160))).toBe(1);
    expect(countSegments('a'.repeat(161))).toBe(2);
    expect(countSegments('a'.repeat(306))).toBe(2);
    expect(countSegments('a'.repeat(307))).toBe(3);
    expect(countSegments('a'.repeat(459))).toBe(3);
    expect(countSegments('a'.repeat(460))).toBe(4);
  });

  it('counts the extension table as two septets and never splits an escape pair', () => {
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(countSegments('€'.repeat(81))).toBe(2);
    expect(countSegments('{}[]~|^\\')).toBe(1);
    // 306 septets would fill two segments of 153, but the escape pair after 152 septets does not
    // fit in the first one: it starts the second, and the last septet spills into a third.
    const text = 'a'.repeat(152) + '€' + 'a'.repeat(152);
    expect(smsSegments(text).units).toBe(306);
    expect(countSegments(text)).toBe(3);
  });

  it('UCS-2 when any character is outside GSM-7 (any Chinese character): 70, then 67 per segment', () => {
    expect(isGsm7('Hello, responders! @£$¥ èé')).toBe(true);
    expect(isGsm7('【演练】')).toBe(false);
    expect(smsSegments('演'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 });
    expect(countSegments('演'.repeat(71))).toBe(2);
    expect(countSegments('演'.repeat(134))).toBe(2);
    expect(countSegments('演'.repeat(135))).toBe(3);
    // A single Chinese character makes a 100-character English text UCS-2: two segments.
    expect(countSegments('a'.repeat(99) + '演')).toBe(2);
    expect(countSegments('a'.repeat(100))).toBe(1);
    // Curly quotes and emoji are not GSM-7 either.
    expect(smsSegments('It’s ok').encoding).toBe('UCS-2');
  });

  it('counts an emoji as two code units and never splits a surrogate pair', () => {
    expect(smsSegments('😀').units).toBe(2);
    expect(countSegments('演'.repeat(68) + '😀')).toBe(1); // 70 units
    expect(countSegments('演'.repeat(69) + '😀')).toBe(2); // 71 units
    // 66 units then a pair that would straddle the 67-unit boundary: it starts segment two.
    const text = '演'.repeat(66) + '😀' + '演'.repeat(66);
    expect(smsSegments(text).units).toBe(134);
    expect(countSegments(text)).toBe(3);
  });
});
