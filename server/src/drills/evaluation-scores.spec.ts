import { describe, expect, it } from '@jest/globals';
import { duplicateDimensionProblems, orderScores } from './evaluation-scores.js';

describe('evaluation scores', () => {
  it('names each second score of a dimension by its index', () => {
    expect(
      duplicateDimensionProblems([
        { dimension: 'command_coordination', score: 3 },
        { dimension: 'plan_applicability', score: 4 },
        { dimension: 'command_coordination', score: 5 },
        { dimension: 'command_coordination', score: 2 },
      ]),
    ).toEqual([
      'scores.2.dimension: command_coordination is scored twice',
      'scores.3.dimension: command_coordination is scored twice',
    ]);
    expect(duplicateDimensionProblems([{ dimension: 'plan_applicability', score: 4 }])).toEqual([]);
  });

  it('orders scores as the dimensions are listed and fills in an empty comment', () => {
    expect(
      orderScores([
        { dimension: 'information_reporting', score: 2, comment: '迟报' },
        { dimension: 'plan_applicability', score: 4 },
        { dimension: 'command_coordination', score: 3 },
      ]),
    ).toEqual([
      { dimension: 'plan_applicability', score: 4, comment: '' },
      { dimension: 'command_coordination', score: 3, comment: '' },
      { dimension: 'information_reporting', score: 2, comment: '迟报' },
    ]);
  });
});
