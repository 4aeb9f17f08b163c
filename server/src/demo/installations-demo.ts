import { Injectable } from '@nestjs/common';
import type { PointKind } from '@muster/contracts';
import type { InstallationCreateDto } from '../installations/installation.dto.js';
import { InstallationRepository } from '../installations/installation.repository.js';
import { InstallationService } from '../installations/installation.service.js';
import type { PointCreateDto } from '../monitoring/point.dto.js';
import { PointService } from '../monitoring/point.service.js';
import { DEMO_ENTERPRISES } from './demo-data.js';

interface DemoPoint {
  code: string;
  name: string;
  kind: PointKind;
  unit: string;
  range: [number, number];
  high?: number;
  highHigh?: number;
  low?: number;
  lowLow?: number;
}

interface DemoInstallation extends Omit<InstallationCreateDto, 'enterpriseId' | 'location'> {
  enterprise: string;
  /** Offset from the enterprise's site, degrees. */
  offset: [number, number];
  points: DemoPoint[];
}

/**
 * Demo major hazard installations: the fine-chemicals plant's liquid chlorine store (the chlorine
 * drill's), the coal chemicals plant's ammonia synthesis and methanol tank farm, and a unit below
 * the critical quantities. The sensor simulator (tools/sensor-simulator) publishes their points.
 */
export const DEMO_INSTALLATIONS: DemoInstallation[] = [
  {
    enterprise: 'finechem',
    code: 'CL2-STORE',
    name: '液氯钢瓶储存库',
    kind: 'storage',
    offset: [0.0003, -0.0004],
    peopleExposed: 60,
    chemicals: [{ substance: 'chlorine', name: '液氯', category: 'J3', maxQuantityT: 30 }],
    responsible: {
      principal: { name: '陈海峰', phone: '13905610201' },
      technical: { name: '周立', phone: '13905610202' },
      operational: { name: '赵立新', phone: '13905610203' },
    },
    points: [
      {
        code: 'CL2-AT01',
        name: '氯气浓度（库房东侧）',
        kind: 'gas',
        unit: 'ppm',
        range: [0, 20],
        high: 1,
        highHigh: 3,
      },
      {
        code: 'CL2-AT02',
        name: '氯气浓度（汽化器旁）',
        kind: 'gas',
        unit: 'ppm',
        range: [0, 20],
        high: 1,
        highHigh: 3,
      },
      {
        code: 'CL2-PT01',
        name: '汽化器出口压力',
        kind: 'pressure',
        unit: 'MPa',
        range: [0, 2.5],
        high: 1,
        highHigh: 1.2,
      },
      {
        code: 'CL2-TT01',
        name: '库房温度',
        kind: 'temperature',
        unit: '°C',
        range: [-10, 60],
        high: 35,
        highHigh: 40,
      },
    ],
  },
  {
    enterprise: 'coalchem',
    code: 'NH3-SYN',
    name: '合成氨装置',
    kind: 'production',
    offset: [0.0004, 0.0006],
    peopleExposed: 120,
    chemicals: [
      { substance: 'ammonia', name: '液氨', category: 'J3', maxQuantityT: 120 },
      { substance: 'hydrogen', name: '氢气', category: 'W2', maxQuantityT: 3 },
      { substance: 'carbon_monoxide', name: '一氧化碳', category: 'J3', maxQuantityT: 8 },
    ],
    responsible: {
      principal: { name: '王建国', phone: '13905610101' },
      technical: { name: '孙伟', phone: '13905610102' },
      operational: { name: '李志强', phone: '13905610103' },
    },
    points: [
      {
        code: 'NH3-AT01',
        name: '氨气浓度（压缩机房）',
        kind: 'gas',
        unit: 'ppm',
        range: [0, 100],
        high: 25,
        highHigh: 50,
      },
      {
        code: 'NH3-PT01',
        name: '合成塔压力',
        kind: 'pressure',
        unit: 'MPa',
        range: [0, 32],
        high: 26,
        highHigh: 28,
      },
      {
        code: 'NH3-TT01',
        name: '合成塔温度',
        kind: 'temperature',
        unit: '°C',
        range: [0, 600],
        high: 500,
        highHigh: 520,
      },
    ],
  },
  {
    enterprise: 'coalchem',
    code: 'MEOH-TANK',
    name: '甲醇储罐区',
    kind: 'storage',
    offset: [-0.0005, 0.0007],
    peopleExposed: 120,
    chemicals: [{ substance: 'methanol', name: '甲醇', category: 'W5.3', maxQuantityT: 3000 }],
    responsible: {
      principal: { name: '王建国', phone: '13905610101' },
      technical: { name: '孙伟', phone: '13905610102' },
      operational: { name: '吴强', phone: '13905610104' },
    },
    points: [
      {
        code: 'MEOH-LT01',
        name: '1#罐液位',
        kind: 'level',
        unit: '%',
        range: [0, 100],
        high: 85,
        highHigh: 90,
        low: 10,
        lowLow: 5,
      },
      {
        code: 'MEOH-FT01',
        name: '装车流量',
        kind: 'flow',
        unit: 'm³/h',
        range: [0, 120],
        high: 100,
        highHigh: 110,
      },
    ],
  },
  {
    enterprise: 'materials',
    code: 'TOL-TANK',
    name: '甲苯中间罐',
    kind: 'storage',
    offset: [0.0002, 0.0003],
    peopleExposed: 40,
    chemicals: [{ substance: 'toluene', name: '甲苯', category: 'W5.3', maxQuantityT: 100 }],
    responsible: { principal: null, technical: null, operational: null },
    points: [
      {
        code: 'TOL-LT01',
        name: '中间罐液位',
        kind: 'level',
        unit: '%',
        range: [0, 100],
        high: 85,
        highHigh: 90,
      },
    ],
  },
];

@Injectable()
export class InstallationsDemoSeeder {
  constructor(
    private readonly installations: InstallationService,
    private readonly repository: InstallationRepository,
    private readonly points: PointService,
  ) {}

  /** Must run as the system, after the enterprises. Returns how many installations it created. */
  async seed(ids: Map<string, string>): Promise<number> {
    let created = 0;
    for (const d of DEMO_INSTALLATIONS) {
      const enterpriseId = ids.get(d.enterprise);
      const site = DEMO_ENTERPRISES.find((e) => e.key === d.enterprise);
      if (!enterpriseId || !site) continue;
      const [existing] = await this.repository.list({ enterpriseId, skip: 0, take: 100 });
      if (existing.some((i) => i.code === d.code)) continue;
      const installation = await this.installations.create({
        enterpriseId,
        code: d.code,
        name: d.name,
        kind: d.kind,
        location: { lat: site.lat + d.offset[0], lng: site.lng + d.offset[1] },
        peopleExposed: d.peopleExposed,
        chemicals: d.chemicals,
        responsible: d.responsible,
      } as InstallationCreateDto);
      for (const p of d.points) {
        await this.points.create(installation.id, {
          code: p.code,
          name: p.name,
          kind: p.kind,
          unit: p.unit,
          rangeMin: p.range[0],
          rangeMax: p.range[1],
          high: p.high ?? null,
          highHigh: p.highHigh ?? null,
          low: p.low ?? null,
          lowLow: p.lowLow ?? null,
          delaySeconds: 5,
          holdSeconds: 30,
          onAlarm: 'notify',
        } as PointCreateDto);
      }
      created++;
    }
    return created;
  }
}
