import { RESPONSE_LEVELS, type ResponseLevel } from './incidents.js';

/**
 * How a response level reads in every text a person gets: SMS, voice script, the call-out board
 * and the responder page. A plan's own level code ("I") joined to its name ("Ⅰ级响应") once read
 * "IⅠ级响应", i.e. level II; so a level is named by this one function, in words that cannot
 * be misread: Chinese numerals in Chinese (一级响应), Roman numerals in English written text and
 * number words where it is spoken.
 */
export type LevelLanguage = 'zh-CN' | 'en';

const ZH_NUMERALS: Record<ResponseLevel, string> = { I: '一', II: '二', III: '三', IV: '四' };
const EN_WORDS: Record<ResponseLevel, string> = { I: 'one', II: 'two', III: 'three', IV: 'four' };

/** The response level of a plan level's rank (1 = the most severe), clamped to I–IV. */
export function responseLevelOfRank(rank: number): ResponseLevel {
  const i = Math.min(Math.max(Math.trunc(rank) || 1, 1), RESPONSE_LEVELS.length) - 1;
  return RESPONSE_LEVELS[i]!;
}

/** The written name: "一级响应" / "Level I response". */
export function responseLevelName(level: ResponseLevel, lang: LevelLanguage): string {
  return lang === 'en' ? `Level ${level} response` : `${ZH_NUMERALS[level]}级响应`;
}

/** The spoken name, for a voice script: "一级响应" / "level one response". */
export function responseLevelSpoken(level: ResponseLevel, lang: LevelLanguage): string {
  return lang === 'en' ? `level ${EN_WORDS[level]} response` : `${ZH_NUMERALS[level]}级响应`;
}
