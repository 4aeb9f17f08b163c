import { describe, expect, it } from '@jest/globals';
import { resourceAlert, todayIn } from './resource-alert.js';

describe('resource expiry flags', () => {
  const today = '2026-11-28';
  const r = (
    expiresOn: string | null,
    nextInspectionOn: string | null = null,
    status = 'available' as const,
  ) => ({
    status,
    expiresOn,
    nextInspectionOn,
  });

  it('flags past dates as expired and dates within 30 days as expiring', () => {
    expect(resourceAlert(r('2026-11-27'), today)).toBe('expired');
    expect(resourceAlert(r('2026-11-28'), today)).toBe('expiring');
    expect(resourceAlert(r('2026-12-28'), today)).toBe('expiring');
    expect(resourceAlert(r('2026-12-29'), today)).toBe('ok');
    expect(resourceAlert(r(null), today)).toBe('ok');
  });

  it('counts an overdue inspection like an expiry', () => {
    expect(resourceAlert(r('2030-01-01', '2026-11-01'), today)).toBe('expired');
    expect(resourceAlert(r(null, '2026-12-01'), today)).toBe('expiring');
  });

  it('a resource marked expired is expired whatever its dates', () => {
    expect(resourceAlert({ status: 'expired', expiresOn: null, nextInspectionOn: null }, today)).toBe(
      'expired',
    );
  });

  it("takes today in the zone's time zone, not UTC", () => {
    // 2026-11-28 17:00 UTC is already 29 November in Shanghai.
    expect(todayIn('Asia/Shanghai', new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
    expect(todayIn('UTC', new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-28');
  });
});
