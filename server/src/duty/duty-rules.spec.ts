import { describe, expect, it } from '@jest/globals';
import type { DutyRule } from '@muster/contracts';
import { targetsByTier } from './duty-rules.js';

const rules: DutyRule[] = [
  {
    minSeverity: 'ordinary',
    category: null,
    tier: 0,
    targets: [{ kind: 'duty_officer' }, { kind: 'safety_lead' }],
  },
  {
    minSeverity: 'relatively_serious',
    category: null,
    tier: 0,
    targets: [{ kind: 'commanders' }, { kind: 'team', teamId: 'lead' }],
  },
  {
    minSeverity: 'ordinary',
    category: 'hazardous_chemical_leak',
    tier: 0,
    targets: [{ kind: 'team', teamId: 'hazmat' }],
  },
  {
    minSeverity: 'ordinary',
    category: null,
    tier: 1,
    targets: [{ kind: 'commanders' }, { kind: 'duty_officer' }],
  },
  { minSeverity: 'serious', category: 'fire', tier: 1, targets: [{ kind: 'contact', contactId: 'chief' }] },
];

describe('targetsByTier', () => {
  it('an ordinary fire: the duty officer and the safety lead, then the commanders', () => {
    expect(targetsByTier(rules, 2, 'ordinary', 'fire')).toEqual([
      [{ kind: 'duty_officer' }, { kind: 'safety_lead' }],
      [{ kind: 'commanders' }, { kind: 'duty_officer' }],
    ]);
  });

  it('"at or above": a graver grade gets every rule of the lesser ones', () => {
    const [first] = targetsByTier(rules, 2, 'especially_serious', 'explosion');
    expect(first).toEqual([
      { kind: 'duty_officer' },
      { kind: 'safety_lead' },
      { kind: 'commanders' },
      { kind: 'team', teamId: 'lead' },
    ]);
    expect(targetsByTier(rules, 2, 'relatively_serious', 'fire')[1]).toHaveLength(2);
    expect(targetsByTier(rules, 2, 'serious', 'fire')[1]).toContainEqual({
      kind: 'contact',
      contactId: 'chief',
    });
  });

  it('a category rule adds to its category only', () => {
    expect(targetsByTier(rules, 2, 'ordinary', 'hazardous_chemical_leak')[0]).toContainEqual({
      kind: 'team',
      teamId: 'hazmat',
    });
    expect(targetsByTier(rules, 2, 'serious', 'explosion')[0]).not.toContainEqual({
      kind: 'team',
      teamId: 'hazmat',
    });
  });

  it('names a target once per tier, and ignores rules for tiers that no longer exist', () => {
    const doubled: DutyRule[] = [
      ...rules,
      { minSeverity: 'ordinary', category: null, tier: 0, targets: [{ kind: 'duty_officer' }] },
    ];
    expect(targetsByTier(doubled, 1, 'ordinary', 'fire')).toEqual([
      [{ kind: 'duty_officer' }, { kind: 'safety_lead' }],
    ]);
  });
});
