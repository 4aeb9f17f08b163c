import { describe, expect, it } from '@jest/globals';
import { countSegments } from './segments.js';

describe('SMS segments', () => {
  it('fits 160 GSM-7 characters in one message and splits at 153 per part', () => {
    expect(countSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, remaining: 0 });
    expect(countSegments('a'.repeat(161))).toMatchObject({ segments: 2, remaining: 306 - 161 });
    expect(countSegments('a'.repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts extension characters as two septets', () => {
    expect(countSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
  });

  it('switches to UCS-2 for any Chinese character: 70, then 67 per part', () => {
    expect(countSegments('收'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1, remaining: 0 });
    expect(countSegments('收'.repeat(71))).toMatchObject({ segments: 2 });
    expect(countSegments('收'.repeat(134))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countSegments('Reply 1 to accept. 收到').encoding).toBe('UCS-2');
  });

  it('counts an emoji as two UTF-16 units', () => {
    expect(countSegments('🚒')).toMatchObject({ encoding: 'UCS-2', units: 2 });
  });

  it('counts an empty message as one segment', () => {
    expect(countSegments('')).toMatchObject({ segments: 1, units: 0 });
  });
});
