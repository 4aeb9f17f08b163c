import { Injectable } from '@nestjs/common';
import type { SensitiveTargetKind } from '@muster/contracts';
import { SensitiveTargetService } from '../sensitive-targets/sensitive-target.service.js';

interface DemoTarget {
  kind: SensitiveTargetKind;
  name: string;
  address: string;
  lat: number;
  lng: number;
  /** Half-size of a rectangular outline in degrees (lat, lng), for villages and the like. */
  half?: [number, number];
  populationDay: number;
  populationNight: number;
  contactName: string;
  contactPhone: string;
  notes?: string;
}

/**
 * The places around the demo zone a release would endanger: the villages on its western and
 * southern edges (partly inside it, as villages in Chinese development zones often are), the
 * schools, kindergarten, hospitals, market and nursing home of 杜集 town to the north, the
 * zone's own staff apartments, and the water source on the 龙河 south of it. Fictional names
 * and people; the numbers (+86 139 0561 9xxx) are valid and answered by the emulator.
 */
export const DEMO_SENSITIVE_TARGETS: DemoTarget[] = [
  {
    kind: 'residential',
    name: '开发区人才公寓',
    address: '杜集经济开发区创业路 6 号',
    lat: 33.9985,
    lng: 116.83,
    half: [0.0008, 0.0012],
    populationDay: 180,
    populationNight: 920,
    contactName: '周静（物业经理）',
    contactPhone: '+8613905619001',
    notes: '6 栋住宅，夜间人员集中',
  },
  {
    kind: 'village',
    name: '龙山村',
    address: '杜集区朔里镇龙山村',
    lat: 33.979,
    lng: 116.809,
    half: [0.0025, 0.003],
    populationDay: 650,
    populationNight: 1380,
    contactName: '刘德胜（村支书）',
    contactPhone: '+8613905619002',
    notes: '村东部在开发区边界内；老人、儿童比例高',
  },
  {
    kind: 'village',
    name: '高岳村',
    address: '杜集区高岳街道高岳村',
    lat: 33.989,
    lng: 116.796,
    half: [0.003, 0.0028],
    populationDay: 720,
    populationNight: 1560,
    contactName: '陈玉兰（村主任）',
    contactPhone: '+8613905619003',
  },
  {
    kind: 'hospital',
    name: '朔里镇卫生院',
    address: '杜集区朔里镇朔里街 21 号',
    lat: 33.996,
    lng: 116.7965,
    populationDay: 320,
    populationNight: 85,
    contactName: '孟晓东（院长）',
    contactPhone: '+8613905619004',
    notes: '住院床位 60 张，卧床病人转移需救护车',
  },
  {
    kind: 'school',
    name: '杜集区实验小学',
    address: '杜集区矿山路 18 号',
    lat: 34.0135,
    lng: 116.815,
    populationDay: 1260,
    populationNight: 0,
    contactName: '王丽萍（校长）',
    contactPhone: '+8613905619005',
  },
  {
    kind: 'kindergarten',
    name: '杜集镇中心幼儿园',
    address: '杜集区杜集镇育英路 3 号',
    lat: 34.0118,
    lng: 116.8245,
    populationDay: 265,
    populationNight: 0,
    contactName: '张敏（园长）',
    contactPhone: '+8613905619006',
    notes: '幼儿无法自行撤离，需就地避险或由教职工组织转移',
  },
  {
    kind: 'market',
    name: '杜集农贸市场',
    address: '杜集区杜集镇中心街 50 号',
    lat: 34.0125,
    lng: 116.833,
    populationDay: 1500,
    populationNight: 20,
    contactName: '李建华（市场管理处）',
    contactPhone: '+8613905619007',
  },
  {
    kind: 'nursing_home',
    name: '杜集区敬老院',
    address: '杜集区杜集镇敬老路 9 号',
    lat: 34.008,
    lng: 116.806,
    populationDay: 125,
    populationNight: 112,
    contactName: '吴桂芳（院长）',
    contactPhone: '+8613905619008',
    notes: '失能老人 30 名',
  },
  {
    kind: 'residential',
    name: '矿山集社区',
    address: '杜集区矿山集街道',
    lat: 34.015,
    lng: 116.845,
    half: [0.002, 0.003],
    populationDay: 2500,
    populationNight: 4800,
    contactName: '郑国强（社区主任）',
    contactPhone: '+8613905619009',
  },
  {
    kind: 'hospital',
    name: '杜集区人民医院',
    address: '杜集区人民路 88 号',
    lat: 34.02,
    lng: 116.828,
    populationDay: 950,
    populationNight: 360,
    contactName: '黄志远（总值班）',
    contactPhone: '+8613905619010',
  },
  {
    kind: 'school',
    name: '淮北市第十二中学',
    address: '杜集区东山路 2 号',
    lat: 33.986,
    lng: 116.862,
    populationDay: 1850,
    populationNight: 420,
    contactName: '孙卫国（副校长）',
    contactPhone: '+8613905619011',
    notes: '寄宿生 400 余人',
  },
  {
    kind: 'village',
    name: '段园村',
    address: '杜集区段园镇段园村',
    lat: 33.965,
    lng: 116.84,
    half: [0.0025, 0.003],
    populationDay: 480,
    populationNight: 1100,
    contactName: '段明亮（村支书）',
    contactPhone: '+8613905619012',
  },
  {
    kind: 'water_source',
    name: '龙河饮用水水源保护区',
    address: '杜集区龙河南岸',
    lat: 33.9655,
    lng: 116.816,
    half: [0.0015, 0.004],
    populationDay: 0,
    populationNight: 0,
    contactName: '许海涛（自来水公司调度）',
    contactPhone: '+8613905619013',
    notes: '一级保护区，供杜集城区约 6 万人饮水；泄漏物和消防废水严禁进入',
  },
];

function outline(t: DemoTarget): { type: 'Polygon'; coordinates: number[][][] } | null {
  if (!t.half) return null;
  const [dLat, dLng] = t.half;
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [r(t.lng - dLng), r(t.lat - dLat)],
        [r(t.lng + dLng), r(t.lat - dLat)],
        [r(t.lng + dLng), r(t.lat + dLat)],
        [r(t.lng - dLng), r(t.lat + dLat)],
        [r(t.lng - dLng), r(t.lat - dLat)],
      ],
    ],
  };
}

/** Seeds the register once: a zone that has any sensitive target keeps its own. */
@Injectable()
export class SensitiveTargetsDemoSeeder {
  constructor(private readonly targets: SensitiveTargetService) {}

  async seed(): Promise<number> {
    if ((await this.targets.list({ page: 1, pageSize: 1 })).total > 0) return 0;
    for (const t of DEMO_SENSITIVE_TARGETS) {
      await this.targets.create({
        kind: t.kind,
        name: t.name,
        address: t.address,
        location: { lat: t.lat, lng: t.lng },
        outline: outline(t),
        populationDay: t.populationDay,
        populationNight: t.populationNight,
        contactName: t.contactName,
        contactPhone: t.contactPhone,
        notes: t.notes ?? '',
      });
    }
    return DEMO_SENSITIVE_TARGETS.length;
  }
}
