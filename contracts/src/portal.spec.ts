import { describe, expect, it } from '@jest/globals';
import { personalDataIn } from './portal.js';

describe('personalDataIn', () => {
  it('finds mobile numbers in the ways people write them', () => {
    expect(personalDataIn('联系人 13905611234')).toEqual(['mobile']);
    expect(personalDataIn('电话：139-0561-1234')).toEqual(['mobile']);
    expect(personalDataIn('+86 139 0561 1234')).toEqual(['mobile']);
  });

  it('finds resident ID numbers, with an X check digit too', () => {
    expect(personalDataIn('身份证号340602198507120012')).toEqual(['residentId']);
    expect(personalDataIn('34060219850712001X')).toEqual(['residentId']);
  });

  it('lets office landlines, dates and document numbers through', () => {
    expect(personalDataIn('咨询电话 0561-3112345')).toEqual([]);
    expect(personalDataIn('2026年12月6日，杜集开发区考核表彰〔2026〕1号，GB 30871-2022')).toEqual([]);
    expect(personalDataIn('统一社会信用代码 91340600MA2N0K1X3B')).toEqual([]);
  });
});
