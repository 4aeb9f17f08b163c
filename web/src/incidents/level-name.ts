import { type ResponseLevel, responseLevelName } from '../contracts';

/** A response level's written name in the console's language: the same words as the SMS. */
export function levelName(level: ResponseLevel, language: string): string {
  return responseLevelName(level, language.startsWith('en') ? 'en' : 'zh-CN');
}
