import { describe, expect, it } from '@jest/globals';
import { formatAge, isStale, positionAge } from './age';
import { basemapChoices, defaultBasemap } from './basemaps';
import { imageFileName } from './file-name';
import { formatArea, formatLatLng, formatLength, scaleBar } from './scale';
import { bestScore, matchScore, rankResults, type SearchResult } from './search';

const NOW = Date.parse('2026-03-01T08:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe("a responder's position age", () => {
  it('reads as just now, minutes, hours and minutes, or days', () => {
    expect(positionAge(ago(20_000), NOW)).toEqual({ unit: 'now' });
    expect(positionAge(ago(4 * 60_000 + 59_000), NOW)).toEqual({ unit: 'minutes', minutes: 4 });
    expect(positionAge(ago(80 * 60_000), NOW)).toEqual({ unit: 'hours', hours: 1, minutes: 20 });
    expect(positionAge(ago(50 * 3_600_000), NOW)).toEqual({ unit: 'days', days: 2 });
    // A phone clock ahead of the server's is no negative age.
    expect(positionAge(ago(-90_000), NOW)).toEqual({ unit: 'now' });
    expect(positionAge(null, NOW)).toEqual({ unit: 'unknown' });
    expect(positionAge('not a time', NOW)).toEqual({ unit: 'unknown' });
  });

  it('is worded in Chinese and English', () => {
    expect(formatAge({ unit: 'minutes', minutes: 4 }, 'zh-CN')).toBe('4 分钟前');
    expect(formatAge({ unit: 'minutes', minutes: 4 }, 'en')).toBe('4 min ago');
    expect(formatAge({ unit: 'hours', hours: 1, minutes: 20 }, 'zh-CN')).toBe('1 小时 20 分钟前');
    expect(formatAge({ unit: 'hours', hours: 2, minutes: 0 }, 'en')).toBe('2 h ago');
    expect(formatAge({ unit: 'now' }, 'zh-CN')).toBe('刚刚');
    expect(formatAge({ unit: 'unknown' }, 'en')).toBe('time unknown');
  });

  it('goes stale after fifteen minutes, or when its time is not known', () => {
    expect(isStale(ago(14 * 60_000), NOW)).toBe(false);
    expect(isStale(ago(16 * 60_000), NOW)).toBe(true);
    expect(isStale(null, NOW)).toBe(true);
  });
});

describe('map search matching', () => {
  it('finds a text containing every word, ranking a match at the start first', () => {
    expect(matchScore('化工', '淮北华润化工有限公司')).toBeGreaterThan(0);
    expect(matchScore('华润 化工', '淮北华润化工有限公司')).toBeGreaterThan(0);
    expect(matchScore('华润 钢铁', '淮北华润化工有限公司')).toBe(0);
    expect(matchScore('淮北', '淮北华润化工')).toBeGreaterThan(matchScore('华润', '淮北华润化工'));
    expect(matchScore('', '淮北华润化工')).toBe(0);
  });

  it('ignores case, spaces and full-width letters', () => {
    expect(matchScore('abc', 'ＡＢＣ Chemicals')).toBeGreaterThan(0);
    expect(matchScore('FIRE hydrant', 'Fire Hydrant No. 3')).toBeGreaterThan(0);
  });

  it('takes the best of a thing’s texts', () => {
    expect(bestScore('凤凰山路', ['某化工', null, '杜集区凤凰山路 88 号'])).toBeGreaterThan(0);
    expect(bestScore('凤凰山路', ['某化工', undefined])).toBe(0);
  });

  it('ranks every source together, best first, each once, within the limit', () => {
    const r = (key: string, title: string, score: number): SearchResult => ({
      key,
      kind: 'k',
      title,
      position: [34, 116.8],
      score,
    });
    const ranked = rankResults(
      [r('a', 'A', 1), r('b', 'B', 3), r('a', 'A', 1), r('c', 'C', 0), r('d', 'D', 2)],
      2,
    );
    expect(ranked.map((x) => x.key)).toEqual(['b', 'd']);
  });
});

describe('print scale and measuring', () => {
  it('picks a round bar of about a fifth of the width', () => {
    expect(scaleBar(5_000)).toEqual({ meters: 1_000, fraction: 0.2 });
    expect(scaleBar(2_600)).toEqual({ meters: 500, fraction: 500 / 2_600 });
    expect(scaleBar(12_000)).toEqual({ meters: 2_000, fraction: 2_000 / 12_000 });
    expect(scaleBar(0)).toBeNull();
  });

  it('writes lengths, areas and coordinates as read on a radio', () => {
    expect(formatLength(8.26)).toBe('8.3 m');
    expect(formatLength(850.4)).toBe('850 m');
    expect(formatLength(1_234)).toBe('1.23 km');
    expect(formatLength(12_340)).toBe('12.3 km');
    expect(formatArea(950)).toBe('950 m²');
    expect(formatArea(25_000)).toBe('2.5 ha');
    expect(formatArea(3_400_000)).toBe('3.4 km²');
    expect(formatLatLng(33.99, 116.83)).toBe('33.990000°N 116.830000°E');
  });
});

describe('basemap choices', () => {
  it('always offers the offline map, and each tile server MAP_TILE_URL lists', () => {
    expect(basemapChoices('')).toEqual([{ id: 'offline' }]);
    const choices = basemapChoices(
      'https://{s}.tiles.example.cn/{z}/{x}/{y}.png  https://img.example.cn/wmts/{z}/{y}/{x}',
    );
    expect(choices.map((c) => ('host' in c ? c.host : c.id))).toEqual([
      'offline',
      'tiles.example.cn',
      'img.example.cn',
    ]);
    expect(defaultBasemap(choices)).toBe('tiles-0');
    expect(defaultBasemap(basemapChoices(''))).toBe('offline');
  });
});

describe('exported file names', () => {
  it('name the view and the zone-local minute, safe for any file system', () => {
    expect(imageFileName('园区地图', new Date('2026-03-01T00:05:00Z'))).toBe('园区地图-20260301-0805.png');
    expect(imageFileName('Leak: tank 2 / east', new Date('2026-03-01T15:59:00Z'))).toBe(
      'Leak-tank-2-east-20260301-2359.png',
    );
    expect(imageFileName('  ', new Date('2026-03-01T00:00:00Z'))).toBe('map-20260301-0800.png');
  });
});
