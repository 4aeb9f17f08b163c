import { Inject, Injectable } from '@nestjs/common';
import type { ControlLevel, HazardCategory, RiskMethod, RiskPointKind } from '@muster/contracts';
import { Clock } from '../common/clock.js';
import { type Principal, RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { UserRepository } from '../identity/user.repository.js';
import { RiskService } from '../risks/risk.service.js';
import { addMonths } from '../inspections/plan-schedule.js';
import { zoneDate } from '../zone/zone-time.js';
import { DEMO_ENTERPRISES } from './demo-data.js';

type Factors = { l: number; e?: number; c?: number; s?: number };

interface DemoRiskPoint {
  name: string;
  kind: RiskPointKind;
  place: string;
  post: string | null;
  /** Offset from the site's centre, as a fraction of its half-size (lat, lng). */
  at: [number, number];
  method: RiskMethod;
  hazards: [factor: string, consequence: string][];
  measures: [text: string, level: ControlLevel, person: string, category: HazardCategory][];
  actions: string[];
  /** Assessments, oldest first: days ago and factors. */
  history: [daysAgo: number, factors: Factors][];
}

const CHEM_ACTIONS = [
  '立即报告中控室和班长',
  '佩戴正压式空气呼吸器后处置',
  '关闭紧急切断阀，启动喷淋吸收',
  '疏散下风向人员至集结点',
];
const FIRE_ACTIONS = [
  '立即报告值班长并拨打 119',
  '切断电源和物料',
  '使用就近灭火器初期扑救',
  '沿疏散通道撤离至集结点',
];

/**
 * A risk register for each demo enterprise, whose worst point has the class the zone recorded
 * for it (so the map looks as before until someone reassesses), with earlier assessments for the
 * quarterly trend. Chemical sites are assessed by LEC, the others by the risk matrix, as is
 * common. Idempotent: a point is recognised by its enterprise and name.
 */
const DEMO_RISKS: Record<string, DemoRiskPoint[]> = {
  coalchem: [
    {
      name: '气化炉装置',
      kind: 'facility',
      place: '气化车间',
      post: '气化操作工',
      at: [0.4, -0.5],
      method: 'lec',
      hazards: [
        ['高温高压煤气泄漏', '中毒、火灾爆炸'],
        ['CO 积聚', '中毒窒息'],
      ],
      measures: [
        ['气化炉压力、温度联锁投用，每班确认联锁状态', 'company', '王建国', 'hazardous_chemicals'],
        ['CO 有毒气体报警仪每日巡检，每季度标定', 'workshop', '陈立', 'hazardous_chemicals'],
        ['进入现场双人作业并携带便携式 CO 检测仪', 'post', '刘刚', 'occupational_health'],
      ],
      actions: CHEM_ACTIONS,
      history: [
        [250, { l: 3, e: 6, c: 15 }],
        [40, { l: 3, e: 6, c: 40 }],
      ],
    },
    {
      name: '甲醇罐区',
      kind: 'unit',
      place: '储运车间罐区',
      post: '罐区操作工',
      at: [-0.5, 0.5],
      method: 'lec',
      hazards: [['甲醇储罐泄漏遇点火源', '火灾爆炸']],
      measures: [
        ['储罐液位高高联锁和紧急切断阀每月测试', 'workshop', '陈立', 'hazardous_chemicals'],
        ['防火堤完好，排水阀常闭', 'team', '周海', 'fire'],
        ['罐区动火作业办理特级动火票', 'company', '李志强', 'hot_work'],
      ],
      actions: FIRE_ACTIONS,
      history: [[120, { l: 1, e: 6, c: 40 }]],
    },
    {
      name: '检修受限空间作业',
      kind: 'operation',
      place: '全厂',
      post: null,
      at: [0, 0],
      method: 'lec',
      hazards: [['塔器、储罐内缺氧或有毒气体', '中毒窒息']],
      measures: [
        ['办理受限空间作业票，先通风、再检测、后作业', 'workshop', '陈立', 'confined_space'],
        ['设专人监护，配备救援器材', 'team', '周海', 'confined_space'],
      ],
      actions: ['监护人立即呼救，严禁盲目施救', '佩戴呼吸器后施救', '报告调度室'],
      history: [[345, { l: 1, e: 6, c: 15 }]],
    },
  ],
  finechem: [
    {
      name: '液氯钢瓶库',
      kind: 'unit',
      place: '原料仓库区',
      post: '液氯汽化操作工',
      at: [0.5, 0.4],
      method: 'lec',
      hazards: [
        ['钢瓶阀门或填料泄漏', '氯气中毒'],
        ['钢瓶超装或受热', '钢瓶爆裂'],
      ],
      measures: [
        ['氯气泄漏报警仪与事故风机、碱液吸收装置联锁，每日检查', 'company', '赵立新', 'hazardous_chemicals'],
        ['钢瓶入库验收、定点存放、防晒防热', 'workshop', '孙梅', 'hazardous_chemicals'],
        ['作业时佩戴防毒面具，钢瓶库门口备正压式空气呼吸器', 'post', '钱进', 'occupational_health'],
      ],
      actions: [
        '立即报告中控室，启动事故风机和碱液吸收',
        '佩戴正压式空气呼吸器关闭钢瓶角阀',
        '将泄漏钢瓶推入碱液池',
        '向上风向疏散人员',
      ],
      history: [
        [260, { l: 3, e: 6, c: 15 }],
        [70, { l: 3, e: 6, c: 40 }],
      ],
    },
    {
      name: '氯化反应釜',
      kind: 'facility',
      place: '合成车间',
      post: '液氯汽化操作工',
      at: [-0.3, -0.4],
      method: 'lec',
      hazards: [['氯化反应失控超温超压', '火灾爆炸、中毒']],
      measures: [
        ['反应温度与通氯量联锁、紧急冷却系统每周测试', 'workshop', '孙梅', 'hazardous_chemicals'],
        ['严格按工艺卡控制通氯速率', 'post', '钱进', 'hazardous_chemicals'],
      ],
      actions: CHEM_ACTIONS,
      history: [[90, { l: 1, e: 6, c: 40 }]],
    },
  ],
  materials: [
    {
      name: '树脂合成车间',
      kind: 'unit',
      place: '一车间',
      post: '合成操作工',
      at: [0.3, 0.3],
      method: 'lec',
      hazards: [['苯乙烯蒸气积聚', '火灾爆炸']],
      measures: [
        ['可燃气体报警仪每日巡检', 'workshop', '吴强', 'hazardous_chemicals'],
        ['车间防爆电气每月检查', 'team', '郑涛', 'electrical'],
      ],
      actions: FIRE_ACTIONS,
      history: [[100, { l: 3, e: 6, c: 15 }]],
    },
    {
      name: '导热油炉',
      kind: 'facility',
      place: '锅炉房',
      post: '司炉工',
      at: [-0.4, 0.4],
      method: 'lec',
      hazards: [['导热油泄漏', '火灾、烫伤']],
      measures: [['导热油炉压力、温度联锁每周检查', 'team', '郑涛', 'special_equipment']],
      actions: FIRE_ACTIONS,
      history: [[60, { l: 1, e: 6, c: 15 }]],
    },
  ],
  machinery: [
    {
      name: '冲压作业',
      kind: 'job',
      place: '冲压车间',
      post: '冲压工',
      at: [0.2, -0.3],
      method: 'matrix',
      hazards: [['双手进入模具区', '机械伤害']],
      measures: [
        ['光电保护装置每班点检', 'post', '胡军', 'machinery'],
        ['双手按钮操作，严禁单手操作', 'team', '何平', 'machinery'],
      ],
      actions: ['立即按下急停按钮', '报告班长，拨打 120', '保护现场'],
      history: [[80, { l: 3, s: 3 }]],
    },
    {
      name: '行车吊装',
      kind: 'operation',
      place: '装配车间',
      post: '行车工',
      at: [-0.3, 0.2],
      method: 'matrix',
      hazards: [['吊物坠落', '物体打击']],
      measures: [['行车限位、钢丝绳每日检查', 'post', '林峰', 'special_equipment']],
      actions: ['立即停止吊装', '疏散吊物下方人员', '报告班长'],
      history: [[80, { l: 2, s: 3 }]],
    },
  ],
  food: [
    {
      name: '液氨制冷系统',
      kind: 'facility',
      place: '冷库机房',
      post: '制冷工',
      at: [0.3, 0.3],
      method: 'matrix',
      hazards: [['液氨管道阀门泄漏', '中毒']],
      measures: [
        ['氨气报警仪与风机联锁每月测试', 'workshop', '高静', 'hazardous_chemicals'],
        ['制冷工持证上岗，每班巡检', 'post', '罗斌', 'hazardous_chemicals'],
      ],
      actions: ['立即报告值班长', '佩戴防毒面具关闭阀门', '开启事故风机并疏散人员'],
      history: [[150, { l: 3, s: 4 }]],
    },
  ],
  logistics: [
    {
      name: '危险货物仓库',
      kind: 'unit',
      place: '3 号库',
      post: '仓库保管员',
      at: [0.3, -0.3],
      method: 'matrix',
      hazards: [['易燃液体包装破损泄漏', '火灾']],
      measures: [
        ['分区分类存放，每日巡查包装', 'post', '梁辉', 'hazardous_chemicals'],
        ['库区消防设施每月检查', 'workshop', '宋岩', 'fire'],
      ],
      actions: FIRE_ACTIONS,
      history: [[200, { l: 3, s: 5 }]],
    },
    {
      name: '叉车作业',
      kind: 'job',
      place: '装卸平台',
      post: '叉车司机',
      at: [-0.3, 0.3],
      method: 'matrix',
      hazards: [['叉车与行人碰撞', '车辆伤害']],
      measures: [['人车分流，限速 5 km/h', 'team', '宋岩', 'management']],
      actions: ['立即停车', '报告班长，拨打 120'],
      history: [[200, { l: 3, s: 3 }]],
    },
  ],
  power: [
    {
      name: '高压试验区',
      kind: 'unit',
      place: '试验车间',
      post: '试验工',
      at: [0.2, 0.2],
      method: 'matrix',
      hazards: [['误入带电区域', '触电']],
      measures: [['试验区围栏、声光报警和门联锁每日检查', 'team', '韩冰', 'electrical']],
      actions: ['立即切断试验电源', '报告班长，拨打 120'],
      history: [[100, { l: 2, s: 5 }]],
    },
  ],
  textile: [
    {
      name: '梳棉车间粉尘',
      kind: 'unit',
      place: '梳棉车间',
      post: '挡车工',
      at: [0.2, 0.2],
      method: 'matrix',
      hazards: [['棉尘积聚', '火灾']],
      measures: [['每班清扫积尘', 'post', '曹敏', 'fire']],
      actions: FIRE_ACTIONS,
      history: [[100, { l: 2, s: 3 }]],
    },
  ],
  building: [
    {
      name: '回转窑',
      kind: 'facility',
      place: '烧成车间',
      post: '窑操作工',
      at: [0.2, 0.2],
      method: 'matrix',
      hazards: [['高温物料喷出', '灼烫']],
      measures: [['窑头负压监控，看火作业佩戴防护面罩', 'team', '彭宇', 'occupational_health']],
      actions: ['撤离喷料区域', '报告中控室'],
      history: [[100, { l: 3, s: 3 }]],
    },
  ],
  pharma: [
    {
      name: '溶剂回收装置',
      kind: 'facility',
      place: '回收车间',
      post: '回收操作工',
      at: [0.3, 0.3],
      method: 'lec',
      hazards: [['乙醇、丙酮蒸气泄漏', '火灾爆炸']],
      measures: [
        ['可燃气体报警仪每日巡检', 'workshop', '袁洁', 'hazardous_chemicals'],
        ['防静电接地每月检测', 'team', '蒋磊', 'electrical'],
      ],
      actions: FIRE_ACTIONS,
      history: [[130, { l: 3, e: 6, c: 15 }]],
    },
  ],
  electronics: [
    {
      name: '酸洗工序',
      kind: 'operation',
      place: '清洗车间',
      post: '酸洗工',
      at: [0.2, 0.2],
      method: 'matrix',
      hazards: [['氢氟酸飞溅', '化学灼伤']],
      measures: [['佩戴防酸面罩和手套，洗眼器每日检查', 'team', '沈丽', 'occupational_health']],
      actions: ['立即用大量清水冲洗', '涂抹葡萄糖酸钙凝胶并送医'],
      history: [[90, { l: 3, s: 4 }]],
    },
  ],
};

const OFFICER_OF: Record<string, string> = {
  coalchem: 'officer1@muster.test',
  finechem: 'officer2@muster.test',
};

@Injectable()
export class RisksDemoSeeder {
  constructor(
    private readonly db: Db,
    private readonly risks: RiskService,
    private readonly users: UserRepository,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(ids: Map<string, string>): Promise<{ pointsCreated: number }> {
    const inspector = await this.principal('inspector@muster.test');
    if (!inspector) return { pointsCreated: 0 };
    let pointsCreated = 0;
    for (const e of DEMO_ENTERPRISES) {
      const enterpriseId = ids.get(e.key);
      const points = DEMO_RISKS[e.key];
      if (!enterpriseId || !points) continue;
      const officerEmail = OFFICER_OF[e.key];
      const actor = (officerEmail && (await this.principal(officerEmail))) || inspector;
      const existing: { name: string }[] = await this.db.manager.query(
        'SELECT name FROM risk_point WHERE enterprise_id = $1',
        [enterpriseId],
      );
      const known = new Set(existing.map((r) => r.name));
      for (const p of points) {
        if (known.has(p.name)) continue;
        await this.context.run({ principal: actor }, async () => {
          const [dLat, dLng] = e.size;
          const created = await this.risks.create({
            enterpriseId,
            name: p.name,
            kind: p.kind,
            place: p.place,
            post: p.post,
            location: { lat: e.lat + p.at[0] * dLat, lng: e.lng + p.at[1] * dLng },
            hazards: p.hazards.map(([factor, consequence]) => ({ factor, consequence })),
            measures: p.measures.map(([text, level, person, category]) => ({
              text,
              level,
              person,
              category,
            })),
            emergencyActions: p.actions,
          });
          for (const [daysAgo, factors] of p.history) {
            await this.risks.assess(created.id, { method: p.method, ...factors });
            await this.backdate(created.id, daysAgo);
          }
        });
        pointsCreated++;
      }
    }
    return { pointsCreated };
  }

  /** Moves the point's latest assessment back to when the demo says it was made. */
  private async backdate(riskPointId: string, daysAgo: number): Promise<void> {
    const at = new Date(this.clock.now().getTime() - daysAgo * 86_400_000);
    const next = addMonths(zoneDate(at, this.config.TZ), 12);
    await this.db.manager.query(
      `UPDATE risk_assessment SET assessed_at = $2
        WHERE id = (SELECT id FROM risk_assessment WHERE risk_point_id = $1 ORDER BY assessed_at DESC, id DESC LIMIT 1)`,
      [riskPointId, at],
    );
    await this.db.manager.query(
      'UPDATE risk_point SET assessed_at = $2, next_assessment_on = $3, created_at = LEAST(created_at, $2) WHERE id = $1',
      [riskPointId, at, next],
    );
  }

  private async principal(email: string): Promise<Principal | null> {
    const u = await this.users.findForLogin(email);
    return u ? { id: u.id, email: u.email, name: u.name, role: u.role, enterpriseId: u.enterpriseId } : null;
  }
}
