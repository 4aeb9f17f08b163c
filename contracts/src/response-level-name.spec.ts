import { describe, expect, it } from '@jest/globals';
import { responseLevelName, responseLevelOfRank, responseLevelSpoken } from './response-level-name.js';

describe('a response level’s name', () => {
  it.each([
    ['I', '一级响应', 'Level I response', 'level one response'],
    ['II', '二级响应', 'Level II response', 'level two response'],
    ['III', '三级响应', 'Level III response', 'level three response'],
    ['IV', '四级响应', 'Level IV response', 'level four response'],
  ] as const)('level %s reads %s / %s, and is spoken %s', (level, zh, en, spokenEn) => {
    expect(responseLevelName(level, 'zh-CN')).toBe(zh);
    expect(responseLevelName(level, 'en')).toBe(en);
    expect(responseLevelSpoken(level, 'zh-CN')).toBe(zh);
    expect(responseLevelSpoken(level, 'en')).toBe(spokenEn);
  });

  it('never carries a Roman numeral into Chinese text, where Ⅰ beside I reads as Ⅱ', () => {
    for (const level of ['I', 'II', 'III', 'IV'] as const)
      expect(responseLevelName(level, 'zh-CN')).not.toMatch(/[IVⅠⅡⅢⅣ]/);
  });

  it('maps a plan level’s rank to its response level, clamped to I–IV', () => {
    expect([1, 2, 3, 4].map(responseLevelOfRank)).toEqual(['I', 'II', 'III', 'IV']);
    expect(responseLevelOfRank(0)).toBe('I');
    expect(responseLevelOfRank(9)).toBe('IV');
  });
});
