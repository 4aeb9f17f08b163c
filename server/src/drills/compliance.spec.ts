import { describe, expect, it } from '@jest/globals';
import {
  type ComplianceEnterprise,
  type ComplianceInput,
  addMonths,
  complianceReport,
  daysBetween,
  planVsDone,
  zoneDay,
} from './compliance.js';

const TZ = 'Asia/Shanghai';

const chem: ComplianceEnterprise = { id: 'e-chem', name: '甲化工', regulatoryCategory: 'dangerous_goods' };
const food: ComplianceEnterprise = { id: 'e-food', name: '乙食品', regulatoryCategory: 'other' };

/** An instant given as zone-local wall time, e.g. '2026-03-01 00:30'. */
const local = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);

function report(over: Partial<ComplianceInput>) {
  return complianceReport({
    enterprises: [],
    plans: [],
    runs: [],
    now: local('2026-06-15 10:00'),
    timeZone: TZ,
    ...over,
  });
}

describe('drill compliance dates', () => {
  it('adds months, ending on the last day of a shorter month', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 6)).toBe('2026-09-30');
    expect(addMonths('2026-05-31', 6)).toBe('2026-11-30');
    expect(addMonths('2026-01-30', 1)).toBe('2026-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-07-15', 6)).toBe('2027-01-15');
    expect(addMonths('2026-12-31', 12)).toBe('2027-12-31');
    expect(addMonths('2026-02-28', 6)).toBe('2026-08-28');
  });

  it('takes the calendar day in the zone on either side of its midnight', () => {
    // Midnight in Asia/Shanghai is 16:00 UTC of the day before.
    expect(zoneDay(new Date('2026-08-31T15:59:59.999Z'), TZ)).toBe('2026-08-31');
    expect(zoneDay(new Date('2026-08-31T16:00:00Z'), TZ)).toBe('2026-09-01');
    expect(zoneDay(local('2026-01-01 00:00'), TZ)).toBe('2026-01-01');
    expect(zoneDay(local('2025-12-31 23:59'), TZ)).toBe('2025-12-31');
  });

  it('counts days between calendar days', () => {
    expect(daysBetween('2026-06-15', '2026-06-15')).toBe(0);
    expect(daysBetween('2026-06-15', '2026-06-16')).toBe(1);
    expect(daysBetween('2026-06-15', '2026-06-14')).toBe(-1);
    expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28);
    expect(daysBetween('2025-12-31', '2026-12-31')).toBe(365);
  });
});

