import { describe, expect, it } from '@jest/globals';
import { gradeSeverity } from './severity.js';

const none = { deaths: 0, missing: 0, seriousInjuries: 0 };

describe('severity grading (Decree 493 Art. 3)', () => {
  it.each([
    // deaths: "at least" includes the number, "below" excludes it
    [{ ...none, deaths: 2 }, 0, 'ordinary'],
    [{ ...none, deaths: 3 }, 0, 'relatively_serious'],
    [{ ...none, deaths: 9 }, 0, 'relatively_serious'],
    [{ ...none, deaths: 10 }, 0, 'serious'],
    [{ ...none, deaths: 29 }, 0, 'serious'],
    [{ ...none, deaths: 30 }, 0, 'especially_serious'],
    // serious injuries
    [{ ...none, seriousInjuries: 9 }, 0, 'ordinary'],
    [{ ...none, seriousInjuries: 10 }, 0, 'relatively_serious'],
    [{ ...none, seriousInjuries: 49 }, 0, 'relatively_serious'],
    [{ ...none, seriousInjuries: 50 }, 0, 'serious'],
    [{ ...none, seriousInjuries: 99 }, 0, 'serious'],
    [{ ...none, seriousInjuries: 100 }, 0, 'especially_serious'],
    // direct economic loss
    [none, 9_999_999, 'ordinary'],
    [none, 10_000_000, 'relatively_serious'],
    [none, 49_999_999, 'relatively_serious'],
    [none, 50_000_000, 'serious'],
    [none, 99_999_999, 'serious'],
    [none, 100_000_000, 'especially_serious'],
  ])('%j with loss %d is %s', (c, loss, expected) => {
    expect(gradeSeverity(c, loss)).toBe(expected);
  });

  it('counts the missing with the dead', () => {
    expect(gradeSeverity({ deaths: 2, missing: 1, seriousInjuries: 0 }, 0)).toBe('relatively_serious');
    expect(gradeSeverity({ deaths: 0, missing: 10, seriousInjuries: 0 }, 0)).toBe('serious');
  });

  it('takes the highest grade any one measure reaches', () => {
    expect(gradeSeverity({ deaths: 1, missing: 0, seriousInjuries: 55 }, 12_000_000)).toBe('serious');
    expect(gradeSeverity({ deaths: 0, missing: 0, seriousInjuries: 3 }, 150_000_000)).toBe(
      'especially_serious',
    );
  });

  it('grades an accident with nobody hurt and no loss as ordinary', () => {
    expect(gradeSeverity(none, 0)).toBe('ordinary');
  });
});
