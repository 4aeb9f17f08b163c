import { describe, expect, it } from '@jest/globals';
import {
  ZONE_WORK_PLAN_SECTIONS,
  blankWorkPlan,
  quarterDueOn,
  quarterEndOn,
  quarterOpensOn,
  quarterState,
  workPlanGaps,
} from './work-plans.js';

describe('quarterly progress deadlines', () => {
  it('falls due 10 days after each quarter ends, the fourth in January of the next year', () => {
    expect([1, 2, 3, 4].map((q) => quarterEndOn(2031, q as 1))).toEqual([
      '2031-03-31',
      '2031-06-30',
      '2031-09-30',
      '2031-12-31',
    ]);
    expect([1, 2, 3, 4].map((q) => quarterDueOn(2031, q as 1))).toEqual([
      '2031-04-10',
      '2031-07-10',
      '2031-10-10',
      '2032-01-10',
    ]);
    expect(quarterEndOn(2032, 1)).toBe('2032-03-31');
    expect(quarterOpensOn(2031, 4)).toBe('2031-12-01');
  });

  const state = (
    today: string,
    submittedOn: string | null = null,
    approvedOn: string | null = '2031-03-20',
  ) => quarterState({ year: 2031, quarter: 1, approvedOn, submittedOn, today });

  it('is on time through the due day and late from the day after', () => {
    expect(state('2031-05-01', '2031-04-10')).toBe('submitted');
    expect(state('2031-05-01', '2031-04-11')).toBe('late');
  });

  it('is missing only once the due day has passed, and opens with the quarter’s last month', () => {
    expect(state('2031-02-28')).toBe('upcoming');
    expect(state('2031-03-01')).toBe('open');
    expect(state('2031-04-10')).toBe('open');
    expect(state('2031-04-11')).toBe('missing');
  });

  it('is owed only by a plan approved by the quarter’s end', () => {
    expect(state('2031-05-01', null, '2031-03-31')).toBe('missing');
    expect(state('2031-05-01', null, '2031-04-01')).toBe('not_owed');
    expect(state('2031-05-01', null, null)).toBe('not_owed');
  });
});

describe('what a plan lacks before submission', () => {
  it('names every unwritten section and every task without measures, person or a deadline in the year', () => {
    const blank = blankWorkPlan(ZONE_WORK_PLAN_SECTIONS);
    const gaps = workPlanGaps(2031, ZONE_WORK_PLAN_SECTIONS, blank);
    expect(gaps).toContainEqual(expect.stringMatching(/^sections\.goals: /));
    expect(gaps).toContainEqual(expect.stringMatching(/^sections\.funds: /));
    expect(gaps).toContainEqual(expect.stringMatching(/^tasks\.hazard-ledger\.measures: /));
    expect(gaps).toContainEqual(expect.stringMatching(/^tasks\.hazard-ledger\.responsibleContactId: /));

    const filled = {
      sections: blank.sections.map((s) => ({ ...s, text: '已写' })),
      tasks: blank.tasks.map((t) => ({
        ...t,
        measures: '措施',
        responsibleContactId: '00000000-0000-4000-8000-000000000001',
        deadline: '2031-12-31',
      })),
    };
    expect(workPlanGaps(2031, ZONE_WORK_PLAN_SECTIONS, filled)).toEqual([]);
    filled.tasks[0]!.deadline = '2032-01-01';
    expect(workPlanGaps(2031, ZONE_WORK_PLAN_SECTIONS, filled)).toEqual([
      expect.stringMatching(/^tasks\.responsibility-system\.deadline: .*outside 2031/),
    ]);
    expect(workPlanGaps(2031, ZONE_WORK_PLAN_SECTIONS, { ...filled, tasks: filled.tasks.slice(1) })).toEqual([
      expect.stringMatching(/^tasks\.responsibility-system: .*required/),
    ]);
  });
});