describe('drill compliance report', () => {
  it('lists nothing for a unit without a published plan', () => {
    const r = report({
      enterprises: [food],
      runs: [
        { id: 'r', enterpriseId: food.id, planType: 'comprehensive', endedAt: local('2026-01-01 10:00') },
      ],
    });
    expect(r.items).toEqual([]);
    expect(r.overdue).toEqual([]);
    expect(r.asOf).toBe('2026-06-15T02:00:00.000Z');
  });

  it('dates a never-drilled unit from its first plan publication, one interval on', () => {
    const r = report({
      enterprises: [food],
      plans: [
        { enterpriseId: food.id, type: 'comprehensive', firstPublishedAt: local('2026-02-10 09:00') },
        // Published 00:30 local on 1 Jan: still 31 Dec in UTC, but the zone's day counts.
        { enterpriseId: food.id, type: 'special', firstPublishedAt: local('2026-01-01 00:30') },
      ],
    });
    expect(r.items).toEqual([
      {
        enterpriseId: food.id,
        enterpriseName: food.name,
        requirement: 'comprehensive_or_special',
        intervalMonths: 12,
        category: 'other',
        listed: false,
        lastDrillOn: null,
        lastRunId: null,
        dueOn: '2027-01-01',
        overdue: false,
        daysUntilDue: 200,
      },
    ]);
  });

  it('dates from the last satisfying drill, on the zone day it ended', () => {
    const r = report({
      enterprises: [chem],
      plans: [
        { enterpriseId: chem.id, type: 'comprehensive', firstPublishedAt: local('2024-01-05 09:00') },
        { enterpriseId: chem.id, type: 'on_site', firstPublishedAt: local('2024-01-05 09:00') },
      ],
      runs: [
        // Ends 23:30 on 31 Aug local (15:30 UTC): done on 31 Aug, due 28 Feb.
        { id: 'old', enterpriseId: chem.id, planType: 'special', endedAt: local('2025-03-01 10:00') },
        { id: 'cs', enterpriseId: chem.id, planType: 'comprehensive', endedAt: local('2025-08-31 23:30') },
        // Ends 00:30 on 1 Sep local (still 31 Aug in UTC): done on 1 Sep, due 1 Mar.
        { id: 'os', enterpriseId: chem.id, planType: 'on_site', endedAt: local('2025-09-01 00:30') },
      ],
      now: local('2026-03-01 00:05'),
    });
    const byReq = Object.fromEntries(r.items.map((i) => [i.requirement, i]));
    // Adapted: this listed unit was held to a comprehensive-or-special drill every six months,
    // which Art. 33 does not ask; it owes one a year like every unit (its half-yearly drill is of
    // any plan, here the on-site one).
    expect(byReq.comprehensive_or_special).toMatchObject({
      intervalMonths: 12,
      listed: true,
      category: 'dangerous_goods',
      lastDrillOn: '2025-08-31',
      lastRunId: 'cs',
      dueOn: '2026-08-31',
      overdue: false,
    });
    expect(byReq.on_site).toMatchObject({
      intervalMonths: 6,
      lastDrillOn: '2025-09-01',
      lastRunId: 'os',
      dueOn: '2026-03-01',
      overdue: false,
      daysUntilDue: 0,
    });
    // The on-site duty already asks for a half-yearly drill, so no separate any-plan item.
    expect(byReq.any_plan).toBeUndefined();
    expect(r.overdue).toEqual([]);
  });

  it('turns overdue at zone midnight after the due day, not at UTC midnight', () => {
    const input = {
      enterprises: [food],
      plans: [
        {
          enterpriseId: food.id,
          type: 'comprehensive' as const,
          firstPublishedAt: local('2025-01-01 12:00'),
        },
      ],
      runs: [
        { id: 'r', enterpriseId: food.id, planType: 'special' as const, endedAt: local('2025-06-30 16:00') },
      ],
    };
    // Due 2026-06-30. At 23:59:59 local on the due day it is still in time...
    const lastMoment = report({ ...input, now: new Date('2026-06-30T15:59:59Z') }).items[0]!;
    expect(lastMoment).toMatchObject({ dueOn: '2026-06-30', overdue: false, daysUntilDue: 0 });
    // ...and a second later (16:00 UTC, still 30 June in UTC) it is overdue.
    const nextDay = report({ ...input, now: new Date('2026-06-30T16:00:00Z') }).items[0]!;
    expect(nextDay).toMatchObject({ overdue: true, daysUntilDue: -1 });
  });

  it('does not let one requirement satisfy the other, nor count zone-less or plan-less runs', () => {
    const r = report({
      enterprises: [food],
      plans: [
        { enterpriseId: food.id, type: 'comprehensive', firstPublishedAt: local('2025-01-10 12:00') },
        { enterpriseId: food.id, type: 'on_site', firstPublishedAt: local('2025-03-20 12:00') },
      ],
      runs: [
        { id: 'a', enterpriseId: food.id, planType: 'on_site', endedAt: local('2026-05-01 12:00') },
        { id: 'b', enterpriseId: food.id, planType: null, endedAt: local('2026-05-02 12:00') },
        {
          id: 'c',
          enterpriseId: 'someone-else',
          planType: 'comprehensive',
          endedAt: local('2026-05-03 12:00'),
        },
      ],
    });
    const byReq = Object.fromEntries(r.items.map((i) => [i.requirement, i]));
    expect(byReq.comprehensive_or_special).toMatchObject({
      lastRunId: null,
      dueOn: '2026-01-10',
      overdue: true,
    });
    expect(byReq.on_site).toMatchObject({ lastRunId: 'a', dueOn: '2026-11-01', overdue: false });
  });

  it('starts an on-site duty from the on-site plan, not from an older comprehensive one', () => {
    const r = report({
      enterprises: [food],
      plans: [
        { enterpriseId: food.id, type: 'comprehensive', firstPublishedAt: local('2025-01-10 12:00') },
        { enterpriseId: food.id, type: 'on_site', firstPublishedAt: local('2026-02-20 12:00') },
      ],
    });
    expect(r.items.find((i) => i.requirement === 'on_site')).toMatchObject({
      dueOn: '2026-08-20',
      overdue: false,
    });
  });

  it('sorts by due date and lists the overdue ones apart', () => {
    const r = report({
      enterprises: [food, chem],
      plans: [
        { enterpriseId: food.id, type: 'comprehensive', firstPublishedAt: local('2025-05-01 12:00') },
        // Adapted: the listed unit's comprehensive-or-special duty is yearly (Art. 33), not
        // half-yearly as before; its plan is published earlier so it still sorts first.
        { enterpriseId: chem.id, type: 'comprehensive', firstPublishedAt: local('2025-03-01 12:00') },
        { enterpriseId: chem.id, type: 'on_site', firstPublishedAt: local('2025-05-01 12:00') },
      ],
      runs: [{ id: 'os', enterpriseId: chem.id, planType: 'on_site', endedAt: local('2026-04-01 12:00') }],
    });
    expect(r.items.map((i) => [i.enterpriseId, i.requirement, i.dueOn, i.overdue])).toEqual([
      [chem.id, 'comprehensive_or_special', '2026-03-01', true],
      [food.id, 'comprehensive_or_special', '2026-05-01', true],
      [chem.id, 'on_site', '2026-10-01', false],
    ]);
    expect(r.overdue.map((i) => i.enterpriseId)).toEqual([chem.id, food.id]);
    expect(r.items[0]!.daysUntilDue).toBe(daysBetween('2026-06-15', '2026-03-01'));
  });
});

