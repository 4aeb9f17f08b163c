import { describe, expect, it } from '@jest/globals';
import {
  controlLevelReached,
  gradeLec,
  gradeMatrix,
  gradeRisk,
  riskFactorProblems,
  worstGrade,
} from './risk-grading.js';

describe('LEC grading: D = L × E × C', () => {
  it.each([
    // Each band's edges: the lowest score in it and the highest just below the next.
    [10, 4, 8, 320, 'major'],
    [10, 10, 100, 10000, 'major'],
    [3, 6, 17.7, 318.6, 'high'],
    [1, 10, 16, 160, 'high'],
    [3, 3, 17.7, 159.3, 'medium'],
    [1, 10, 7, 70, 'medium'],
    [3, 3, 7.7, 69.3, 'low'],
    [0.1, 0.5, 1, 0.05, 'low'],
  ])('L %p × E %p × C %p = %p is %p', (l, e, c, score, grade) => {
    expect(gradeLec(l, e, c)).toEqual({ score, grade });
  });

  it('grades the scored values people pick at each boundary', () => {
    expect(gradeLec(6, 6, 15)).toEqual({ score: 540, grade: 'major' });
    expect(gradeLec(3, 6, 15)).toEqual({ score: 270, grade: 'high' });
    expect(gradeLec(1, 6, 15)).toEqual({ score: 90, grade: 'medium' });
    expect(gradeLec(1, 6, 7)).toEqual({ score: 42, grade: 'low' });
    // Floating point would make 0.1 × 6 × 40 a hair above 24.
    expect(gradeLec(0.1, 6, 40).score).toBe(24);
  });
});

describe('risk matrix grading: R = L × S', () => {
  it.each([
    [5, 5, 25, 'major'],
    [4, 5, 20, 'major'],
    [4, 4, 16, 'high'],
    [3, 5, 15, 'high'],
    [3, 4, 12, 'medium'],
    [3, 3, 9, 'medium'],
    [2, 4, 8, 'low'],
    [1, 1, 1, 'low'],
  ])('L %p × S %p = %p is %p', (l, s, score, grade) => {
    expect(gradeMatrix(l, s)).toEqual({ score, grade });
  });

  it('has every product of 1–5 in exactly one band', () => {
    for (let l = 1; l <= 5; l++)
      for (let s = 1; s <= 5; s++) {
        const r = l * s;
        const expected = r >= 20 ? 'major' : r >= 15 ? 'high' : r >= 9 ? 'medium' : 'low';
        expect(gradeRisk('matrix', { l, s }).grade).toBe(expected);
      }
  });
});

describe('factors and the enterprise grade', () => {
  it('names each missing, foreign or off-scale factor', () => {
    expect(riskFactorProblems('lec', { l: 3, e: 6, c: 15 })).toEqual([]);
    expect(riskFactorProblems('lec', { l: 4, e: null, c: 15, s: 2 })).toEqual([
      'l: must be one of 0.1, 0.2, 0.5, 1, 3, 6, 10',
      'e: required for lec',
      's: not used by lec',
    ]);
    expect(riskFactorProblems('matrix', { l: 6, s: 2, e: 1 })).toEqual([
      'l: must be one of 1, 2, 3, 4, 5',
      'e: not used by matrix',
    ]);
  });

  it('takes the worst point’s grade, null when none is assessed', () => {
    expect(worstGrade([])).toBeNull();
    expect(worstGrade([null, null])).toBeNull();
    expect(worstGrade(['low', null, 'medium'])).toBe('medium');
    expect(worstGrade(['high', 'major', 'low'])).toBe('major');
  });

  it('asks a higher grade for a measure owned higher up', () => {
    expect(controlLevelReached('major', ['workshop', 'post'])).toBe(false);
    expect(controlLevelReached('major', ['company'])).toBe(true);
    expect(controlLevelReached('high', ['workshop'])).toBe(true);
    expect(controlLevelReached('low', ['post'])).toBe(true);
    expect(controlLevelReached('medium', [])).toBe(false);
  });
});
