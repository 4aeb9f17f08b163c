import { Injectable } from '@nestjs/common';
import type { EditableResourceStatus, ResourceType } from '@muster/contracts';
import { Db } from '../database/db.js';
import { ResourceRepository } from '../resources/resource.repository.js';
import { ResourceService } from '../resources/resource.service.js';
import { isInsideZone } from '../zone/zone-geometry.js';
import { DEMO_ENTERPRISES, type DemoEnterprise } from './demo-data.js';

/**
 * A few hundred emergency resources inside the demo zone: public fire hydrants every ~150 m
 * along the zone's roads (the same road lines as the bundled basemap), zone warehouses, shelters,
 * medical points, assembly points and water sources, and each enterprise's own equipment and
 * supplies inside its site. Positions, dates and statuses come from a seeded generator, so every
 * run produces the same data.
 */
export interface DemoResource {
  enterprise?: string;
  type: ResourceType;
  name: string;
  model?: string;
  quantity: number;
  unit: string;
  status?: EditableResourceStatus;
  custodian: string;
  custodianPhone: string;
  lat: number;
  lng: number;
  address: string;
  lastInspectedOn?: string;
  nextInspectionOn?: string;
  expiresOn?: string;
}

/** Centre lines of the zone's roads, [lng, lat], as drawn on the offline basemap. */
const ROADS: { name: string; line: [number, number][] }[] = [
  {
    name: '凤凰山路',
    line: [
      [116.8233, 33.962],
      [116.8235, 33.972],
      [116.8236, 33.985],
      [116.8235, 34.0],
      [116.8232, 34.011],
    ],
  },
  {
    name: '龙山路',
    line: [
      [116.792, 33.9995],
      [116.8075, 33.9997],
      [116.8235, 33.9998],
      [116.84, 33.9999],
      [116.856, 34.0001],
    ],
  },
  {
    name: '高岳路',
    line: [
      [116.798, 33.9778],
      [116.815, 33.9777],
      [116.833, 33.9779],
      [116.85, 33.9783],
      [116.862, 33.9792],
    ],
  },
  {
    name: '段园路',
    line: [
      [116.8, 34.0076],
      [116.816, 34.0078],
      [116.835, 34.0079],
      [116.854, 34.008],
    ],
  },
  {
    name: '朔西路',
    line: [
      [116.8075, 33.9878],
      [116.8235, 33.988],
      [116.836, 33.9918],
      [116.845, 33.9928],
      [116.856, 33.9925],
    ],
  },
  {
    name: '创业路',
    line: [
      [116.8075, 33.9839],
      [116.8235, 33.9839],
      [116.838, 33.984],
      [116.8452, 33.984],
    ],
  },
  {
    name: '石台路',
    line: [
      [116.8075, 33.968],
      [116.8076, 33.985],
      [116.8075, 33.999],
      [116.8074, 34.011],
    ],
  },
  {
    name: '开渠路',
    line: [
      [116.8452, 33.97],
      [116.8452, 33.985],
      [116.8451, 33.999],
      [116.845, 34.012],
    ],
  },
  {
    name: '经三路',
    line: [
      [116.8318, 33.9779],
      [116.8318, 33.984],
      [116.8318, 33.9905],
    ],
  },
];

/** Mulberry32: a small seeded generator, so the demo is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const M_PER_DEG_LAT = 111_320;
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** Points every `spacingM` metres along a polyline, offset `sideM` metres to one side. */
function alongLine(line: [number, number][], spacingM: number, sideM: number): [number, number][] {
  const out: [number, number][] = [];
  let carry = spacingM / 2;
  for (let i = 0; i < line.length - 1; i++) {
    const [x1, y1] = line[i]!;
    const [x2, y2] = line[i + 1]!;
    const mPerDegLng = M_PER_DEG_LAT * Math.cos((y1 * Math.PI) / 180);
    const dx = (x2 - x1) * mPerDegLng;
    const dy = (y2 - y1) * M_PER_DEG_LAT;
    const len = Math.hypot(dx, dy);
    // Unit normal, to stand the hydrant on the kerb rather than in the carriageway.
    const nx = -dy / len;
    const ny = dx / len;
    for (let d = carry; d < len; d += spacingM) {
      const t = d / len;
      out.push([x1 + (dx * t + nx * sideM) / mPerDegLng, y1 + (dy * t + ny * sideM) / M_PER_DEG_LAT]);
      carry = d + spacingM - len;
    }
    if (carry < 0) carry = spacingM;
  }
  return out;
}

