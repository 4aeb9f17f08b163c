import { describe, expect, it } from '@jest/globals';
import type { ActionMetric, RunInjectView, ScenarioInject } from '../contracts';
import {
  clockElapsed,
  errorsAt,
  exportFileName,
  fieldErrors,
  formatClock,
  formatOffset,
  formatSpan,
  isoToZonedLocal,
  nextId,
  outcomeCounts,
  parseOffset,
  reorderInjects,
  sortByOffset,
  upcomingInjects,
  zonedLocalToIso,
} from './model';

const inject = (id: string, offsetSeconds: number): ScenarioInject => ({
  id,
  offsetSeconds,
  synopsis: id,
  kind: 'message',
  targetRoles: [],
  content: { text: id },
  expectedActions: [],
});

describe('scenario offsets (T+mm:ss)', () => {
  it('formats minutes and seconds, minutes running past the hour', () => {
    expect(formatOffset(0)).toBe('T+00:00');
    expect(formatOffset(65)).toBe('T+01:05');
    expect(formatOffset(75 * 60)).toBe('T+75:00');
    expect(formatOffset(-3)).toBe('T+00:00');
  });

  it('reads what planners type, and refuses what is not a time', () => {
    expect(parseOffset('T+05:30')).toBe(330);
    expect(parseOffset('t + 5:30')).toBe(330);
    expect(parseOffset('05:30')).toBe(330);
    expect(parseOffset('12')).toBe(720);
    expect(parseOffset('1:02:03')).toBe(3723);
    expect(parseOffset('90:00')).toBe(5400);
    expect(parseOffset('')).toBeNull();
    expect(parseOffset('5:60')).toBeNull();
    expect(parseOffset('1:60:00')).toBeNull();
    expect(parseOffset('-5:00')).toBeNull();
    expect(parseOffset('abc')).toBeNull();
    expect(parseOffset('1:2:3:4')).toBeNull();
  });

  it('round-trips', () => {
    for (const s of [0, 59, 60, 599, 3600, 4999]) expect(parseOffset(formatOffset(s))).toBe(s);
  });
});

describe('scenario clock', () => {
  it('shows hours, minutes and seconds', () => {
    expect(formatClock(0)).toBe('T+00:00:00');
    expect(formatClock(3723.9)).toBe('T+01:02:03');
  });

  it('runs from when the browser received it, and stands still when paused', () => {
    const clock = { elapsedSeconds: 100, running: true, asOf: '2030-01-01T00:00:00Z' };
    expect(clockElapsed(clock, 1_000, 6_000)).toBe(105);
    // A local clock behind the receipt time never runs the scenario backwards.
    expect(clockElapsed(clock, 6_000, 1_000)).toBe(100);
    expect(clockElapsed({ ...clock, running: false }, 1_000, 60_000)).toBe(100);
  });

  it('formats spans for metrics', () => {
    expect(formatSpan(null)).toBe('—');
    expect(formatSpan(42)).toBe('0:42');
    expect(formatSpan(125)).toBe('2:05');
    expect(formatSpan(3725)).toBe('1:02:05');
  });
});

describe('inject timeline order', () => {
  it('sorts by offset, keeping the given order for equal offsets', () => {
    const list = [inject('a', 60), inject('b', 0), inject('c', 60), inject('d', 30)];
    expect(sortByOffset(list).map((i) => i.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('moves an inject into another time slot, shifting the ones it passed by one slot', () => {
    const list = [inject('a', 0), inject('b', 300), inject('c', 600)];
    const up = reorderInjects(list, 2, 0);
    expect(up.map((i) => [i.id, i.offsetSeconds])).toEqual([
      ['c', 0],
      ['a', 300],
      ['b', 600],
    ]);
    const down = reorderInjects(list, 0, 1);
    expect(down.map((i) => [i.id, i.offsetSeconds])).toEqual([
      ['b', 0],
      ['a', 300],
      ['c', 600],
    ]);
  });

  it('leaves untouched injects as they were and ignores moves out of range', () => {
    const list = [inject('a', 0), inject('b', 300), inject('c', 600)];
    const moved = reorderInjects(list, 0, 1);
    expect(moved[2]).toBe(list[2]);
    expect(reorderInjects(list, 1, 1)).toEqual(list);
    expect(reorderInjects(list, 0, 5)).toEqual(list);
  });

  it('keeps the result in clock order, so the server keeps the order the planner chose', () => {
    const list = [inject('a', 0), inject('b', 0), inject('c', 120), inject('d', 900)];
    const moved = reorderInjects(list, 3, 1);
    expect(moved.map((i) => i.id)).toEqual(['a', 'd', 'b', 'c']);
    expect(sortByOffset(moved).map((i) => i.id)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('lists the pending injects of a run, next first', () => {
    const run = (id: string, offset: number, state: RunInjectView['state']): RunInjectView => ({
      ...inject(id, offset),
      runInjectId: `r-${id}`,
      order: 0,
      state,
      source: 'scenario',
      releasedAt: null,
      releasedAtSeconds: null,
      releasedBy: null,
    });
    const list = [run('late', 900, 'pending'), run('done', 0, 'released'), run('next', 60, 'pending')];
    expect(upcomingInjects(list).map((i) => i.id)).toEqual(['next', 'late']);
  });
});

describe('field errors of a 400', () => {
  const errors = fieldErrors([
    'injects.2.offsetSeconds: must be ≥ 0',
    'injects.2.content.text: must not be empty',
    'injects.10.synopsis: must not be empty',
    'title: must not be empty',
    'title: too long',
    'something went wrong',
  ]);

  it('groups problems by field path', () => {
    expect(errors.get('title')).toEqual(['must not be empty', 'too long']);
    expect(errorsAt(errors, 'injects.2.offsetSeconds')).toEqual(['must be ≥ 0']);
    expect(errors.get('')).toEqual(['something went wrong']);
  });

  it('gathers the problems beneath a field without mixing up its neighbours', () => {
    expect(errorsAt(errors, 'injects.2', true)).toEqual(['must be ≥ 0', 'must not be empty']);
    expect(errorsAt(errors, 'injects.1', true)).toEqual([]);
  });
});

describe('ids, times and file names', () => {
  it('numbers new ids after the highest one of their prefix', () => {
    expect(nextId('inject', [])).toBe('inject-1');
    expect(nextId('inject', ['inject-2', 'inject-10', 'action-40', 'inject-x'])).toBe('inject-11');
  });

  it('reads a datetime-local value on the zone clock', () => {
    expect(zonedLocalToIso('2030-05-01T09:30', 'Asia/Shanghai')).toBe('2030-05-01T01:30:00.000Z');
    expect(zonedLocalToIso('2030-13-01T09:30', 'Asia/Shanghai')).toBeNull();
    expect(zonedLocalToIso('tomorrow', 'Asia/Shanghai')).toBeNull();
    expect(isoToZonedLocal('2030-05-01T01:30:00.000Z', 'Asia/Shanghai')).toBe('2030-05-01T09:30');
  });

  it('counts action outcomes', () => {
    const a = (outcome: ActionMetric['outcome']) => ({ outcome }) as ActionMetric;
    expect(outcomeCounts([a('met'), a('met'), a('late'), a('pending')])).toEqual({
      met: 2,
      late: 1,
      missed: 0,
      pending: 1,
      not_released: 0,
    });
  });

  it('names an export after its scenario', () => {
    expect(exportFileName('液氯泄漏 综合演练')).toBe('液氯泄漏-综合演练.drill.json');
    expect(exportFileName(' / ')).toBe('scenario.drill.json');
  });
});