describe('MEM Order 2 Art. 33 duties by category', () => {
  const mall: ComplianceEnterprise = { id: 'e-mall', name: '丙商场', regulatoryCategory: 'crowded_place' };
  const unrecorded: ComplianceEnterprise = { id: 'e-new', name: '丁新材', regulatoryCategory: null };

  it('Art. 33: a listed unit with one on-site drill in the half year (and a comprehensive one in the year) is compliant', () => {
    const facts = {
      enterprises: [chem],
      plans: [
        {
          enterpriseId: chem.id,
          type: 'comprehensive' as const,
          firstPublishedAt: local('2024-01-05 09:00'),
        },
        { enterpriseId: chem.id, type: 'on_site' as const, firstPublishedAt: local('2024-01-05 09:00') },
      ],
      runs: [
        // Ten months ago: the old half-yearly comprehensive-or-special rule called this overdue.
        {
          id: 'cs',
          enterpriseId: chem.id,
          planType: 'comprehensive' as const,
          endedAt: local('2025-08-20 10:00'),
        },
        // The half year's drill; today, 15 June, is its last day in time.
        { id: 'os', enterpriseId: chem.id, planType: 'on_site' as const, endedAt: local('2025-12-15 10:00') },
      ],
    };
    const r = report(facts);
    expect(r.overdue).toEqual([]);
    expect(r.items.map((i) => [i.requirement, i.dueOn])).toEqual([
      ['on_site', '2026-06-15'],
      ['comprehensive_or_special', '2026-08-20'],
    ]);
    // A day later the half-yearly drill is owed, and only it.
    const later = report({ ...facts, now: local('2026-06-16 00:00') });
    expect(later.overdue.map((i) => i.requirement)).toEqual(['on_site']);
  });

  // The rule was wrong before: it read the colour `major` (重大风险) as a major hazard installation.
  it('Art. 33: a 重大风险-coloured textile mill is not listed by its colour and drills yearly', () => {
    const mill = { id: 'e-tex', name: '丙纺织', regulatoryCategory: 'other', riskClass: 'major' };
    const r = report({
      enterprises: [mill as ComplianceEnterprise],
      plans: [{ enterpriseId: mill.id, type: 'comprehensive', firstPublishedAt: local('2026-01-10 09:00') }],
      runs: [],
    });
    expect(r.items).toEqual([
      expect.objectContaining({
        requirement: 'comprehensive_or_special',
        listed: false,
        dueOn: '2027-01-10',
      }),
    ]);
  });

  it('Art. 33: a unit with a registered major hazard installation is listed whatever its category', () => {
    const store = {
      id: 'e-store',
      name: '丁仓储',
      regulatoryCategory: 'other' as const,
      majorHazardInstallation: true,
    };
    const r = report({
      enterprises: [store],
      plans: [{ enterpriseId: store.id, type: 'comprehensive', firstPublishedAt: local('2026-01-10 09:00') }],
      runs: [],
    });
    expect(r.items.find((i) => i.requirement === 'any_plan')).toMatchObject({
      intervalMonths: 6,
      listed: true,
    });
  });

  it('Art. 33: a listed unit without an on-site plan owes a drill of any plan every half year', () => {
    const r = report({
      enterprises: [mall],
      plans: [{ enterpriseId: mall.id, type: 'special', firstPublishedAt: local('2024-01-05 09:00') }],
      runs: [{ id: 'sp', enterpriseId: mall.id, planType: 'special', endedAt: local('2025-12-14 10:00') }],
    });
    const byReq = Object.fromEntries(r.items.map((i) => [i.requirement, i]));
    expect(byReq.any_plan).toMatchObject({
      intervalMonths: 6,
      dueOn: '2026-06-14',
      overdue: true,
      listed: true,
    });
    expect(byReq.comprehensive_or_special).toMatchObject({ dueOn: '2026-12-14', overdue: false });
    expect(byReq.on_site).toBeUndefined();
  });

  it('Art. 33: an ordinary unit with only an on-site drill in the year still owes its comprehensive or special drill', () => {
    const r = report({
      enterprises: [food],
      plans: [
        { enterpriseId: food.id, type: 'comprehensive', firstPublishedAt: local('2025-03-01 09:00') },
        { enterpriseId: food.id, type: 'on_site', firstPublishedAt: local('2025-03-01 09:00') },
      ],
      runs: [{ id: 'os', enterpriseId: food.id, planType: 'on_site', endedAt: local('2026-05-01 10:00') }],
    });
    const byReq = Object.fromEntries(r.items.map((i) => [i.requirement, i]));
    expect(byReq.comprehensive_or_special).toMatchObject({
      intervalMonths: 12,
      lastRunId: null,
      dueOn: '2026-03-01',
      overdue: true,
      listed: false,
    });
    expect(byReq.on_site).toMatchObject({ lastRunId: 'os', overdue: false });
    // Not listed: no any-plan duty and no department report owed.
    expect(byReq.any_plan).toBeUndefined();
  });

  it("Art. 33: a drill of a listed unit without its report to the department is flagged; an ordinary unit's is not", () => {
    const r = report({
      enterprises: [chem, food, unrecorded],
      plans: [
        { enterpriseId: chem.id, type: 'comprehensive', firstPublishedAt: local('2025-03-01 09:00') },
        { enterpriseId: food.id, type: 'comprehensive', firstPublishedAt: local('2025-03-01 09:00') },
      ],
      unreportedRuns: [
        {
          id: 'r-chem',
          enterpriseId: chem.id,
          title: '储罐泄漏演练',
          planType: 'special',
          // 00:30 local on 1 June: still 31 May in UTC, but the zone's day counts.
          endedAt: local('2026-06-01 00:30'),
        },
        {
          id: 'r-food',
          enterpriseId: food.id,
          title: '火灾演练',
          planType: 'comprehensive',
          endedAt: local('2026-05-01 10:00'),
        },
        {
          id: 'r-new',
          enterpriseId: unrecorded.id,
          title: '疏散演练',
          planType: 'on_site',
          endedAt: local('2026-05-02 10:00'),
        },
      ],
    });
    expect(r.unreported).toEqual([
      {
        runId: 'r-chem',
        enterpriseId: chem.id,
        enterpriseName: chem.name,
        title: '储罐泄漏演练',
        planType: 'special',
        endedOn: '2026-06-01',
      },
    ]);
  });

  it('Art. 33: a unit listed by its major hazard installation alone reports its drills too', () => {
    const store = { ...food, majorHazardInstallation: true };
    const r = report({
      enterprises: [store],
      plans: [{ enterpriseId: store.id, type: 'special', firstPublishedAt: local('2026-01-10 09:00') }],
      unreportedRuns: [
        {
          id: 'r-store',
          enterpriseId: store.id,
          title: '液氯泄漏演练',
          planType: 'special',
          endedAt: local('2026-05-01 10:00'),
        },
      ],
    });
    expect(r.unreported.map((u) => u.runId)).toEqual(['r-store']);
  });

  it('Art. 33: a unit whose category is not yet recorded is held to the general rule and says so', () => {
    const r = report({
      enterprises: [unrecorded],
      plans: [{ enterpriseId: unrecorded.id, type: 'special', firstPublishedAt: local('2026-01-10 09:00') }],
    });
    expect(r.items).toEqual([
      expect.objectContaining({
        requirement: 'comprehensive_or_special',
        intervalMonths: 12,
        category: null,
        listed: false,
        dueOn: '2027-01-10',
      }),
    ]);
  });
});

