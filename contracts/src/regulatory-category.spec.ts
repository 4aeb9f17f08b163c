import { describe, expect, it } from '@jest/globals';
import { isArt33Listed, suggestRegulatoryCategory } from './regulatory-category.js';

describe('MEM Order 2 Art. 33 regulatory category suggested from the industry text', () => {
  it.each([
    ['矿泉水', 'other'],
    ['矿泉水生产', 'other'],
    ['非金属矿物制品', 'other'],
    ['非金属矿物制品业', 'other'],
    ['建筑材料', 'other'],
    ['建筑材料销售', 'other'],
    ['建材', 'other'],
    ['工程机械制造', 'other'],
    ['化工机械制造', 'other'],
    ['食品加工', 'other'],
    ['仓储物流', 'other'],
    ['纺织', 'other'],
    ['Mineral water bottling', 'other'],
    ['Construction materials', 'other'],
  ] as const)('Art. 33: %s is not a listed activity (%s)', (industry, expected) => {
    expect(suggestRegulatoryCategory(industry)).toBe(expected);
  });

  it.each([
    ['危险货物道路运输', 'dangerous_goods'],
    ['危化品运输', 'dangerous_goods'],
    ['燃气供应', 'dangerous_goods'],
    ['城镇燃气', 'dangerous_goods'],
    ['油库', 'dangerous_goods'],
    ['成品油仓储', 'dangerous_goods'],
    ['加油站', 'dangerous_goods'],
    ['烟花爆竹批发', 'dangerous_goods'],
    ['煤化工', 'dangerous_goods'],
    ['精细化工', 'dangerous_goods'],
    ['Gas supply', 'dangerous_goods'],
    ['非煤矿山', 'mine'],
    ['煤矿', 'mine'],
    ['石灰石开采', 'mine'],
    ['Coal mine ', 'mine'],
    ['有色金属冶炼', 'metal_smelting'],
    ['钢铁', 'metal_smelting'],
    ['城市轨道交通运营', 'urban_rail'],
    ['地铁运营', 'urban_rail'],
    ['建筑施工', 'construction'],
    ['市政工程', 'construction'],
    ['酒店', 'crowded_place'],
    ['宾馆', 'crowded_place'],
    ['大型商场', 'crowded_place'],
    ['购物中心', 'crowded_place'],
    ['娱乐场所', 'crowded_place'],
    ['KTV', 'crowded_place'],
    ['旅游景区', 'crowded_place'],
    ['Scenic spot operation', 'crowded_place'],
    ['Shopping mall', 'crowded_place'],
  ] as const)('Art. 33: %s is suggested as %s', (industry, expected) => {
    expect(suggestRegulatoryCategory(industry)).toBe(expected);
  });

  it('Art. 33: every category but other is listed; an unrecorded one is not', () => {
    expect(isArt33Listed('dangerous_goods')).toBe(true);
    expect(isArt33Listed('crowded_place')).toBe(true);
    expect(isArt33Listed('other')).toBe(false);
    expect(isArt33Listed(null)).toBe(false);
  });
});
