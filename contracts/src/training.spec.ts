import { describe, expect, it } from '@jest/globals';
import {
  addYears,
  operationCertificateDates,
  trainingIndustryOf,
  trainingRequirement,
  trainingStatus,
  type TrainingIndustry,
  type TrainingRole,
} from './training.js';

describe('training requirements by role and industry (SAWS Order 3)', () => {
  it.each([
    ['principal', 'general', true, 'initial', 32],
    ['principal', 'general', false, 'refresher', 12],
    ['principal', 'high_risk', true, 'initial', 48],
    ['principal', 'high_risk', false, 'refresher', 16],
    ['safety_manager', 'general', true, 'initial', 32],
    ['safety_manager', 'general', false, 'refresher', 12],
    ['safety_manager', 'high_risk', true, 'initial', 48],
    ['safety_manager', 'high_risk', false, 'refresher', 16],
    ['employee', 'general', true, 'pre_job', 24],
    ['employee', 'high_risk', true, 'pre_job', 72],
    ['employee', 'high_risk', false, 'refresher', 20],
  ] as const)('%s, %s, first year %s: %s %d hours', (role, industry, first, basis, hours) => {
    expect(trainingRequirement(role, industry, first)).toEqual({ basis, hours });
  });

  it('sets no yearly minimum for employees of general units', () => {
    expect(trainingRequirement('employee', 'general', false)).toBeNull();
  });

  it('counts mines, dangerous goods, fireworks and metal smelting as high-risk', () => {
    for (const c of ['mine', 'dangerous_goods', 'fireworks', 'metal_smelting'] as const) {
      expect(trainingIndustryOf(c)).toBe('high_risk');
    }
    for (const c of ['construction', 'hazardous_chemicals_user', 'other', null] as const) {
      expect(trainingIndustryOf(c)).toBe('general');
    }
  });
});

describe('a person’s status for the year, at each requirement’s boundary', () => {
  const cases: [TrainingRole, TrainingIndustry, string | null, number][] = [
    ['principal', 'general', '2031-03-01', 32],
    ['principal', 'general', '2020-03-01', 12],
    ['principal', 'high_risk', '2031-03-01', 48],
    ['principal', 'high_risk', null, 16],
    ['safety_manager', 'general', '2031-05-01', 32],
    ['safety_manager', 'general', null, 12],
    ['safety_manager', 'high_risk', '2031-05-01', 48],
    ['safety_manager', 'high_risk', '2019-05-01', 16],
    ['employee', 'high_risk', null, 20],
  ];
  it.each(cases)(
    '%s, %s, started %s: %d hours meets it, a tenth less is short',
    (role, industry, startedOn, req) => {
      const base = { role, industry, startedOn, year: 2031, today: '2031-12-31' };
      expect(trainingStatus({ ...base, hours: req })).toMatchObject({
        state: 'met',
        required: req,
        shortBy: 0,
      });
      expect(trainingStatus({ ...base, hours: req + 1 }).state).toBe('met');
      expect(trainingStatus({ ...base, hours: req - 0.1 })).toMatchObject({ state: 'short', shortBy: 0.1 });
      expect(trainingStatus({ ...base, hours: 0 })).toMatchObject({
        state: 'short',
        shortBy: req,
        dueOn: '2031-12-31',
      });
      // Short on the last day is short; from the next day it is overdue.
      expect(trainingStatus({ ...base, hours: req - 0.1, today: '2032-01-01' })).toMatchObject({
        state: 'overdue',
        shortBy: 0.1,
      });
      expect(trainingStatus({ ...base, hours: req, today: '2032-01-01' }).state).toBe('met');
    },
  );

  it.each([
    ['general', 24],
    ['high_risk', 72],
  ] as const)('a new %s employee owes %d pre-job hours by the day they start', (industry, req) => {
    const base = { role: 'employee' as const, industry, startedOn: '2031-06-10', year: 2031 };
    expect(trainingStatus({ ...base, hours: req - 1, today: '2031-06-10' })).toMatchObject({
      state: 'short',
      shortBy: 1,
      dueOn: '2031-06-10',
    });
    expect(trainingStatus({ ...base, hours: req - 1, today: '2031-06-11' }).state).toBe('overdue');
    expect(trainingStatus({ ...base, hours: req, today: '2031-06-11' }).state).toBe('met');
  });

  it('owes nothing in a year before the post was taken, nor as a general employee after the first year', () => {
    expect(
      trainingStatus({
        role: 'principal',
        industry: 'general',
        startedOn: '2032-01-01',
        year: 2031,
        hours: 0,
        today: '2031-06-01',
      }).state,
    ).toBe('none');
    expect(
      trainingStatus({
        role: 'employee',
        industry: 'general',
        startedOn: '2030-01-01',
        year: 2031,
        hours: 0,
        today: '2032-06-01',
      }),
    ).toMatchObject({ state: 'none', required: 0, shortBy: 0 });
  });
});

describe('special operation certificates (SAWS Order 30)', () => {
  it('are reviewed 3 years and expire 6 years after issue', () => {
    expect(operationCertificateDates('2026-04-15')).toEqual({
      reviewOn: '2029-04-15',
      expiresOn: '2032-04-15',
    });
  });

  it('move a 29 February issue to the 28th in common years', () => {
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(operationCertificateDates('2024-02-29')).toEqual({
      reviewOn: '2027-02-28',
      expiresOn: '2030-02-28',
    });
  });
});
