import { describe, expect, it } from '@jest/globals';
import type { InstallationExposure } from '../contracts';
import { installationSources } from './installation-sources';

const place = { lat: 33.95, lng: 116.8 };
const register: InstallationExposure[] = [
  {
    installationId: 'cl2',
    code: 'CL2-STORE',
    name: '液氯钢瓶储存库',
    grade: 3,
    location: place,
    chemicals: [{ name: '液氯', substance: 'chlorine', category: 'J3', maxQuantityT: 30 }],
  },
  {
    installationId: 'tanks',
    code: 'T-200',
    name: '罐区',
    grade: 2,
    location: null,
    chemicals: [
      { name: '甲醇', substance: 'methanol', category: 'W5.3', maxQuantityT: 2000 },
      { name: '氢气', substance: 'hydrogen', category: 'W2', maxQuantityT: 0.5 },
      { name: '稀释剂', substance: null, category: 'W5.4', maxQuantityT: 40 },
    ],
  },
];

describe('installations as consequence model sources', () => {
  it('offers the substances the dispersion models know, with the quantity present and the place', () => {
    const puff = installationSources(register, 'puff');
    expect(puff.map((s) => s.key)).toEqual(['cl2:chlorine', 'tanks:methanol']);
    expect(puff.slice(0, 1)).toEqual([
      {
        key: 'cl2:chlorine',
        installationName: '液氯钢瓶储存库',
        grade: 3,
        chemicalName: '液氯',
        agent: 'chlorine',
        maxQuantityT: 30,
        massKg: 30_000,
        location: place,
      },
    ]);
    // Hydrogen is a fuel only: no exposure guideline for the dispersion models to draw.
    expect(installationSources(register, 'plume').map((s) => s.agent)).toEqual(['chlorine', 'methanol']);
  });

  it('offers pool fuels to the pool fire and any fuel to the explosion, never a category-only chemical', () => {
    expect(installationSources(register, 'pool_fire').map((s) => s.agent)).toEqual(['methanol']);
    expect(installationSources(register, 'vce').map((s) => s.agent)).toEqual(['methanol', 'hydrogen']);
  });

  it("bounds the released mass by the models' input limit", () => {
    const huge = [{ ...register[1]!, chemicals: [{ ...register[1]!.chemicals[0]!, maxQuantityT: 5000 }] }];
    expect(installationSources(huge, 'vce')[0]!.massKg).toBe(1_000_000);
  });
});
