import { describe, expect, it } from '@jest/globals';
import {
  countdown,
  errorsFor,
  featureShape,
  formatDuration,
  isoToZonedInput,
  lineGeometry,
  parseAmount,
  parseCount,
  parseFieldErrors,
  pointGeometry,
  polygonGeometry,
  SEVERITY_COLORS,
  zonedInputToIso,
} from './incident-model';

describe('the zone clock', () => {
  it('reads a datetime-local value as Beijing time, whatever the browser zone', () => {
    expect(zonedInputToIso('2026-11-28T14:05', 'Asia/Shanghai')).toBe('2026-11-28T06:05:00.000Z');
    expect(zonedInputToIso('2026-01-01T00:30', 'Asia/Shanghai')).toBe('2025-12-31T16:30:00.000Z');
  });

  it('turns an instant back into the value the input shows', () => {
    expect(isoToZonedInput('2026-11-28T06:05:00.000Z', 'Asia/Shanghai')).toBe('2026-11-28T14:05');
    expect(isoToZonedInput('2025-12-31T16:30:59.000Z', 'Asia/Shanghai')).toBe('2026-01-01T00:30');
  });

  it('rejects what is not a date and time', () => {
    expect(zonedInputToIso('', 'Asia/Shanghai')).toBeNull();
    expect(zonedInputToIso('2026-11-28', 'Asia/Shanghai')).toBeNull();
    expect(zonedInputToIso('28/11/2026 14:05', 'Asia/Shanghai')).toBeNull();
  });
});

describe('countdown', () => {
  const deadline = '2026-11-28T07:00:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('counts down to the reporting deadline', () => {
    expect(countdown(deadline, at('2026-11-28T06:17:53.400Z'))).toEqual({ overdue: false, seconds: 2526 });
    expect(countdown(deadline, at('2026-11-28T07:00:00.000Z'))).toEqual({ overdue: false, seconds: 0 });
  });

  it('counts up once the deadline has passed', () => {
    expect(countdown(deadline, at('2026-11-28T07:02:00.000Z'))).toEqual({ overdue: true, seconds: 120 });
  });

  it('formats hours, minutes and seconds, with days when long', () => {
    expect(formatDuration(2526)).toBe('0:42:06');
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(3 * 86_400 + 4 * 3600, '天')).toBe('3天 04:00:00');
  });
});

describe('field errors of a 400', () => {
  it('groups the messages by field, nested paths included', () => {
    const errors = parseFieldErrors([
      'title: must be longer than or equal to 2 characters',
      'casualties.deaths: must not be less than 0',
      'location.lat: must not be greater than 90',
      'location.lng: must be a number conforming to the specified constraints',
      'Something without a field',
    ]);
    expect(errors.fields.title).toEqual(['must be longer than or equal to 2 characters']);
    expect(errors.fields['casualties.deaths']).toEqual(['must not be less than 0']);
    expect(errorsFor(errors, 'location')).toHaveLength(2);
    expect(errorsFor(errors, 'casualties.missing')).toEqual([]);
    expect(errors.general).toEqual(['Something without a field']);
  });
});

describe('typed figures', () => {
  it('reads whole counts, empty meaning none', () => {
    expect(parseCount('')).toBe(0);
    expect(parseCount(' 12 ')).toBe(12);
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('2.5')).toBeNull();
  });

  it('reads yuan with thousands separators and at most two decimals', () => {
    expect(parseAmount('1,200,000')).toBe(1_200_000);
    expect(parseAmount('35.5')).toBe(35.5);
    expect(parseAmount('1.234')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
  });
});

describe('map feature geometry', () => {
  it('draws a point with a radius as a circle, in Leaflet order', () => {
    expect(featureShape({ geometry: { type: 'Point', coordinates: [116.81, 33.99] }, radiusM: 300 })).toEqual(
      {
        shape: 'circle',
        center: [33.99, 116.81],
        radiusM: 300,
      },
    );
    expect(
      featureShape({ geometry: { type: 'Point', coordinates: [116.81, 33.99] }, radiusM: null }),
    ).toEqual({
      shape: 'marker',
      position: [33.99, 116.81],
    });
  });

  it('round-trips a drawn polygon through GeoJSON, closing and reopening the ring', () => {
    const ring: [number, number][] = [
      [33.99, 116.81],
      [33.99, 116.82],
      [33.98, 116.82],
    ];
    const geometry = polygonGeometry(ring)!;
    expect(geometry.coordinates).toEqual([
      [
        [116.81, 33.99],
        [116.82, 33.99],
        [116.82, 33.98],
        [116.81, 33.99],
      ],
    ]);
    expect(featureShape({ geometry, radiusM: null })).toEqual({ shape: 'polygon', rings: [ring] });
  });

  it('keeps lines and points as drawn', () => {
    expect(lineGeometry([[33.99, 116.81]])).toBeNull();
    expect(
      lineGeometry([
        [33.99, 116.81],
        [33.98, 116.8],
      ]),
    ).toEqual({
      type: 'LineString',
      coordinates: [
        [116.81, 33.99],
        [116.8, 33.98],
      ],
    });
    expect(pointGeometry([33.991234567891, 116.8])).toEqual({
      type: 'Point',
      coordinates: [116.8, 33.9912346],
    });
  });

  it('refuses geometry it cannot draw instead of failing', () => {
    expect(
      featureShape({ geometry: { type: 'Polygon', coordinates: [[[116.8, 33.9]]] }, radiusM: null }),
    ).toBeNull();
    expect(
      featureShape({
        geometry: {
          type: 'LineString',
          coordinates: [
            [200, 33.9],
            [116.8, 33.9],
          ],
        },
        radiusM: null,
      }),
    ).toBeNull();
    expect(
      polygonGeometry([
        [33.99, 116.81],
        [33.98, 116.81],
      ]),
    ).toBeNull();
  });

  it('colours severities red, orange, yellow, blue from the most serious down', () => {
    expect(Object.keys(SEVERITY_COLORS)).toEqual([
      'especially_serious',
      'serious',
      'relatively_serious',
      'ordinary',
    ]);
  });
});
