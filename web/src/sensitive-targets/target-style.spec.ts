import { describe, expect, it } from '@jest/globals';
import { SENSITIVE_TARGET_KINDS } from '../contracts';
import { SENSITIVE_TARGET_COLOURS, outlineLatLngs } from './target-style';

describe('sensitive target styles', () => {
  it('give every kind its own colour', () => {
    const colours = SENSITIVE_TARGET_KINDS.map((k) => SENSITIVE_TARGET_COLOURS[k]);
    expect(new Set(colours).size).toBe(SENSITIVE_TARGET_KINDS.length);
  });

  it("turn a GeoJSON outline's [lng, lat] into Leaflet's [lat, lng]", () => {
    const outline = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [116.8, 34],
          [116.81, 34],
          [116.81, 34.01],
          [116.8, 34],
        ],
      ],
    };
    expect(outlineLatLngs({ outline })).toEqual([
      [
        [34, 116.8],
        [34, 116.81],
        [34.01, 116.81],
        [34, 116.8],
      ],
    ]);
    expect(outlineLatLngs({ outline: null })).toBeNull();
  });
});
