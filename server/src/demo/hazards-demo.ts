import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { type Principal, RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type {
  GovernancePlan,
  HazardCategory,
  HazardLevel,
  HazardSource,
  HazardStatus,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { HazardService } from '../hazards/hazard.service.js';
import { addDays, zoneDate } from '../zone/zone-time.js';
import { UserRepository } from '../identity/user.repository.js';
import { InspectionService } from '../inspections/inspection.service.js';

/**
 * A plausible half-year hazard ledger for the demo zone. Every hazard goes through the real
 * services and workflow (validated, audited, notified) acting as the demo users; the timestamps
 * are then moved back to the days planned below, so the ledger has a history and trends. Used
 * only in demo mode and by tests; idempotent (an existing entry is recognised by its place and
 * description).
 */
interface DemoHazard {
  enterprise: string;
  place: string;
  category: HazardCategory;
  level: HazardLevel;
  source: HazardSource;
  description: string;
  measures: string;
  responsible: string;
  funds: string;
  /** Found this many days ago; deadline this many days after finding. */
  foundDaysAgo: number;
  deadlineDays: number;
  /** Where the loop stands now; `closedAfterDays` after finding for closed ones. */
  status: HazardStatus | 'fixed_same_day';
  closedAfterDays?: number;
  rejectedOnce?: boolean;
  contingencyPlanRef?: string;
  governancePlan?: GovernancePlan;
  /** Order 16 Art. 14, a major hazard's harm and difficulty analysis. */
  harmAnalysis?: string;
  /** Order 16 Art. 16: production stopped in part while fixing (days after finding). */
  stoppage?: { what: string; afterDays: number };
  /** Order 16 Art. 18: who evaluated the fix before acceptance. */
  evaluatedBy?: string;
  /** 挂牌督办 by this body, due this many days after finding. */
  listedBy?: { body: string; deadlineDays: number };
}

const OFFICER_OF: Record<string, string> = {
  coalchem: 'officer1@muster.test',
  finechem: 'officer2@muster.test',
};
const INSPECTOR = 'inspector@muster.test';

const LEDGER: DemoHazard[] = [
  {
    enterprise: 'coalchem',
    place: '气化车间3号气化炉平台',
    category: 'hazardous_chemicals',
    level: 'major',
    source: 'zone_inspection',
    description: '一氧化碳在线检测报警仪2台失效，未与紧急切断联锁，存在CO泄漏中毒风险',
    measures: '更换报警探头并恢复与切断阀联锁，联锁投用前岗位人员配备便携式检测仪',
    responsible: '李志强',
    funds: '86000.00',
    foundDaysAgo: 150,
    deadlineDays: 30,
    status: 'closed',
    closedAfterDays: 27,
    rejectedOnce: true,
    contingencyPlanRef: '华晟煤化工一氧化碳中毒专项应急预案',
    harmAnalysis:
      'CO泄漏未能及时报警切断，平台作业人员可能中毒，属可造成群死群伤的危害；需停炉更换探头并重做联锁，本单位可自行整改，难度中等',
    evaluatedBy: '公司技术负责人及外聘专家3人',
    governancePlan: {
      objectives: '恢复气化炉平台有毒气体检测报警及联锁功能，消除CO泄漏未被及时发现的风险',
      methods: '更换失效探头，重新标定全部探头，恢复报警与紧急切断阀联锁并做联锁试验',
      fundsAndMaterials: '安排专项资金8.6万元，探头及标定气已到货',
      responsible: '设备部牵头，仪表班实施，安全部监督；责任人李志强',
      timeLimit: '30日内完成，联锁试验合格后申请验收销号',
      safetyMeasures: '治理期间岗位双人巡检并配便携式检测仪，执行CO中毒专项应急预案',
    },
  },
  {
    enterprise: 'coalchem',
    place: '甲醇罐区2号储罐',
    category: 'hazardous_chemicals',
    level: 'general',
    source: 'self_inspection',
    description: '储罐呼吸阀阻火器滤网锈蚀堵塞',
    measures: '拆检清洗阻火器，更换滤网',
    responsible: '王磊',
    funds: '3500.00',
    foundDaysAgo: 120,
    deadlineDays: 10,
    status: 'closed',
    closedAfterDays: 8,
  },
  {
    enterprise: 'coalchem',
    place: '空分装置配电室',
    category: 'electrical',
    level: 'general',
    source: 'self_inspection',
    description: '配电柜前绝缘垫破损，缺少操作规程上墙',
    measures: '更换绝缘垫，张贴操作规程',
    responsible: '王磊',
    funds: '800.00',
    foundDaysAgo: 95,
    deadlineDays: 7,
    status: 'closed',
    closedAfterDays: 9,
  },
  {
    enterprise: 'coalchem',
    place: '原料煤输送栈桥',
    category: 'machinery',
    level: 'general',
    source: 'drill_improvement',
    description: '皮带机拉绳开关3处失灵（演练中发现）',
    measures: '修复拉绳开关并逐一试验',
    responsible: '赵刚',
    funds: '2400.00',
    foundDaysAgo: 40,
    deadlineDays: 15,
    status: 'submitted',
  },
  {
    enterprise: 'coalchem',
    place: '净化工段',
    category: 'confined_space',
    level: 'general',
    source: 'spot_check',
    description: '有限空间作业点未设置警示标识，作业审批记录不全',
    measures: '设置警示标识，完善有限空间作业审批台账',
    responsible: '李志强',
    funds: '600.00',
    foundDaysAgo: 20,
    deadlineDays: 10,
    status: 'rectifying',
  },
  {
    enterprise: 'finechem',
    place: '氯化反应釜区',
    category: 'hazardous_chemicals',
    level: 'major',
    source: 'self_inspection',
    description: '氯化反应釜温度、压力报警与进料紧急切断未实现联锁，不符合重点监管危险化工工艺要求',
    measures: '增设进料紧急切断阀并实现温度压力高高联锁，完善SIS系统',
    responsible: '赵立新',
    funds: '260000.00',
    foundDaysAgo: 70,
    deadlineDays: 60,
    status: 'rectifying',
    contingencyPlanRef: '龙山精细化工氯气泄漏专项应急预案',
    harmAnalysis:
      '氯化反应失控可致超温超压、氯气泄漏，影响厂区及下风向园区企业；需停釜改造并由设计单位出具联锁方案，整改难度大、周期长',
    stoppage: { what: '氯化反应釜区（1#、2#氯化釜）', afterDays: 3 },
    listedBy: { body: '园区应急管理局', deadlineDays: 60 },
    governancePlan: {
      objectives: '实现氯化工艺温度、压力与进料紧急切断联锁，达到重点监管危险化工工艺安全控制要求',
      methods: '委托设计单位出具联锁方案，增设紧急切断阀，接入SIS并完成联锁测试',
      fundsAndMaterials: '安排专项资金26万元，切断阀及SIS卡件已下单',
      responsible: '公司总经理负总责，生产部组织，赵立新具体负责',
      timeLimit: '60日内完成，经园区组织专家验收后销号',
      safetyMeasures: '治理期间降负荷运行并加密巡检，执行氯气泄漏专项应急预案，配齐正压式呼吸器',
    },
  },
  {
    enterprise: 'finechem',
    place: '成品仓库',
    category: 'fire',
    level: 'general',
    source: 'zone_inspection',
    description: '仓库内2具灭火器压力不足，消防通道堆放货物',
    measures: '更换灭火器，清理消防通道并划线',
    responsible: '孙明',
    funds: '500.00',
    foundDaysAgo: 60,
    deadlineDays: 3,
    status: 'closed',
    closedAfterDays: 2,
  },
  {
    enterprise: 'finechem',
    place: '导热油炉房',
    category: 'special_equipment',
    level: 'general',
    source: 'self_inspection',
    description: '导热油炉安全阀超期未校验',
    measures: '送检安全阀，建立特种设备附件校验台账',
    responsible: '孙明',
    funds: '1200.00',
    foundDaysAgo: 35,
    deadlineDays: 14,
    status: 'rectifying',
  },
  {
    enterprise: 'finechem',
    place: '中控室',
    category: 'management',
    level: 'general',
    source: 'self_inspection',
    description: '交接班记录未记录报警处置情况',
    measures: '修订交接班制度并培训',
    responsible: '赵立新',
    funds: '0.00',
    foundDaysAgo: 10,
    deadlineDays: 1,
    status: 'fixed_same_day',
  },
  {
    enterprise: 'materials',
    place: '树脂车间',
    category: 'hot_work',
    level: 'general',
    source: 'zone_inspection',
    description: '动火作业现场未配备灭火器材，动火票未经审批即作业',
    measures: '停止违规动火，补配灭火器材，对作业人员进行教育',
    responsible: '孙伟',
    funds: '300.00',
    foundDaysAgo: 100,
    deadlineDays: 1,
    status: 'closed',
    closedAfterDays: 1,
  },
  {
    enterprise: 'machinery',
    place: '冲压车间',
    category: 'machinery',
    level: 'general',
    source: 'zone_inspection',
    description: '2台冲床光电保护装置被短接',
    measures: '恢复光电保护装置，追究违规短接责任',
    responsible: '吴永华',
    funds: '0.00',
    foundDaysAgo: 80,
    deadlineDays: 3,
    status: 'closed',
    closedAfterDays: 2,
  },
  {
    enterprise: 'logistics',
    place: '3号仓库',
    category: 'fire',
    level: 'general',
    source: 'spot_check',
    description: '自动喷水灭火系统末端试水装置压力不足',
    measures: '检修消防水泵及管网，恢复系统压力',
    responsible: '马俊',
    funds: '15000.00',
    foundDaysAgo: 45,
    deadlineDays: 20,
    status: 'rectifying',
  },
  {
    enterprise: 'food',
    place: '液氨制冷机房',
    category: 'hazardous_chemicals',
    level: 'major',
    source: 'zone_inspection',
    description: '液氨制冷机房氨气浓度报警仪未与事故排风机联锁，机房无应急喷淋',
    measures: '实现报警与排风联锁，增设应急喷淋和洗眼器',
    responsible: '冯建军',
    funds: '48000.00',
    foundDaysAgo: 12,
    deadlineDays: 45,
    status: 'found',
    contingencyPlanRef: '金穗食品液氨泄漏现场处置方案',
    harmAnalysis:
      '氨气泄漏可致机房内人员中毒、遇火源爆炸；联锁改造及喷淋增设需停机施工，本单位可在45日内完成',
  },
  {
    enterprise: 'power',
    place: '喷涂车间',
    category: 'electrical',
    level: 'general',
    source: 'report',
    description: '喷涂车间照明灯具非防爆型',
    measures: '更换为防爆灯具',
    responsible: '林涛',
    funds: '6200.00',
    foundDaysAgo: 25,
    deadlineDays: 15,
    status: 'found',
  },
  {
    enterprise: 'building',
    place: '水泥筒仓',
    category: 'work_at_height',
    level: 'general',
    source: 'zone_inspection',
    description: '筒仓顶部护栏高度不足，爬梯护笼缺失',
    measures: '加高护栏至1.2米，加装护笼',
    responsible: '梁永',
    funds: '9800.00',
    foundDaysAgo: 55,
    deadlineDays: 30,
    status: 'closed',
    closedAfterDays: 33,
  },
  {
    enterprise: 'pharma',
    place: '溶剂回收车间',
    category: 'occupational_health',
    level: 'general',
    source: 'self_inspection',
    description: '作业场所有机溶剂浓度检测超过限值，局部排风效果差',
    measures: '改造局部排风，作业人员佩戴防毒面具',
    responsible: '谢文',
    funds: '22000.00',
    foundDaysAgo: 5,
    deadlineDays: 20,
    status: 'found',
  },
];

@Injectable()
export class HazardsDemoSeeder {
  constructor(
    private readonly db: Db,
    private readonly context: RequestContext,
    private readonly users: UserRepository,
    private readonly hazards: HazardService,
    private readonly inspections: InspectionService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(enterpriseIds: Map<string, string>): Promise<{ hazardsCreated: number }> {
    const inspector = await this.principal(INSPECTOR);
    const admin = await this.principal('admin@muster.test');
    if (!inspector || !admin) return { hazardsCreated: 0 };
    const existing = new Set(
      (
        (await this.db.manager.query(`SELECT enterprise_id, place, description FROM hazard`)) as {
          enterprise_id: string;
          place: string;
          description: string;
        }[]
      ).map((r) => `${r.enterprise_id}|${r.place}|${r.description}`),
    );
    const now = this.clock.now();
    const created: string[] = [];
    for (const d of LEDGER) {
      const enterpriseId = enterpriseIds.get(d.enterprise);
      if (!enterpriseId || existing.has(`${enterpriseId}|${d.place}|${d.description}`)) continue;
      const officerEmail = OFFICER_OF[d.enterprise];
      const worker = (officerEmail && (await this.principal(officerEmail))) || admin;
      const foundAt = new Date(now.getTime() - d.foundDaysAgo * 86_400_000);
      const as = <T>(p: Principal, fn: () => Promise<T>) => this.context.run({ principal: p }, fn);
      const finder = d.source === 'self_inspection' || d.source === 'drill_improvement' ? worker : inspector;
      const h = await as(finder, () =>
        this.hazards.create({
          enterpriseId,
          place: d.place,
          category: d.category,
          level: d.level,
          source: d.source,
          description: d.description,
          foundAt: foundAt.toISOString(),
          measures: d.measures,
          responsiblePerson: d.responsible,
          funds: d.funds,
          deadline: addDays(zoneDate(foundAt, this.config.TZ), d.deadlineDays),
          contingencyPlanRef: d.contingencyPlanRef ?? null,
          governancePlan: d.governancePlan ?? null,
          harmAnalysis: d.harmAnalysis ?? null,
        }),
      );
      const foundDate = zoneDate(foundAt, this.config.TZ);
      if (d.stoppage) {
        await as(worker, () =>
          this.hazards.recordStoppage(h.id, {
            scope: 'partial',
            what: d.stoppage!.what,
            peopleWithdrawn: true,
            from: addDays(foundDate, d.stoppage!.afterDays),
          }),
        );
      }
      if (d.listedBy) {
        await as(inspector, () =>
          this.hazards.listSupervision(h.id, {
            body: d.listedBy!.body,
            deadline: addDays(foundDate, d.listedBy!.deadlineDays),
          }),
        );
      }
      const step = (
        p: Principal,
        action: 'start' | 'submit' | 'accept' | 'reject' | 'close_on_spot',
        comment: string,
      ) => as(p, () => this.hazards.transition(h.id, { action, comment }));
      if (d.status === 'fixed_same_day') {
        // Closing on the spot needs a real photo, which demo data does not have: the same-day
        // fix goes through the loop instead.
        await step(worker, 'start', '现场立即整改');
        await step(worker, 'submit', '已现场整改完毕');
        await step(inspector, 'accept', '现场确认已整改');
      } else if (d.status !== 'found') {
        await step(worker, 'start', '按五落实要求开始整改');
        if (d.status !== 'rectifying') {
          await step(worker, 'submit', '整改完成，申请验收');
          if (d.rejectedOnce) {
            await step(inspector, 'reject', '联锁试验记录不完整，请补充后重新申请');
            await step(worker, 'submit', '已补充联锁试验记录');
          }
          if (d.status === 'closed' && d.evaluatedBy) {
            await as(worker, () =>
              this.hazards.recordEvaluation(h.id, {
                by: 'technical_staff',
                evaluator: d.evaluatedBy!,
                date: addDays(foundDate, d.closedAfterDays ?? d.deadlineDays),
                passed: true,
                conclusion: '隐患已消除，联锁试验合格，同意申请验收销号',
              }),
            );
          }
          if (d.status === 'closed') await step(inspector, 'accept', '复查合格，同意销号');
        }
      }
      await this.backdate(h.id, foundAt, d);
      created.push(h.id);
    }
    await this.seedPlans(enterpriseIds, inspector);
    return { hazardsCreated: created.length };
  }

  /**
   * Spreads the workflow's steps over the days planned for this hazard: the steps really ran
   * (through the services, audited) a moment ago; only their dates are moved into the past.
   */
  private async backdate(id: string, foundAt: Date, d: DemoHazard): Promise<void> {
    const closedDays =
      d.status === 'fixed_same_day' ? 0 : (d.closedAfterDays ?? Math.min(d.foundDaysAgo, d.deadlineDays));
    const span = Math.max(0, Math.min(closedDays, d.foundDaysAgo)) * 86_400_000;
    const rows: { id: string }[] = await this.db.manager.query(
      `SELECT id FROM hazard_transition WHERE hazard_id = $1 ORDER BY id`,
      [id],
    );
    // Steps at evenly spaced moments between finding and closing (or now, for open ones).
    const end =
      d.status === 'closed' || d.status === 'fixed_same_day'
        ? foundAt.getTime() + span
        : foundAt.getTime() + span / 2;
    for (const [i, r] of rows.entries()) {
      const at = new Date(foundAt.getTime() + ((end - foundAt.getTime()) * i) / Math.max(1, rows.length - 1));
      await this.db.manager.query(`UPDATE hazard_transition SET at = $2 WHERE id = $1`, [r.id, at]);
    }
    const last = new Date(end);
    await this.db.manager.query(
      `UPDATE hazard SET created_at = $2::timestamptz,
              reported_to_zone_at = CASE WHEN level = 'major' THEN $2::timestamptz END,
              submitted_at = CASE WHEN submitted_at IS NOT NULL THEN $3::timestamptz END,
              closed_at = CASE WHEN status = 'closed' THEN $3::timestamptz END, updated_at = $3
        WHERE id = $1`,
      [id, foundAt, last],
    );
  }

  private async seedPlans(enterpriseIds: Map<string, string>, inspector: Principal): Promise<void> {
    const [count] = (await this.db.manager.query(`SELECT count(*)::int AS n FROM inspection_plan`)) as {
      n: number;
    }[];
    if (count && count.n > 0) return;
    const chemical = ['coalchem', 'finechem']
      .map((k) => enterpriseIds.get(k))
      .filter((x): x is string => Boolean(x));
    await this.context.run({ principal: inspector }, () =>
      this.inspections.createPlan({
        title: '危险化学品企业季度安全检查',
        kind: 'zone_inspection',
        enterpriseIds: chemical,
        frequency: 'quarterly',
        startsOn: `${zoneDate(this.clock.now(), this.config.TZ).slice(0, 4)}-01-01`,
        checklist: [
          { text: '重点监管危险化工工艺自动化控制及紧急停车系统投用正常', category: 'hazardous_chemicals' },
          { text: '可燃及有毒气体检测报警设施完好并与联锁可靠', category: 'hazardous_chemicals' },
          { text: '消防设施器材完好，消防通道畅通', category: 'fire' },
          { text: '特种设备及安全附件在检验有效期内', category: 'special_equipment' },
          { text: '动火、受限空间等特殊作业票证规范', category: 'hot_work' },
          { text: '应急预案备案及演练按期开展', category: 'management' },
        ],
      }),
    );
    for (const [key, email] of Object.entries(OFFICER_OF)) {
      const officer = await this.principal(email);
      if (!officer || !enterpriseIds.get(key)) continue;
      await this.context.run({ principal: officer }, () =>
        this.inspections.createPlan({
          title: '班组日常安全自查',
          kind: 'self_inspection',
          frequency: 'weekly',
          startsOn: `${zoneDate(this.clock.now(), this.config.TZ).slice(0, 4)}-01-01`,
          checklist: [
            { text: '岗位人员劳保用品穿戴齐全', category: 'occupational_health' },
            { text: '设备运行参数在工艺指标范围内', category: 'machinery' },
            { text: '配电箱柜完好、接地可靠', category: 'electrical' },
            { text: '消防器材在位有效', category: 'fire' },
          ],
        }),
      );
    }
  }

  private async principal(email: string): Promise<Principal | null> {
    const u = await this.users.findForLogin(email);
    return u ? { id: u.id, email: u.email, name: u.name, role: u.role, enterpriseId: u.enterpriseId } : null;
  }
}
