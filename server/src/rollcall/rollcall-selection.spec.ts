import { describe, expect, it } from '@jest/globals';
import { suggestEnterprises } from './rollcall-selection.js';

/** A plume's footprint starting 10 m downwind (east) of a source at 116.82, 33.99. */
const footprint = {
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [116.8201, 33.99],
        [116.83, 33.9905],
        [116.83, 33.9895],
        [116.8201, 33.99],
      ],
    ],
  },
  radiusM: null,
};

/** A site of about 200 × 100 m around its point. */
const site = (id: string, lng: number, lat: number) => ({
  id,
  name: id,
  lat,
  lng,
  outline: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [lng - 0.001, lat - 0.0005],
        [lng + 0.001, lat - 0.0005],
        [lng + 0.001, lat + 0.0005],
        [lng - 0.001, lat + 0.0005],
        [lng - 0.001, lat - 0.0005],
      ],
    ],
  },
});

describe('roll call enterprise suggestion', () => {
  it('suggests the plant a footprint starts from by its site, and not a plant the footprint misses', () => {
    const source = site('source', 116.82, 33.99);
    const upwind = site('upwind', 116.81, 33.99);
    const byPoint = { ...source, outline: null };
    const at = { lat: 33.99, lng: 116.82 };
    const suggested = (sites: ReturnType<typeof site>[] | (typeof byPoint)[]) =>
      suggestEnterprises(sites, [footprint], at)
        .filter((e) => e.suggested)
        .map((e) => e.enterpriseId);
    expect(suggested([source, upwind])).toEqual(['source']);
    // Without an outline only its point counts, and the point lies upwind of the drawn footprint.
    expect(suggested([byPoint])).toEqual([]);
  });
});