function isoDate(base: Date, offsetDays: number): string {
  return new Date(base.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Dates relative to the seeding day, so the demo always shows a mix: most resources fine, some
 * expiring within 30 days, a few overdue.
 */
function dates(rand: () => number, today: Date, expires: boolean) {
  const roll = rand();
  const nextInspection =
    roll < 0.06
      ? -Math.ceil(rand() * 40)
      : roll < 0.14
        ? Math.ceil(rand() * 28)
        : 35 + Math.floor(rand() * 300);
  const last = nextInspection - 180;
  const out: Pick<DemoResource, 'lastInspectedOn' | 'nextInspectionOn' | 'expiresOn'> = {
    lastInspectedOn: isoDate(today, Math.min(last, -1)),
    nextInspectionOn: isoDate(today, nextInspection),
  };
  if (expires) {
    const e = rand();
    out.expiresOn = isoDate(
      today,
      e < 0.05 ? -Math.ceil(rand() * 60) : e < 0.12 ? Math.ceil(rand() * 29) : 60 + Math.floor(rand() * 900),
    );
  }
  return out;
}

const ZONE_CUSTODIANS: [string, string][] = [
  ['马骏', '+8613805610008'],
  ['韩冬', '+8613805610012'],
  ['吕强', '+8613805610020'],
  ['沈伟', '+8613805610018'],
  ['邓敏', '+8613805610015'],
];

interface Kit {
  type: ResourceType;
  name: string;
  model: string;
  quantity: [number, number];
  unit: string;
  expires: boolean;
}

/** What an enterprise keeps on site; chemical enterprises keep more. */
const ENTERPRISE_KIT: Kit[] = [
  {
    type: 'fire_extinguisher',
    name: '推车式干粉灭火器',
    model: 'MFTZ/ABC35',
    quantity: [4, 12],
    unit: '具',
    expires: true,
  },
  {
    type: 'fire_extinguisher',
    name: '手提式二氧化碳灭火器',
    model: 'MT/5',
    quantity: [10, 40],
    unit: '具',
    expires: true,
  },
  {
    type: 'protective_gear',
    name: '正压式空气呼吸器',
    model: 'RHZKF6.8/30',
    quantity: [2, 10],
    unit: '套',
    expires: true,
  },
  { type: 'protective_gear', name: '重型防化服', model: 'FH-Ⅰ', quantity: [2, 6], unit: '套', expires: true },
  {
    type: 'equipment',
    name: '便携式四合一气体检测仪',
    model: 'MS400',
    quantity: [2, 8],
    unit: '台',
    expires: false,
  },
  { type: 'equipment', name: '移动式消防水炮', model: 'PSY40', quantity: [1, 3], unit: '门', expires: false },
  {
    type: 'supplies',
    name: '吸附棉与围油栏',
    model: 'PP-40',
    quantity: [50, 400],
    unit: 'kg',
    expires: false,
  },
  { type: 'supplies', name: '堵漏器材箱', model: 'DLB-Ⅱ', quantity: [1, 3], unit: '箱', expires: false },
  { type: 'assembly_point', name: '紧急集合点', model: '', quantity: [1, 1], unit: '处', expires: false },
  {
    type: 'fire_hydrant',
    name: '厂区室外消火栓',
    model: 'SS100/65-1.6',
    quantity: [1, 1],
    unit: '个',
    expires: false,
  },
];

const ZONE_SITES: Omit<
  DemoResource,
  'custodian' | 'custodianPhone' | 'lastInspectedOn' | 'nextInspectionOn'
>[] = [
  {
    type: 'warehouse',
    name: '园区应急物资储备库（一号库）',
    model: '',
    quantity: 1,
    unit: '座',
    lat: 33.9936,
    lng: 116.8296,
    address: '朔西路与经三路交口',
  },
  {
    type: 'warehouse',
    name: '园区应急物资储备库（二号库）',
    model: '',
    quantity: 1,
    unit: '座',
    lat: 34.0021,
    lng: 116.8418,
    address: '龙山路北侧开渠路口',
  },
  {
    type: 'warehouse',
    name: '危化品应急处置器材库',
    model: '',
    quantity: 1,
    unit: '座',
    lat: 33.9972,
    lng: 116.8172,
    address: '凤凰山路60号',
  },
  {
    type: 'shelter',
    name: '杜集区实验学校应急避难场所',
    model: 'Ⅱ类',
    quantity: 1500,
    unit: '人',
    lat: 34.0052,
    lng: 116.8305,
    address: '段园路南侧',
  },
  {
    type: 'shelter',
    name: '园区文体中心应急避难场所',
    model: 'Ⅲ类',
    quantity: 800,
    unit: '人',
    lat: 33.9862,
    lng: 116.8262,
    address: '创业路北侧',
  },
  {
    type: 'shelter',
    name: '龙山公园应急避难场所',
    model: 'Ⅰ类',
    quantity: 5000,
    unit: '人',
    lat: 33.9805,
    lng: 116.8462,
    address: '高岳路开渠路口',
  },
  {
    type: 'medical_point',
    name: '园区医务室',
    model: '',
    quantity: 6,
    unit: '床',
    lat: 33.9868,
    lng: 116.8402,
    address: '创业路88号',
  },
  {
    type: 'medical_point',
    name: '杜集区人民医院开发区分院',
    model: '二级',
    quantity: 60,
    unit: '床',
    lat: 34.0041,
    lng: 116.8212,
    address: '段园路与凤凰山路交口',
  },
  {
    type: 'medical_point',
    name: '北区急救站',
    model: '',
    quantity: 2,
    unit: '车',
    lat: 33.9952,
    lng: 116.8398,
    address: '朔西路东段',
  },
  {
    type: 'team_base',
    name: '园区专职消防站',
    model: '二级站',
    quantity: 1,
    unit: '座',
    lat: 33.9905,
    lng: 116.8262,
    address: '朔西路18号',
  },
  {
    type: 'team_base',
    name: '危化品应急处置队驻地',
    model: '',
    quantity: 1,
    unit: '座',
    lat: 33.9968,
    lng: 116.8168,
    address: '凤凰山路60号',
  },
  {
    type: 'vehicle',
    name: '水罐消防车',
    model: 'SG60',
    quantity: 2,
    unit: '辆',
    lat: 33.9906,
    lng: 116.8265,
    address: '园区专职消防站',
  },
  {
    type: 'vehicle',
    name: '泡沫消防车',
    model: 'PM80',
    quantity: 1,
    unit: '辆',
    lat: 33.9904,
    lng: 116.8259,
    address: '园区专职消防站',
  },
  {
    type: 'vehicle',
    name: '危化品抢险救援车',
    model: 'JY20',
    quantity: 1,
    unit: '辆',
    lat: 33.9969,
    lng: 116.8171,
    address: '危化品应急处置队驻地',
  },
  {
    type: 'vehicle',
    name: '救护车',
    model: '福特V362',
    quantity: 2,
    unit: '辆',
    lat: 33.9869,
    lng: 116.8405,
    address: '园区医务室',
  },
  {
    type: 'vehicle',
    name: '应急通信指挥车',
    model: 'TX-5',
    quantity: 1,
    unit: '辆',
    lat: 33.9924,
    lng: 116.8325,
    address: '管委会',
  },
  {
    type: 'water_source',
    name: '龙河取水点',
    model: '天然水源',
    quantity: 1,
    unit: '处',
    lat: 33.9828,
    lng: 116.8105,
    address: '石台路西侧龙河',
  },
  {
    type: 'water_source',
    name: '园区消防水池（东）',
    model: '1000m³',
    quantity: 1000,
    unit: 'm³',
    lat: 33.9912,
    lng: 116.8502,
    address: '开渠路东侧',
  },
  {
    type: 'water_source',
    name: '园区消防水池（西）',
    model: '800m³',
    quantity: 800,
    unit: 'm³',
    lat: 34.0015,
    lng: 116.8092,
    address: '石台路北段',
  },
  {
    type: 'assembly_point',
    name: '管委会广场集合点',
    model: '',
    quantity: 1,
    unit: '处',
    lat: 33.9918,
    lng: 116.8331,
    address: '管委会南广场',
  },
  {
    type: 'assembly_point',
    name: '高岳路绿地集合点',
    model: '',
    quantity: 1,
    unit: '处',
    lat: 33.9792,
    lng: 116.8262,
    address: '高岳路北侧绿地',
  },
  {
    type: 'supplies',
    name: '应急照明与发电机组',
    model: '30kW',
    quantity: 4,
    unit: '台',
    lat: 33.9937,
    lng: 116.8298,
    address: '园区应急物资储备库（一号库）',
  },
  {
    type: 'supplies',
    name: '沙袋',
    model: '',
    quantity: 3000,
    unit: '个',
    lat: 34.0022,
    lng: 116.842,
    address: '园区应急物资储备库（二号库）',
  },
  {
    type: 'supplies',
    name: '中和剂（碳酸氢钠）',
    model: '工业级',
    quantity: 2,
    unit: 't',
    lat: 33.9973,
    lng: 116.8174,
    address: '危化品应急处置器材库',
  },
  {
    type: 'equipment',
    name: '无人机（红外侦察）',
    model: 'M30T',
    quantity: 2,
    unit: '架',
    lat: 33.9925,
    lng: 116.8323,
    address: '管委会信息中心',
  },
];

export function demoResources(today: Date = new Date()): DemoResource[] {
  const rand = random(20261128);
  const out: DemoResource[] = [];
  let n = 0;
  for (const road of ROADS) {
    alongLine(road.line, 150, 12).forEach(([lng, lat]) => {
      if (!isInsideZone(lat, lng)) return;
      const [custodian, phone] = ZONE_CUSTODIANS[n % ZONE_CUSTODIANS.length]!;
      n++;
      out.push({
        type: 'fire_hydrant',
        name: `市政消火栓 ${road.name} ${String(n).padStart(3, '0')}号`,
        model: rand() < 0.7 ? 'SS100/65-1.6' : 'SA100/65-1.6',
        quantity: 1,
        unit: '个',
        status: rand() < 0.04 ? 'maintenance' : 'available',
        custodian,
        custodianPhone: phone,
        lat: round6(lat),
        lng: round6(lng),
        address: `${road.name}`,
        ...dates(rand, today, false),
      });
    });
  }
  ZONE_SITES.forEach((s, i) => {
    const [custodian, phone] = ZONE_CUSTODIANS[i % ZONE_CUSTODIANS.length]!;
    out.push({ ...s, custodian, custodianPhone: phone, ...dates(rand, today, s.type === 'supplies') });
  });
  for (const e of DEMO_ENTERPRISES) out.push(...enterpriseResources(e, rand, today));
  return out;
}

function enterpriseResources(e: DemoEnterprise, rand: () => number, today: Date): DemoResource[] {
  const chemical = e.riskClass === 'major' || e.riskClass === 'high';
  const kit = chemical
    ? ENTERPRISE_KIT
    : ENTERPRISE_KIT.filter((k) => k.type !== 'protective_gear' || k.name.startsWith('正压'));
  const points = chemical ? 3 : 2;
  const out: DemoResource[] = [];
  const phone = e.dutyPhone.replace(/^0/, '+86').replace('-', '');
  for (const k of kit) {
    for (let p = 0; p < (k.type === 'fire_hydrant' ? 4 : k.type === 'assembly_point' ? 1 : points); p++) {
      const [dLat, dLng] = e.size;
      const lat = e.lat + (rand() * 2 - 1) * dLat * 0.85;
      const lng = e.lng + (rand() * 2 - 1) * dLng * 0.85;
      const [lo, hi] = k.quantity;
      const quantity = lo + Math.floor(rand() * (hi - lo + 1));
      const statusRoll = rand();
      out.push({
        enterprise: e.key,
        type: k.type,
        name: points > 1 && k.type !== 'assembly_point' ? `${k.name}（${p + 1}号点）` : k.name,
        model: k.model,
        quantity,
        unit: k.unit,
        status: statusRoll < 0.05 ? 'maintenance' : statusRoll < 0.1 ? 'in_use' : 'available',
        custodian: e.safetyLead,
        custodianPhone: phone,
        lat: round6(lat),
        lng: round6(lng),
        address: e.address,
        ...dates(rand, today, k.expires),
      });
    }
  }
  return out;
}

/** Seeds the demo resources through the service (validated and audited); skips what exists. */
@Injectable()
export class ResourcesDemoSeeder {
  constructor(
    private readonly db: Db,
    private readonly resourceService: ResourceService,
    private readonly resources: ResourceRepository,
  ) {}

  /**
   * `enterpriseIds`: demo enterprise key → id. Must run as the system (zone scope). One
   * transaction for the lot: hundreds of records commit at once, or not at all.
   */
  seed(enterpriseIds: Map<string, string>): Promise<number> {
    return this.db.transaction(() => this.seedAll(enterpriseIds));
  }

  private async seedAll(enterpriseIds: Map<string, string>): Promise<number> {
    const existing = new Set((await this.resources.all()).map((r) => `${r.enterpriseId}|${r.name}`));
    const missing = demoResources()
      .map((r) => ({ ...r, enterpriseId: r.enterprise ? enterpriseIds.get(r.enterprise)! : null }))
      .filter((r) => !existing.has(`${r.enterpriseId}|${r.name}`));
    if (missing.length === 0) return 0;
    return this.resourceService.createMany(
      missing.map((r) => ({
        enterpriseId: r.enterpriseId,
        type: r.type,
        name: r.name,
        model: r.model ?? '',
        quantity: r.quantity,
        unit: r.unit,
        status: r.status ?? 'available',
        custodian: r.custodian,
        custodianPhone: r.custodianPhone,
        location: { lat: r.lat, lng: r.lng },
        address: r.address,
        lastInspectedOn: r.lastInspectedOn ?? null,
        nextInspectionOn: r.nextInspectionOn ?? null,
        expiresOn: r.expiresOn ?? null,
      })),
      'demo-seed',
    );
  }
}
