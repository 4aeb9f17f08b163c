import { describe, expect, it } from '@jest/globals';
import {
  reportingClock,
  reportingDuty,
  supplementaryWindowDays,
  withinSupplementaryWindow,
} from './reporting.js';

describe('reporting clocks', () => {
  // 23:30 Beijing time on 31 December is 15:30 UTC: the deadline crosses midnight and the year.
  const occurred = new Date('2026-12-31T23:30:00+08:00');

  it('sets the deadline one hour after the occurrence, across midnight in Asia/Shanghai', () => {
    const clock = reportingClock('hazardous_chemical_leak', occurred, new Date('2027-01-01T00:10:00+08:00'));
    expect(clock.deadline).toBe('2026-12-31T16:30:00.000Z');
    expect(new Date(clock.deadline).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' })).toBe(
      '2027-01-01 00:30:00',
    );
    expect(clock.late).toBe(false);
  });

  it('is on time at exactly the deadline and late (迟报) one second after', () => {
    expect(reportingClock('fire', occurred, new Date('2027-01-01T00:30:00+08:00')).late).toBe(false);
    expect(reportingClock('fire', occurred, new Date('2027-01-01T00:30:01+08:00')).late).toBe(true);
  });

  it('gives road traffic and fire 7 days of supplementary reports, the rest 30', () => {
    expect(supplementaryWindowDays('road_traffic')).toBe(7);
    expect(supplementaryWindowDays('fire')).toBe(7);
    expect(supplementaryWindowDays('explosion')).toBe(30);
    expect(reportingClock('fire', occurred, occurred).supplementaryUntil).toBe('2027-01-07T15:30:00.000Z');
    expect(reportingClock('collapse', occurred, occurred).supplementaryUntil).toBe(
      '2027-01-30T15:30:00.000Z',
    );
  });

  it('closes the supplementary window at its last instant', () => {
    expect(withinSupplementaryWindow('fire', occurred, new Date('2027-01-07T23:30:00+08:00'))).toBe(true);
    expect(withinSupplementaryWindow('fire', occurred, new Date('2027-01-07T23:30:01+08:00'))).toBe(false);
    expect(withinSupplementaryWindow('explosion', occurred, new Date('2027-01-07T23:30:01+08:00'))).toBe(
      true,
    );
  });

  it('reports the first-report duty as met when the report is in, with the minutes it was late', () => {
    const onTime = reportingClock('fire', occurred, new Date('2027-01-01T00:10:00+08:00'));
    expect(onTime.duty).toEqual({ met: true, metAt: '2026-12-31T16:10:00.000Z', lateByMinutes: 0 });
    expect(reportingClock('fire', occurred, new Date('2027-01-01T00:30:00+08:00')).duty.lateByMinutes).toBe(
      0,
    );
    // Any lateness is 迟报: one second past the deadline is a minute late, never "late by 0".
    expect(reportingClock('fire', occurred, new Date('2027-01-01T00:30:01+08:00')).duty.lateByMinutes).toBe(
      1,
    );
    expect(reportingClock('fire', occurred, new Date('2027-01-01T01:47:00+08:00')).duty).toEqual({
      met: true,
      metAt: '2026-12-31T17:47:00.000Z',
      lateByMinutes: 77,
    });
  });

  it('leaves the duty open while no report is in', () => {
    expect(reportingDuty(new Date('2026-12-31T16:30:00Z'), null)).toEqual({
      met: false,
      metAt: null,
      lateByMinutes: 0,
    });
  });
});
