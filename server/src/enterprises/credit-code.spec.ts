import { describe, expect, it } from '@jest/globals';
import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from './credit-code.js';

describe('unified social credit code (GB 32100-2015)', () => {
  // Codes published by their holders (business licences), with their real check characters.
  it.each([
    '91350100M000100Y43', // the worked example of GB 32100-2015 Annex
    '91110000600037341L',
    '9144030071526726XG',
    '91310000717866186P',
  ])('accepts the real code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('accepts lower case input', () => {
    expect(isValidCreditCode('91350100m000100y43')).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check');
    expect(creditCodeProblem('91110000600037341M')).toBe('check');
  });

  it('rejects a swap of two characters (what the check character exists to catch)', () => {
    expect(creditCodeProblem('91350100M000010Y43')).toBe('check');
  });

  it.each([
    ['9135010M000100Y43', 'length'],
    ['91350100M000100Y431', 'length'],
    ['91350100I000100Y43', 'characters'],
    ['91350100O000100Y43', 'characters'],
    ['91350100S000100Y43', 'characters'],
    ['Z1350100M000100Y43', 'characters'],
    ['01350100M000100Y43', 'authority'],
    ['913501A0M000100Y43', 'division'],
  ])('rejects %s (%s)', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });

  it('computes a check character that validates, and only that one', () => {
    const first17 = '91340602MA2T10011';
    const check = creditCodeCheckChar(first17);
    expect(isValidCreditCode(first17 + check)).toBe(true);
    const others = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('').filter((c) => c !== check);
    expect(others.filter((c) => isValidCreditCode(first17 + c))).toEqual([]);
  });
});
