/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, Z, S, V). Positions: 1 registration authority,
 * 2 organization category, 3–8 administrative division (digits), 9–17 organization code,
 * 18 check character computed over the first 17 with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const AUTHORITY = '123456789ABCDEFGNY';

export type CreditCodeProblem = 'length' | 'characters' | 'authority' | 'division' | 'check';

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]!);
    if (v < 0) throw new Error(`invalid character ${first17[i]}`);
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** The first problem found, or null for a valid code. Accepts lower case. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const c = code.toUpperCase();
  if (c.length !== 18) return 'length';
  for (const ch of c) if (!ALPHABET.includes(ch)) return 'characters';
  if (!AUTHORITY.includes(c[0]!)) return 'authority';
  if (!/^\d{6}$/.test(c.slice(2, 8))) return 'division';
  if (creditCodeCheckChar(c.slice(0, 17)) !== c[17]) return 'check';
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  length: 'must be 18 characters',
  characters: 'may contain only digits and capital letters other than I, O, S, V, Z',
  authority: 'starts with an unknown registration authority code',
  division: 'characters 3–8 must be a 6-digit administrative division code',
  check: 'check character does not match (GB 32100-2015)',
};
