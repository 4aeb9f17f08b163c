import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  type ClockFacts,
  clockFacts,
  endOfZoneDayWindow,
  reportingClock,
  reportingDuty,
  supplementaryWindowDays,
  withinSupplementaryWindow,
} from './reporting.js';

const TZ = 'Asia/Shanghai';
/** Shanghai wall time as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);
const zoneText = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: TZ });

describe('the enterprise hour (Decree 493 Art. 9)', () => {
  // The accident at 23:10 on 31 December; the head is told at 23:30: the hour crosses midnight and the year.
  const facts = (enterpriseReportedAt: Date | null): ClockFacts => ({
    category: 'hazardous_chemical_leak',
    occurredAt: sh('2026-12-31T23:10:00'),
    headInformedAt: sh('2026-12-31T23:30:00'),
    reportedAt: sh('2027-01-01T00:05:00'),
    enterpriseReportedAt,
  });

  it('runs one hour from the head being informed, not from the occurrence, across midnight', () => {
    const clock = reportingClock(facts(sh('2027-01-01T00:20:00')), TZ);
    expect(clock.deadline).toBe('2026-12-31T16:30:00.000Z');
    expect(zoneText(clock.deadline)).toBe('2027-01-01 00:30:00');
    expect(clock.headInformedAt).toBe('2026-12-31T15:30:00.000Z');
    // 70 minutes after the accident but 50 after the head heard: on time.
    expect(clock.late).toBe(false);
    expect(clock.duty).toEqual({ met: true, metAt: '2026-12-31T16:20:00.000Z', lateByMinutes: 0 });
  });

  it('is on time at exactly the deadline and late (迟报) by a minute one second after', () => {
    expect(reportingClock(facts(sh('2027-01-01T00:30:00')), TZ).late).toBe(false);
    const late = reportingClock(facts(sh('2027-01-01T00:30:01')), TZ);
    expect(late.late).toBe(true);
    expect(late.duty.lateByMinutes).toBe(1);
    expect(reportingClock(facts(sh('2027-01-01T01:47:00')), TZ).duty.lateByMinutes).toBe(77);
  });

  it('shows a report still owed as late once its hour has passed (missing), not before', () => {
    const owed = facts(null);
    expect(reportingClock(owed, TZ, sh('2027-01-01T00:30:00')).late).toBe(false);
    const missing = reportingClock(owed, TZ, sh('2027-01-01T00:31:00'));
    expect(missing.late).toBe(true);
    expect(missing.duty).toEqual({ met: false, metAt: null, lateByMinutes: 0 });
  });

  it("takes an enterprise's own filing as its report, and a head's time nobody gave as the occurrence", () => {
    const stored = {
      category: 'fire' as const,
      occurredAt: sh('2027-01-01T08:00:00'),
      reportedAt: sh('2027-01-01T08:40:00'),
      headInformedAt: null,
      enterpriseReportedAt: null,
    };
    expect(clockFacts({ ...stored, source: 'enterprise' })).toMatchObject({
      headInformedAt: stored.occurredAt,
      enterpriseReportedAt: stored.reportedAt,
    });
    expect(clockFacts({ ...stored, source: 'zone' }).enterpriseReportedAt).toBeNull();
  });

  it('leaves the duty open while no report is in', () => {
    expect(reportingDuty(new Date('2026-12-31T16:30:00Z'), null)).toEqual({
      met: false,
      metAt: null,
      lateByMinutes: 0,
    });
  });
});

describe('day-counted windows (calendar days in the zone, Civil Code Art. 201/203)', () => {
  // Day 0 is 1 January; the accident at 23:50 that evening. Day 1 is 2 January, so "within 30
  // days" ends with 31 January at 24:00, and "within 7 days" with 8 January.
  const late = sh('2027-01-01T23:50:00');

  it('ends a window at 24:00 of the Nth day after the day of the occurrence, not N × 24 hours later', () => {
    expect(zoneText(endOfZoneDayWindow(late, 30, TZ).toISOString())).toBe('2027-01-31 23:59:59');
    expect(endOfZoneDayWindow(late, 30, TZ).toISOString()).toBe('2027-01-31T15:59:59.999Z');
    expect(zoneText(endOfZoneDayWindow(late, 7, TZ).toISOString())).toBe('2027-01-08 23:59:59');
    expect(zoneText(endOfZoneDayWindow(late, 60, TZ).toISOString())).toBe('2027-03-02 23:59:59');
    // Early in the morning of the same day: the same days, as only the date counts.
    expect(endOfZoneDayWindow(sh('2027-01-01T00:00:00'), 30, TZ)).toEqual(endOfZoneDayWindow(late, 30, TZ));
  });

  it('gives every instant the same window end as the zone arithmetic, asked once or again', () => {
    // Offsets of a quarter and a half hour, and a daylight-saving change (St. John's, 14 March 2027):
    // the window's end is remembered per 15-minute slot, which must never cross a local midnight.
    const zones = ['Asia/Shanghai', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Eucla'];
    for (const zone of zones) {
      for (let t = Date.UTC(2027, 2, 13); t < Date.UTC(2027, 2, 16); t += 7 * 60 * 1000 + 13_000) {
        const at = new Date(t);
        const expected = DateTime.fromJSDate(at, { zone })
          .startOf('day')
          .plus({ days: 31 })
          .minus({ milliseconds: 1 })
          .toJSDate();
        expect([zone, at, endOfZoneDayWindow(at, 30, zone)]).toEqual([zone, at, expected]);
        expect([zone, at, endOfZoneDayWindow(at, 30, zone)]).toEqual([zone, at, expected]);
      }
    }
  });

  it('counts the date in the zone, not in UTC', () => {
    // 00:10 on 2 January in Shanghai is 16:10 on 1 January UTC: day 0 is 2 January.
    expect(zoneText(endOfZoneDayWindow(sh('2027-01-02T00:10:00'), 7, TZ).toISOString())).toBe(
      '2027-01-09 23:59:59',
    );
  });

  it('gives road traffic and fire 7 days of supplementary reports, the rest 30', () => {
    expect(supplementaryWindowDays('road_traffic')).toBe(7);
    expect(supplementaryWindowDays('fire')).toBe(7);
    expect(supplementaryWindowDays('explosion')).toBe(30);
    const facts = (category: ClockFacts['category']): ClockFacts => ({
      category,
      occurredAt: late,
      headInformedAt: late,
      reportedAt: late,
      enterpriseReportedAt: late,
    });
    expect(zoneText(reportingClock(facts('fire'), TZ).supplementaryUntil)).toBe('2027-01-08 23:59:59');
    expect(zoneText(reportingClock(facts('collapse'), TZ).supplementaryUntil)).toBe('2027-01-31 23:59:59');
  });

  it('keeps the supplementary window open through its last day and closes it at midnight', () => {
    expect(withinSupplementaryWindow('fire', late, sh('2027-01-08T23:59:59'), TZ)).toBe(true);
    expect(withinSupplementaryWindow('fire', late, sh('2027-01-09T00:00:00'), TZ)).toBe(false);
    // 24-hour multiples would have closed it at 23:50 on the 8th.
    expect(withinSupplementaryWindow('fire', late, sh('2027-01-08T23:55:00'), TZ)).toBe(true);
    expect(withinSupplementaryWindow('explosion', late, sh('2027-01-31T23:59:59'), TZ)).toBe(true);
    expect(withinSupplementaryWindow('explosion', late, sh('2027-02-01T00:00:00'), TZ)).toBe(false);
  });
});
