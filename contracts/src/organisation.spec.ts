import { describe, expect, it } from '@jest/globals';
import {
  type SafetyOrgIndustry,
  type SafetyOrgManagerInput,
  decisionActions,
  isDecisionOverdue,
  nextDecisionStatus,
  safetyOrgStatus,
  suggestSafetyOrgIndustry,
} from './organisation.js';

const fullTime: SafetyOrgManagerInput = { kind: 'full_time', engineer: null };
const partTime: SafetyOrgManagerInput = { kind: 'part_time', engineer: null };
const chemicalEngineer: SafetyOrgManagerInput = {
  kind: 'full_time',
  engineer: { specialty: 'chemical', level: 'intermediate' },
};

describe('safety organisation required by the Work Safety Law Art. 24 and Art. 27', () => {
  const HIGH_RISK: SafetyOrgIndustry[] = [
    'mine',
    'metal_smelting',
    'construction',
    'transport',
    'dangerous_goods',
    'dangerous_goods_trade',
  ];

  it.each(HIGH_RISK)(
    '%s: an office or full-time managers at any size, part-time ones do not do',
    (industry) => {
      for (const headcount of [5, 100, 101, null]) {
        const partOnly = safetyOrgStatus({ industry, headcount, hasOffice: false, managers: [partTime] });
        expect(partOnly.requirement?.organisation).toBe('office_or_full_time');
        expect(partOnly.problems).toContain('office_or_full_time_missing');
        const office = safetyOrgStatus({ industry, headcount, hasOffice: true, managers: [partTime] });
        expect(office.problems).not.toContain('office_or_full_time_missing');
        const full = safetyOrgStatus({ industry, headcount, hasOffice: false, managers: [fullTime] });
        expect(full.problems).not.toContain('office_or_full_time_missing');
      }
    },
  );

  it('other units: up to 100 employees any safety manager does, from 101 an office or a full-time one', () => {
    const at = (headcount: number, hasOffice: boolean, managers: SafetyOrgManagerInput[]) =>
      safetyOrgStatus({ industry: 'other', headcount, hasOffice, managers });
    expect(at(100, false, [partTime])).toMatchObject({ met: true, problems: [] });
    expect(at(100, false, []).problems).toEqual(['manager_missing']);
    expect(at(100, false, []).requirement?.organisation).toBe('managers');
    expect(at(101, false, [partTime]).problems).toEqual(['office_or_full_time_missing']);
    expect(at(101, false, [fullTime])).toMatchObject({ met: true, problems: [] });
    expect(at(101, true, [])).toMatchObject({ met: true, problems: [] });
    expect(at(1, false, [fullTime])).toMatchObject({ met: true });
    // No engineers are required of them (Art. 27 only encourages it).
    expect(at(5000, true, []).requirement).toMatchObject({
      engineers: 0,
      basis: ['《安全生产法》第二十四条'],
    });
  });

  it('asks the headcount of an ordinary unit, and the industry of everyone, before judging', () => {
    expect(
      safetyOrgStatus({ industry: 'other', headcount: null, hasOffice: true, managers: [] }),
    ).toMatchObject({
      met: false,
      problems: ['headcount_unknown'],
      requirement: null,
    });
    expect(
      safetyOrgStatus({ industry: null, headcount: 50, hasOffice: true, managers: [] }).problems,
    ).toEqual(['industry_unknown']);
  });

  it.each([
    ['dangerous_goods', 'chemical'],
    ['mine', 'coal_mine'],
    ['mine', 'metal_nonmetal_mine'],
    ['metal_smelting', 'metal_smelting'],
  ] as const)('%s needs a registered %s engineer, intermediate or above', (industry, specialty) => {
    const none = safetyOrgStatus({ industry, headcount: 40, hasOffice: true, managers: [fullTime] });
    expect(none.problems).toEqual(['engineers_short']);
    expect(none.requirement?.engineers).toBe(1);
    const junior = safetyOrgStatus({
      industry,
      headcount: 40,
      hasOffice: true,
      managers: [{ kind: 'full_time', engineer: { specialty, level: 'junior' } }],
    });
    expect(junior.problems).toEqual(['engineers_short']);
    const ok = safetyOrgStatus({
      industry,
      headcount: 40,
      hasOffice: true,
      managers: [{ kind: 'part_time', engineer: { specialty, level: 'senior' } }],
    });
    expect(ok).toMatchObject({ met: true, qualifyingEngineers: 1 });
    const wrongField = safetyOrgStatus({
      industry,
      headcount: 40,
      hasOffice: true,
      managers: [{ kind: 'full_time', engineer: { specialty: 'construction', level: 'senior' } }],
    });
    expect(wrongField.problems).toEqual(['engineers_short']);
  });

  it('no engineers are required of construction, transport or dangerous goods traders', () => {
    for (const industry of ['construction', 'transport', 'dangerous_goods_trade'] as const) {
      expect(safetyOrgStatus({ industry, headcount: 40, hasOffice: true, managers: [] })).toMatchObject({
        met: true,
        requirement: { engineers: 0 },
      });
    }
  });

  it('keeps registered engineers at 15 % of the safety managers at least, rounded up', () => {
    const managers = (n: number, engineers: number) => [
      ...Array.from({ length: engineers }, () => chemicalEngineer),
      ...Array.from({ length: n - engineers }, () => fullTime),
    ];
    const required = (n: number) =>
      safetyOrgStatus({
        industry: 'dangerous_goods',
        headcount: 500,
        hasOffice: true,
        managers: managers(n, 0),
      }).requirement?.engineers;
    expect([1, 6, 7, 13, 14, 20, 21].map(required)).toEqual([1, 1, 2, 2, 3, 3, 4]);
    const seven = safetyOrgStatus({
      industry: 'dangerous_goods',
      headcount: 500,
      hasOffice: true,
      managers: managers(7, 1),
    });
    expect(seven).toMatchObject({ met: false, problems: ['engineers_short'], qualifyingEngineers: 1 });
    expect(
      safetyOrgStatus({
        industry: 'dangerous_goods',
        headcount: 500,
        hasOffice: true,
        managers: managers(7, 2),
      }).met,
    ).toBe(true);
  });

  it('suggests the group from the categories the zone recorded', () => {
    expect(suggestSafetyOrgIndustry('dangerous_goods', 'dangerous_goods')).toBe('dangerous_goods');
    expect(suggestSafetyOrgIndustry('fireworks', 'other')).toBe('dangerous_goods');
    expect(suggestSafetyOrgIndustry('hazardous_chemicals_user', 'other')).toBe('other');
    expect(suggestSafetyOrgIndustry(null, 'urban_rail')).toBe('transport');
    expect(suggestSafetyOrgIndustry(null, 'mine')).toBe('mine');
    expect(suggestSafetyOrgIndustry(null, null)).toBeNull();
  });
});

