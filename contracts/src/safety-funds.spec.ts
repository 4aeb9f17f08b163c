import { describe, expect, it } from '@jest/globals';
import { requiredSafetyFundFen } from './safety-funds.js';

const yuan = (fen: number) => fen / 100;

describe('safety funds set aside by progressive bands (财资〔2022〕136号)', () => {
  it.each([
    // Art. 21, dangerous goods: 4.5 % to 10 M, 2.25 % to 100 M, 0.55 % to 1 B, 0.2 % above.
    [0, 0],
    [1, 0.05],
    [10_000_000, 450_000],
    [10_000_001, 450_000.02],
    [100_000_000, 450_000 + 2_025_000],
    [100_000_001, 2_475_000.01],
    [1_000_000_000, 2_475_000 + 4_950_000],
    [1_000_000_001, 7_425_000],
    [2_000_000_000, 7_425_000 + 2_000_000],
  ])('dangerous goods on %d yuan: %d', (revenue, expected) => {
    expect(yuan(requiredSafetyFundFen('dangerous_goods', revenue))).toBe(expected);
  });

  it.each([
    // Art. 27, metallurgy: 3 % / 1.5 % / 0.5 % / 0.2 % / 0.1 % / 0.05 % at 10 M, 100 M, 1 B, 5 B, 10 B.
    [10_000_000, 300_000],
    [10_000_100, 300_001.5],
    [100_000_000, 300_000 + 1_350_000],
    [100_000_100, 1_650_000.5],
    [1_000_000_000, 1_650_000 + 4_500_000],
    [1_000_000_100, 6_150_000.2],
    [5_000_000_000, 6_150_000 + 8_000_000],
    [5_000_000_100, 14_150_000.1],
    [10_000_000_000, 14_150_000 + 5_000_000],
    [10_000_000_100, 19_150_000.05],
  ])('metallurgy on %d yuan: %d', (revenue, expected) => {
    expect(yuan(requiredSafetyFundFen('metallurgy', revenue))).toBe(expected);
  });

  it('transport is one flat rate: 1 % general freight, 1.5 % passengers and special freight', () => {
    expect(yuan(requiredSafetyFundFen('transport_general', 12_345_600))).toBe(123_456);
    expect(yuan(requiredSafetyFundFen('transport_special', 12_345_600))).toBe(185_184);
  });
});
