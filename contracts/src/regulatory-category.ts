/**
 * The regulatory category of an enterprise for MEM Order 2 (2019) Art. 33: the article's closed
 * list of units that drill at least every half year and report each drill to the competent
 * department, and `other` for every unit it does not name. The category is a recorded fact,
 * confirmed by the zone; `suggestRegulatoryCategory` only proposes one from the industry text.
 */
export const REGULATORY_CATEGORIES = [
  /** 易燃易爆物品、危险化学品等危险物品的生产、经营、储存、运输单位 */
  'dangerous_goods',
  /** 矿山 */
  'mine',
  /** 金属冶炼 */
  'metal_smelting',
  /** 城市轨道交通运营 */
  'urban_rail',
  /** 建筑施工 */
  'construction',
  /** 宾馆、商场、娱乐场所、旅游景区等人员密集场所经营单位 */
  'crowded_place',
  'other',
] as const;
export type RegulatoryCategory = (typeof REGULATORY_CATEGORIES)[number];

/** Whether Art. 33's second paragraph names the category (half-yearly drills, each reported). */
export function isArt33Listed(category: RegulatoryCategory | null): boolean {
  return category !== null && category !== 'other';
}

/**
 * Words that point to a category. No bare 矿 (矿泉水, 非金属矿物制品) and no bare 建筑 (建筑材料):
 * each entry names the activity itself. The first category with a matching word wins, in the
 * order below; an exclusion removes the words it covers before matching.
 */
const SUGGESTION_WORDS: readonly [Exclude<RegulatoryCategory, 'other'>, readonly string[]][] = [
  [
    'urban_rail',
    ['城市轨道交通', '轨道交通运营', '地铁', '轻轨', '城轨', 'urban rail', 'metro', 'subway', 'light rail'],
  ],
  [
    'dangerous_goods',
    [
      '危险化学品',
      '危化',
      '化工',
      '危险品',
      '危险货物',
      '危货',
      '易燃易爆',
      '烟花爆竹',
      '烟花',
      '民用爆炸',
      '民爆',
      '爆破器材',
      '燃气',
      '天然气',
      '液化气',
      '液化石油气',
      '加油站',
      '加气站',
      '油库',
      '成品油',
      '石油化工',
      '炼油',
      'hazardous chemical',
      'dangerous goods',
      'chemical',
      'fireworks',
      'explosive',
      'gas supply',
      'natural gas',
      'lpg',
      'oil depot',
      'fuel depot',
      'petrol station',
      'gas station',
      'refinery',
    ],
  ],
  [
    'mine',
    [
      '矿山',
      '煤矿',
      '采矿',
      '矿业',
      '矿采选',
      '采选',
      '选矿',
      '开采',
      '尾矿库',
      '采石',
      'mining',
      'mine ',
      'mines',
      'quarry',
    ],
  ],
  [
    'metal_smelting',
    ['冶炼', '冶金', '钢铁', '炼钢', '炼铁', '铁合金', 'smelting', 'metallurg', 'steelmaking', 'steel mill'],
  ],
  [
    'construction',
    [
      '建筑施工',
      '施工',
      '建筑工程',
      '建设工程',
      '建筑安装',
      '建筑业',
      '房屋建筑',
      '土木工程',
      '市政工程',
      '工程总承包',
      'construction',
      'civil engineering',
    ],
  ],
  [
    'crowded_place',
    [
      '人员密集',
      '宾馆',
      '酒店',
      '旅馆',
      '商场',
      '购物中心',
      '百货',
      '商业综合体',
      '娱乐',
      '歌舞厅',
      'KTV',
      '影院',
      '网吧',
      '游乐',
      '景区',
      '旅游景点',
      '风景区',
      'hotel',
      'mall',
      'shopping',
      'department store',
      'entertainment',
      'cinema',
      'amusement',
      'scenic',
      'tourist attraction',
    ],
  ],
];

/** Phrases that contain a category's word but name something else: removed before matching. */
const NOT_THE_ACTIVITY: readonly string[] = [
  '建筑材料',
  '建材',
  '非金属矿物制品',
  '矿物制品',
  '矿泉水',
  'construction material',
  'construction machinery',
  '施工机械',
  '工程机械',
  '化工机械',
  '化工设备',
  'chemical equipment',
];

/**
 * A proposal from the free-text industry, for a person to confirm or change: never stored without
 * that confirmation. `other` when nothing in the text names a listed activity.
 */
export function suggestRegulatoryCategory(industry: string): RegulatoryCategory {
  let text = ` ${industry.toLowerCase()} `;
  for (const phrase of NOT_THE_ACTIVITY) text = text.split(phrase.toLowerCase()).join(' ');
  for (const [category, words] of SUGGESTION_WORDS) {
    if (words.some((w) => text.includes(w.toLowerCase()))) return category;
  }
  return 'other';
}