describe('a decision of the leading group', () => {
  it('moves assigned → in progress → done → verified, and refuses steps out of order', () => {
    expect(nextDecisionStatus('assigned', 'progress')).toBe('in_progress');
    expect(nextDecisionStatus('in_progress', 'progress')).toBe('in_progress');
    expect(nextDecisionStatus('in_progress', 'complete')).toBe('done');
    expect(nextDecisionStatus('done', 'verify')).toBe('verified');
    expect(nextDecisionStatus('done', 'return')).toBe('in_progress');
    expect(nextDecisionStatus('assigned', 'complete')).toBeNull();
    expect(nextDecisionStatus('assigned', 'verify')).toBeNull();
    expect(nextDecisionStatus('in_progress', 'verify')).toBeNull();
    expect(nextDecisionStatus('verified', 'progress')).toBeNull();
    expect(nextDecisionStatus('verified', 'return')).toBeNull();
    expect(decisionActions('verified')).toEqual([]);
    expect(decisionActions('done')).toEqual(['verify', 'return']);
  });

  it('is overdue from the day after its deadline while still open', () => {
    expect(isDecisionOverdue('assigned', '2031-05-10', '2031-05-10')).toBe(false);
    expect(isDecisionOverdue('in_progress', '2031-05-10', '2031-05-11')).toBe(true);
    expect(isDecisionOverdue('done', '2031-05-10', '2031-06-01')).toBe(false);
    expect(isDecisionOverdue('verified', '2031-05-10', '2031-06-01')).toBe(false);
  });
});
