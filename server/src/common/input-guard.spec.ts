import { describe, expect, it } from '@jest/globals';
import { MAX_BODY_DEPTH, inputProblems } from './input-guard.js';
import { decimalPlaces, trimText, unstorableTextProblem } from './validation.js';

function nested(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

describe('input PostgreSQL or the validation pipe cannot take', () => {
  it('names the field of a NUL or a lone surrogate, in values and field names', () => {
    expect(
      inputProblems(
        { title: 'a\u0000b', location: { address: '\ud800x' }, phones: ['ok', 'x\udc00'], '\u0000': 1 },
        'body',
      ),
    ).toEqual([
      'body: a field name must not contain a NUL character',
      'title: must not contain a NUL character',
      'location.address: must be valid Unicode text (it has a lone surrogate)',
      'phones[1]: must be valid Unicode text (it has a lone surrogate)',
    ]);
    expect(inputProblems({ q: '\u0000' }, 'query')).toEqual(['q: must not contain a NUL character']);
    expect(inputProblems('\u0000', 'body')).toEqual(['body: must not contain a NUL character']);
  });

  it('takes well-formed text: pairs of surrogates (emoji), CJK, control characters other than NUL', () => {
    expect(inputProblems({ a: '🧯 氯气 \t\u0001', b: ['\ud83d\ude00'] }, 'body')).toEqual([]);
    expect(unstorableTextProblem('\ud83d\ude00')).toBeNull();
    expect(unstorableTextProblem('\ude00\ud83d')).not.toBeNull();
  });

  it('refuses nesting deeper than the limit without recursing (15,000 levels)', () => {
    expect(inputProblems(nested(MAX_BODY_DEPTH - 1), 'body')).toEqual([]);
    expect(inputProblems(nested(MAX_BODY_DEPTH + 1), 'body')).toEqual([
      `body: nested too deeply (at most ${MAX_BODY_DEPTH} levels)`,
    ]);
    expect(inputProblems(nested(15_000), 'body')).toHaveLength(1);
  });

  it('names the first few problems of a body full of them', () => {
    expect(
      inputProblems(
        Array.from({ length: 1000 }, () => '\u0000'),
        'body',
      ),
    ).toHaveLength(20);
  });
});

describe('decimalPlaces', () => {
  it('counts the decimals of numbers JavaScript writes in exponent form', () => {
    expect([0, 12, 1.5, 0.25, 1e-7, 1.25e-7, 1e21, 1.5e21, 5e-324].map(decimalPlaces)).toEqual([
      0, 0, 1, 2, 7, 9, 0, 0, 324,
    ]);
    expect(decimalPlaces(Number.NaN)).toBe(Infinity);
  });
});

describe('trimText', () => {
  it('trims, but never into a formula', () => {
    expect(trimText('  name  ')).toBe('name');
    expect(trimText('=1+1 ')).toBe('=1+1');
    expect(trimText(' =1+1 ')).toBe(' =1+1');
    expect(trimText('\t-2')).toBe('\t-2');
    expect(trimText('  @x')).toBe('  @x');
  });
});
