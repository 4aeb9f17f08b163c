import { describe, expect, it } from '@jest/globals';
import type { EnterpriseView, GeoJsonPolygon } from '../contracts';
import {
  boundsOf,
  countByRiskClass,
  enterpriseMarkerHtml,
  outlineToLatLngs,
  RISK_COLORS,
  toEnterpriseMarkers,
  toEnterpriseOutlines,
} from './enterprise-features';

let seq = 0;
function enterprise(overrides: Partial<EnterpriseView> = {}): EnterpriseView {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    name: `企业${seq}`,
    creditCode: '91340600MA2XXXXXX1',
    industry: '化工',
    riskClass: 'medium',
    riskClassSource: 'recorded',
    sizeClass: null,
    evaluationCategory: null,
    regulatoryCategory: 'dangerous_goods',
    address: '杜集经济开发区龙山路',
    location: { lat: 33.99, lng: 116.83 },
    outline: null,
    legalRepresentative: '张三',
    actualController: null,
    safetyLead: '李四',
    dutyPhone: '0561-3012345',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const square: GeoJsonPolygon = {
  type: 'Polygon',
  coordinates: [
    [
      [116.82, 33.98],
      [116.83, 33.98],
      [116.83, 33.99],
      [116.82, 33.99],
      [116.82, 33.98],
    ],
  ],
};

describe('toEnterpriseMarkers', () => {
  it('places each site at its location, in Leaflet [lat, lng] order', () => {
    const e = enterprise({ location: { lat: 33.995, lng: 116.841 } });
    const [marker] = toEnterpriseMarkers([e]);
    expect(marker).toMatchObject({
      id: e.id,
      name: e.name,
      position: [33.995, 116.841],
      riskClass: 'medium',
    });
    expect(marker?.enterprise).toBe(e);
  });

  it('stacks higher risk above lower risk', () => {
    const markers = toEnterpriseMarkers([
      enterprise({ riskClass: 'major', name: 'A' }),
      enterprise({ riskClass: 'low', name: 'B' }),
      enterprise({ riskClass: 'high', name: 'C' }),
      enterprise({ riskClass: 'medium', name: 'D' }),
    ]);
    expect(markers.map((m) => m.riskClass)).toEqual(['low', 'medium', 'high', 'major']);
    const offsets = markers.map((m) => m.zIndexOffset);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
    expect(new Set(offsets).size).toBe(4);
  });

  it('leaves out sites without a usable location instead of drawing them at 0,0 or failing', () => {
    const markers = toEnterpriseMarkers([
      enterprise({ location: { lat: Number.NaN, lng: 116.83 } }),
      enterprise({ location: { lat: 95, lng: 116.83 } }),
      enterprise({ location: null as unknown as EnterpriseView['location'] }),
      enterprise({ name: 'ok' }),
    ]);
    expect(markers.map((m) => m.name)).toEqual(['ok']);
  });

  it('returns a new list and leaves the input order alone', () => {
    const input = [enterprise({ riskClass: 'major' }), enterprise({ riskClass: 'low' })];
    const before = input.map((e) => e.id);
    toEnterpriseMarkers(input);
    expect(input.map((e) => e.id)).toEqual(before);
  });
});

describe('outlineToLatLngs', () => {
  it('swaps GeoJSON [lng, lat] to [lat, lng] and drops the closing position', () => {
    expect(outlineToLatLngs(square)).toEqual([
      [
        [
          [33.98, 116.82],
          [33.98, 116.83],
          [33.99, 116.83],
          [33.99, 116.82],
        ],
      ],
    ]);
  });

  it('keeps holes after the outer ring', () => {
    const withHole: GeoJsonPolygon = {
      type: 'Polygon',
      coordinates: [
        square.coordinates[0] as number[][],
        [
          [116.824, 33.984],
          [116.826, 33.984],
          [116.826, 33.986],
          [116.824, 33.984],
        ],
      ],
    };
    const [polygon] = outlineToLatLngs(withHole);
    expect(polygon).toHaveLength(2);
    expect(polygon?.[1]).toHaveLength(3);
  });

  it('turns a multipolygon into one polygon per part', () => {
    const multi: GeoJsonPolygon = {
      type: 'MultiPolygon',
      coordinates: [square.coordinates as number[][][], square.coordinates as number[][][]],
    };
    expect(outlineToLatLngs(multi)).toHaveLength(2);
  });

  it('yields nothing for a missing or malformed outline', () => {
    expect(outlineToLatLngs(null)).toEqual([]);
    expect(outlineToLatLngs({ type: 'Polygon', coordinates: [] })).toEqual([]);
    expect(
      outlineToLatLngs({
        type: 'Polygon',
        coordinates: [
          [
            [116.82, 33.98],
            [116.83, 33.98],
          ],
        ],
      }),
    ).toEqual([]);
    expect(
      outlineToLatLngs({
        type: 'Polygon',
        coordinates: [
          [
            [116.82, 'x' as unknown as number],
            [116.83, 33.98],
            [116.83, 33.99],
          ],
        ],
      }),
    ).toEqual([]);
  });
});

describe('toEnterpriseOutlines', () => {
  it('outlines only the sites that have an outline, keeping their risk class for colour', () => {
    const withOutline = enterprise({ outline: square, riskClass: 'high' });
    const outlines = toEnterpriseOutlines([enterprise(), withOutline]);
    expect(outlines).toHaveLength(1);
    expect(outlines[0]).toMatchObject({ id: withOutline.id, riskClass: 'high' });
  });
});

describe('countByRiskClass', () => {
  it('counts every class, including those with no site', () => {
    expect(
      countByRiskClass([
        enterprise({ riskClass: 'major' }),
        enterprise({ riskClass: 'major' }),
        enterprise({ riskClass: 'low' }),
      ]),
    ).toEqual({ major: 2, high: 0, medium: 0, low: 1 });
  });
});

describe('boundsOf', () => {
  it('spans all points, and is null for none', () => {
    expect(
      boundsOf([
        [33.98, 116.84],
        [34.0, 116.81],
        [33.99, 116.83],
      ]),
    ).toEqual([
      [33.98, 116.81],
      [34.0, 116.84],
    ]);
    expect(boundsOf([])).toBeNull();
  });
});

describe('enterpriseMarkerHtml', () => {
  it('colours the pin by risk class', () => {
    expect(enterpriseMarkerHtml({ name: 'x', riskClass: 'major' })).toContain(RISK_COLORS.major.fill);
    expect(enterpriseMarkerHtml({ name: 'x', riskClass: 'low' })).toContain(RISK_COLORS.low.fill);
  });

  it('escapes the enterprise name, which comes from user input', () => {
    const html = enterpriseMarkerHtml({ name: '<img src=x onerror=alert(1)> & "co"', riskClass: 'low' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;');
  });
});

describe('risk colours', () => {
  it('follow the red / orange / yellow / blue four-colour scheme', () => {
    expect(Object.keys(RISK_COLORS)).toEqual(['major', 'high', 'medium', 'low']);
  });
});
