import { describe, expect, it } from '@jest/globals';
import { labelAlongLine, lineLabelHtml } from './labels';

describe('labelAlongLine', () => {
  const eastward = [
    [116.8, 33.99],
    [116.82, 33.99],
    [116.84, 33.99],
  ];

  it('finds the point at a fraction of the length, in [lat, lng] order', () => {
    const label = labelAlongLine(eastward, 0.25);
    expect(label?.position[0]).toBeCloseTo(33.99, 6);
    expect(label?.position[1]).toBeCloseTo(116.81, 6);
    expect(label?.angle).toBe(0);
  });

  it('measures along the line across bends', () => {
    const bent = [
      [116.8, 33.99],
      [116.81, 33.99],
      [116.81, 34.0],
    ];
    // The legs are not equally long on the ground (a degree of longitude is shorter here).
    const label = labelAlongLine(bent, 0.9);
    expect(label?.position[1]).toBeCloseTo(116.81, 6);
    expect(label?.position[0]).toBeGreaterThan(33.99);
    expect(Math.abs(label?.angle ?? 0)).toBe(90);
  });

  it('keeps text upright whichever way the line was drawn', () => {
    const westward = [...eastward].reverse();
    expect(labelAlongLine(westward)?.angle).toBe(0);
    const southward = [
      [116.82, 34.0],
      [116.82, 33.98],
    ];
    const northward = [...southward].reverse();
    expect(labelAlongLine(southward)?.angle).toBe(90);
    expect(labelAlongLine(northward)?.angle).toBe(90);
  });

  it('clamps the fraction and rejects lines it cannot place a label on', () => {
    expect(labelAlongLine(eastward, 2)?.position[1]).toBeCloseTo(116.84, 6);
    expect(labelAlongLine(eastward, -1)?.position[1]).toBeCloseTo(116.8, 6);
    expect(labelAlongLine([[116.8, 33.99]])).toBeNull();
    expect(
      labelAlongLine([
        [116.8, 33.99],
        [116.8, 33.99],
      ]),
    ).toBeNull();
  });
});

describe('lineLabelHtml', () => {
  it('sets Chinese vertically along north–south roads and rotates Latin text', () => {
    expect(lineLabelHtml('凤凰山路', 90, 'zh-CN', 'road')).toContain('map-label--vertical');
    const english = lineLabelHtml('Fenghuangshan Road', 90, 'en', 'road');
    expect(english).not.toContain('map-label--vertical');
    expect(english).toContain('rotate(90deg)');
  });

  it('turns labels of slanting roads along the road in both languages', () => {
    expect(lineLabelHtml('朔里路', -30, 'zh-CN', 'road')).toContain('rotate(-30deg)');
  });

  it('escapes the name', () => {
    expect(lineLabelHtml('<b>', 0, 'en', 'water')).toContain('&lt;b&gt;');
  });
});