describe('MEM Order 2 Art. 33 yearly drill plan against the drills done', () => {
  const zone = { id: null, name: null };
  const units = [zone, { id: chem.id, name: chem.name }, { id: food.id, name: food.name }];

  it("Art. 33: the zone's own drills count against the zone's own plan", () => {
    const [z] = planVsDone(
      [zone],
      [
        { enterpriseId: null, year: 2026, month: 3, planType: 'comprehensive' },
        { enterpriseId: null, year: 2026, month: 9, planType: 'comprehensive' },
        { enterpriseId: null, year: 2025, month: 3, planType: 'special' },
      ],
      [
        { enterpriseId: null, planType: 'comprehensive', endedAt: local('2026-03-20 10:00') },
        // An enterprise's drill is not the zone's.
        { enterpriseId: chem.id, planType: 'comprehensive', endedAt: local('2026-04-20 10:00') },
      ],
      local('2026-06-15 10:00'),
      TZ,
    );
    expect(z).toEqual({
      enterpriseId: null,
      enterpriseName: null,
      year: 2026,
      hasPlan: true,
      byType: [
        { planType: 'comprehensive', planned: 2, plannedToDate: 1, done: 1 },
        { planType: 'special', planned: 0, plannedToDate: 0, done: 0 },
        { planType: 'on_site', planned: 0, plannedToDate: 0, done: 0 },
      ],
      behind: false,
    });
  });

  it('Art. 33: behind only once a planned month is over, counting drills of the zone-local year', () => {
    const planned = [{ enterpriseId: chem.id, year: 2026, month: 5, planType: 'on_site' as const }];
    // 00:30 on 1 January local is still 31 December in UTC: a drill of 2026.
    const done = [
      { enterpriseId: chem.id, planType: 'special' as const, endedAt: local('2026-01-01 00:30') },
    ];
    const inMay = planVsDone(units, planned, done, local('2026-05-31 23:59'), TZ);
    expect(inMay.find((u) => u.enterpriseId === chem.id)).toMatchObject({ behind: false, hasPlan: true });
    const inJune = planVsDone(units, planned, done, local('2026-06-01 00:00'), TZ);
    const c = inJune.find((u) => u.enterpriseId === chem.id)!;
    expect(c.behind).toBe(true);
    expect(c.byType.find((t) => t.planType === 'special')).toEqual({
      planType: 'special',
      planned: 0,
      plannedToDate: 0,
      done: 1,
    });
    // A unit without a plan for the year is listed as such, not as behind.
    expect(inJune.find((u) => u.enterpriseId === food.id)).toMatchObject({ hasPlan: false, behind: false });
  });
});
