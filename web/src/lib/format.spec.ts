import { describe, expect, it } from '@jest/globals';
import { formatDateTime, telHref, timeZoneOffsetMinutes, zonedDayBoundary } from './format';

describe('telHref', () => {
  it('keeps the digits of numbers as people type them', () => {
    expect(telHref('0561-3012345')).toBe('tel:05613012345');
    expect(telHref('(0561) 301 2345')).toBe('tel:05613012345');
    expect(telHref('+86 138 0000 0000')).toBe('tel:+8613800000000');
  });

  it('dials an extension after a pause', () => {
    expect(telHref('0561-3012345 转 8001')).toBe('tel:05613012345,8001');
    expect(telHref('0561-3012345 ext. 12')).toBe('tel:05613012345,12');
  });

  it('gives no link for an empty or unusable number', () => {
    expect(telHref('')).toBeNull();
    expect(telHref(null)).toBeNull();
    expect(telHref('n/a')).toBeNull();
  });
});

describe('zone time', () => {
  it('knows Shanghai is eight hours ahead of UTC', () => {
    expect(timeZoneOffsetMinutes(new Date('2025-06-01T12:00:00Z'), 'Asia/Shanghai')).toBe(480);
  });

  it('turns a calendar day into the instants it starts and ends at in the zone', () => {
    expect(zonedDayBoundary('2025-03-10', 'Asia/Shanghai')).toBe('2025-03-09T16:00:00.000Z');
    expect(zonedDayBoundary('2025-03-10', 'Asia/Shanghai', true)).toBe('2025-03-10T15:59:59.999Z');
  });

  it('follows daylight saving where the zone has it', () => {
    // New York switched to UTC-4 on 2025-03-09 at 02:00; that day still starts at UTC-5.
    expect(zonedDayBoundary('2025-03-09', 'America/New_York')).toBe('2025-03-09T05:00:00.000Z');
    expect(zonedDayBoundary('2025-03-10', 'America/New_York')).toBe('2025-03-10T04:00:00.000Z');
  });

  it('rejects what is not a date', () => {
    expect(zonedDayBoundary('', 'Asia/Shanghai')).toBeNull();
    expect(zonedDayBoundary('10/03/2025', 'Asia/Shanghai')).toBeNull();
  });

  it('shows an instant on the zone clock', () => {
    expect(formatDateTime('2025-03-09T16:30:00Z', 'en', 'Asia/Shanghai')).toBe('03/10/2025, 00:30:00');
  });
});
