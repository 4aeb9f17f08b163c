import { describe, expect, it } from '@jest/globals';
import { type StatisticsRow, incidentStatistics, zoneYearMonth } from './statistics.js';

const TZ = 'Asia/Shanghai';
const row = (over: Partial<StatisticsRow>): StatisticsRow => {
  const r = {
    category: 'fire' as const,
    severity: 'ordinary' as const,
    occurredAt: new Date('2026-03-10T02:00:00Z'),
    reportedAt: new Date('2026-03-10T02:20:00Z'),
    deaths: 0,
    seriousInjuries: 0,
    directLossCny: 0,
    isDrill: false,
    // Unless a test says otherwise, the head heard at once and the enterprise filed the record.
    headInformedAt: null,
    source: 'enterprise' as const,
    enterpriseReportedAt: null,
    ...over,
  };
  return r;
};

describe('incident statistics', () => {
  it('dates incidents by the zone-local month, across the UTC year boundary', () => {
    // 16:30 UTC on 31 December is 00:30 on 1 January in Shanghai.
    expect(zoneYearMonth(new Date('2025-12-31T16:30:00Z'), TZ)).toEqual({ year: 2026, month: 1 });
    expect(zoneYearMonth(new Date('2026-12-31T15:59:59Z'), TZ)).toEqual({ year: 2026, month: 12 });
  });

  it('counts real incidents by severity, category and month, with casualties, losses and late reports', () => {
    const s = incidentStatistics(
      [
        row({ severity: 'relatively_serious', deaths: 3, directLossCny: 1_200_000 }),
        row({
          category: 'hazardous_chemical_leak',
          occurredAt: new Date('2025-12-31T16:30:00Z'),
          reportedAt: new Date('2025-12-31T18:00:00Z'),
          seriousInjuries: 2,
        }),
        row({ occurredAt: new Date('2025-06-01T00:00:00Z') }),
      ],
      2026,
      TZ,
    );
    expect(s.total).toBe(2);
    expect(s.bySeverity).toEqual({ especially_serious: 0, serious: 0, relatively_serious: 1, ordinary: 1 });
    expect(s.byCategory).toEqual({ fire: 1, hazardous_chemical_leak: 1 });
    expect(s.byMonth.slice(0, 3)).toEqual([1, 0, 1]);
    expect([s.deaths, s.seriousInjuries, s.directLossCny]).toEqual([3, 2, 1_200_000]);
    expect(s.lateReports).toBe(1);
  });

  it('counts a report still missing past its deadline as late, and times the hour from the head', () => {
    const now = new Date('2026-03-10T04:00:00Z');
    const s = incidentStatistics(
      [
        // Head told 40 minutes after the occurrence, report 90 minutes after it: on time.
        row({
          headInformedAt: new Date('2026-03-10T02:40:00Z'),
          reportedAt: new Date('2026-03-10T03:30:00Z'),
        }),
        // The zone heard by phone; the enterprise's report never came and the hour is over.
        row({ source: 'zone' }),
        // Still inside its hour.
        row({ source: 'zone', headInformedAt: new Date('2026-03-10T03:30:00Z') }),
      ],
      2026,
      TZ,
      now,
    );
    expect(s.lateReports).toBe(1);
  });

  it('keeps drills out of every figure and counts them apart', () => {
    const s = incidentStatistics(
      [row({}), row({ isDrill: true, deaths: 5, severity: 'serious', directLossCny: 9e7 })],
      2026,
      TZ,
    );
    expect(s.total).toBe(1);
    expect(s.drills).toBe(1);
    expect(s.deaths).toBe(0);
    expect(s.bySeverity.serious).toBe(0);
    expect(s.directLossCny).toBe(0);
  });
});
