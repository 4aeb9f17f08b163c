import { Inject, Injectable } from '@nestjs/common';
import type { SafetyFundCategory, SafetyFundIndustry } from '@muster/contracts';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SafetyFundService } from '../safety-funds/safety-fund.service.js';
import { zoneDate } from '../zone/zone-time.js';

interface DemoFundYear {
  enterprise: string;
  industry: SafetyFundIndustry;
  /** Prior year's revenue and the amount set aside, in yuan. */
  priorRevenue: number;
  setAside: number;
  /** Spending: month of the year, category, yuan, what for. */
  spends: [number, SafetyFundCategory, number, string][];
}

/**
 * Safety funds (安全生产费用) of the demo zone's enterprises the funds rules reach, for the year
 * before and this one, as the zone's table shows them: the pharmaceutical works and the logistics
 * company set aside what their revenue requires, the new-materials company falls short this year.
 * (The enterprises of the demo officers keep an empty ledger, for them to fill in.)
 */
const DEMO_FUNDS: { yearsBack: 0 | 1; rows: DemoFundYear[] }[] = [
  {
    yearsBack: 1,
    rows: [
      {
        enterprise: 'pharma',
        industry: 'dangerous_goods',
        priorRevenue: 290_000_000,
        setAside: 3_600_000,
        spends: [
          [3, 'hazard_control', 860_000, '合成车间可燃有毒气体检测报警系统改造'],
          [6, 'emergency', 240_000, '应急救援物资补充（正压式空气呼吸器8套、堵漏工具2套）'],
          [9, 'training', 96_000, '全员安全培训及特种作业人员复审培训'],
          [11, 'protective_equipment', 136_000, '防化服、防毒面具等劳动防护用品'],
        ],
      },
      {
        enterprise: 'materials',
        industry: 'dangerous_goods',
        priorRevenue: 165_000_000,
        setAside: 2_900_000,
        spends: [
          [4, 'facilities', 980_000, '甲类仓库防爆电气及通风设施改造'],
          [8, 'assessment', 160_000, '安全现状评价'],
        ],
      },
    ],
  },
  {
    yearsBack: 0,
    rows: [
      {
        enterprise: 'pharma',
        industry: 'dangerous_goods',
        priorRevenue: 320_000_000,
        setAside: 3_700_000,
        spends: [
          [1, 'testing', 96_000, '压力容器、安全阀年度定期检验'],
          [2, 'hazard_control', 420_000, '溶剂回收装置紧急切断阀更换'],
          [3, 'insurance', 212_000, '安全生产责任保险'],
        ],
      },
      {
        enterprise: 'materials',
        industry: 'dangerous_goods',
        priorRevenue: 180_000_000,
        setAside: 2_400_000,
        spends: [
          [1, 'emergency', 138_000, '应急演练及应急物资维护'],
          [2, 'facilities', 640_000, '储罐区可燃气体探测器更换'],
        ],
      },
      {
        enterprise: 'logistics',
        industry: 'transport_special',
        priorRevenue: 65_000_000,
        setAside: 980_000,
        spends: [
          [1, 'new_technology', 210_000, '危险货物运输车辆主动安全智能防控系统'],
          [2, 'training', 45_000, '驾驶员及押运员安全培训'],
        ],
      },
    ],
  },
];

@Injectable()
export class SafetyFundsDemoSeeder {
  constructor(
    private readonly funds: SafetyFundService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Records each year once: a year the enterprise has already reported is left as it is. */
  async seed(ids: Map<string, string>): Promise<number> {
    const thisYear = this.funds.thisYear();
    const today = zoneDate(this.clock.now(), this.config.TZ);
    let created = 0;
    for (const { yearsBack, rows } of DEMO_FUNDS) {
      const year = thisYear - yearsBack;
      for (const r of rows) {
        const enterpriseId = ids.get(r.enterprise)!;
        const { year: reported, spends } = await this.funds.ledger(enterpriseId, year);
        if (reported.priorRevenue !== null || spends.length) continue;
        await this.funds.setYear(enterpriseId, year, {
          industry: r.industry,
          priorRevenue: r.priorRevenue,
          setAside: r.setAside,
        });
        for (const [month, category, amount, description] of r.spends) {
          const day = `${year}-${String(month).padStart(2, '0')}-15`;
          // Early in a year the months to come are not spent yet.
          if (day > today) continue;
          await this.funds.addSpend({ enterpriseId, spentOn: day, category, amount, description });
        }
        created++;
      }
    }
    return created;
  }
}
