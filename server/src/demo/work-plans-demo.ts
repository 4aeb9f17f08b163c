import { Inject, Injectable } from '@nestjs/common';
import {
  type ProgressStatus,
  QUARTERS,
  type Quarter,
  ZONE_WORK_PLAN_SECTIONS,
  quarterDueOn,
  quarterEndOn,
} from '@muster/contracts';
import { Clock } from '../common/clock.js';
import { type Principal, RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { UserRepository } from '../identity/user.repository.js';
import { WorkPlanService } from '../work-plans/work-plan.service.js';
import type { PlanContentDto } from '../work-plans/work-plan.dto.js';
import { zoneDate } from '../zone/zone-time.js';

interface DemoTask {
  measures: string;
  /** Who answers for it, by the post the demo directory gives them. */
  post: string;
  deadline: string;
}

/** The fine-chemicals plant's plan (龙山精细化工): approved, with its quarterly reports. */
const FINECHEM: { goals: string; tasks: Record<string, DemoTask>; extra: DemoTask & { heading: string } } = {
  goals:
    '全年杜绝较大及以上生产安全事故，一般事故起数较上年下降；重大事故隐患整改率 100%，一般隐患整改率 98% 以上；液氯钢瓶储存库等重大危险源在线监测完好率 100%；全员安全培训覆盖率 100%。',
  tasks: {
    'responsibility-system': {
      measures:
        '修订全员安全生产责任制，法定代表人与各部门、各车间签订责任书，车间与班组、班组与岗位员工逐级签订，6 月底前覆盖全部 126 名员工。',
      post: '法定代表人（主要负责人）',
      deadline: '06-30',
    },
    'hazard-plan': {
      measures:
        '制定年度隐患排查计划：公司级每月一次综合检查，车间每周一次专项检查，班组每班巡检；节假日前全面排查。',
      post: '安全负责人',
      deadline: '02-28',
    },
    'hazard-ledger': {
      measures:
        '在园区系统登记全部隐患，按“五落实”逐项明确整改措施、责任人、资金、时限和预案，每月 5 日前更新台账。',
      post: '安全负责人',
      deadline: '12-31',
    },
    'hazard-closure': {
      measures: '整改完成由安全部组织验收，验收合格后销号；重大隐患整改后报园区复查。',
      post: '安全负责人',
      deadline: '12-31',
    },
    'technology-equipment': {
      measures: '液氯钢瓶库增设 2 台氯气泄漏检测报警仪并接入园区监测平台，汽化器出口压力联锁改造。',
      post: '生产值班长',
      deadline: '09-30',
    },
    'culture-education': {
      measures: '开展新员工三级安全教育和年度再培训，6 月安全生产月组织液氯泄漏应急演练和安全知识竞赛。',
      post: '安全负责人',
      deadline: '11-30',
    },
    'culture-model': {
      measures: '建立班组安全活动日制度，评选安全标兵，申报园区安全文化示范企业。',
      post: '法定代表人（主要负责人）',
      deadline: '12-15',
    },
  },
  extra: {
    heading: '液氯钢瓶库泄漏专项治理',
    measures: '更换老化钢瓶阀门 40 只，完善碱液吸收装置，每月开展一次泄漏检测。',
    post: '生产值班长',
    deadline: '08-31',
  },
};

const SAFEGUARDS = {
  funds: '按财资〔2022〕136号规定足额提取安全生产费用，专户核算，优先保障隐患整改和监测设备投入。',
  organisation:
    '成立以总经理为组长的安全生产委员会，安全部配备 3 名专职安全管理人员，其中注册安全工程师 1 名。',
  oversight: '每季度对各车间安全生产目标完成情况考核，结果与绩效工资和评先评优挂钩。',
};

/** How far each task of the fine-chemicals plan had come at each quarter's report. */
const PROGRESS: Record<1 | 2 | 3, [ProgressStatus, number, string?][]> = {
  1: [
    ['in_progress', 40],
    ['done', 100],
    ['in_progress', 25],
    ['in_progress', 25],
    ['not_started', 0],
    ['in_progress', 20],
    ['not_started', 0],
    ['in_progress', 20],
  ],
  2: [
    ['done', 100],
    ['done', 100],
    ['in_progress', 50],
    ['in_progress', 50],
    ['in_progress', 30],
    ['in_progress', 60],
    ['in_progress', 30],
    ['in_progress', 60],
  ],
  3: [
    ['done', 100],
    ['done', 100],
    ['in_progress', 75],
    ['in_progress', 75],
    ['delayed', 60, '联锁改造所需的防爆阀门供货推迟至 10 月'],
    ['in_progress', 85],
    ['in_progress', 50],
    ['done', 100],
  ],
};

const OFFICER_FINECHEM = 'officer2@muster.test';
const OFFICER_COALCHEM = 'officer1@muster.test';

/**
 * The current year's template drawn from the zone's work plan, published with the plans due at
 * the end of March; the fine-chemicals plant's plan approved, with its quarters reported (the
 * third late, one task delayed); the coal chemicals plant's plan returned with the inspector's
 * comments. The steps run through the services (validated, audited, notified) and their dates are
 * then moved to when they would have happened.
 */
@Injectable()
export class WorkPlansDemoSeeder {
  constructor(
    private readonly db: Db,
    private readonly context: RequestContext,
    private readonly users: UserRepository,
    private readonly plans: WorkPlanService,
    private readonly contacts: ContactService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(): Promise<boolean> {
    const tz = this.config.TZ;
    const today = zoneDate(this.clock.now(), tz);
    const year = Number(today.slice(0, 4));
    const [admin, inspector, finechem, coalchem] = await Promise.all(
      ['admin@muster.test', 'inspector@muster.test', OFFICER_FINECHEM, OFFICER_COALCHEM].map((e) =>
        this.principal(e),
      ),
    );
    if (!admin || !inspector || !finechem || !coalchem) return false;
    const as = <T>(p: Principal, fn: () => Promise<T>) => this.context.run({ principal: p }, fn);
    const exists: unknown[] = await this.db.manager.query(
      `SELECT 1 FROM work_plan_template WHERE year = $1`,
      [year],
    );
    if (exists.length) return false;

    const template = await as(admin, () =>
      this.plans.createTemplate({
        year,
        title: `${year}年度企业安全生产工作实施方案模板`,
        submissionDeadline: `${year}-03-31`,
        sections: ZONE_WORK_PLAN_SECTIONS,
      }),
    );
    await as(admin, () => this.plans.publishTemplate(template.id));
    await this.moveTo(
      `UPDATE work_plan_template SET published_at = $2::timestamptz WHERE id = $1`,
      template.id,
      `${year}-02-20T09:00`,
    );

    // The fine-chemicals plant: submitted in March, approved, then reported on each quarter due.
    const approved = await as(finechem, async () => {
      const plan = await this.plans.start(year);
      await this.plans.save(plan.id, await this.content(year, FINECHEM.tasks, FINECHEM.extra));
      await this.plans.submit(plan.id);
      return plan.id;
    });
    await as(inspector, () => this.plans.approve(approved, { comment: '同意。请按季度报送重点任务进展。' }));
    await this.moveTo(
      `UPDATE work_plan SET first_submitted_at = $2::timestamptz, submitted_at = $2::timestamptz, approved_at = $2::timestamptz + interval '7 days',
              created_at = $2::timestamptz - interval '5 days', updated_at = $2::timestamptz + interval '7 days' WHERE id = $1`,
      approved,
      `${year}-03-18T10:00`,
    );
    await this.moveTo(
      `UPDATE work_plan_version SET submitted_at = $2::timestamptz, late = false, reviewed_at = $2::timestamptz + interval '7 days'
        WHERE plan_id = $1`,
      approved,
      `${year}-03-18T10:00`,
    );
    const approvedOn = zoneDate(new Date((await this.plans.get(approved)).approvedAt!), tz);
    // The third quarter's came four days late; the fourth is due in January.
    const reportedOn: Partial<Record<Quarter, string>> = { 1: '04-08', 2: '07-09', 3: '10-14' };
    for (const q of QUARTERS) {
      const on = reportedOn[q];
      if (!on || quarterDueOn(year, q) >= today || approvedOn > quarterEndOn(year, q)) continue;
      const plan = await this.plans.get(approved);
      await as(finechem, () =>
        this.plans.report(approved, {
          quarter: q,
          note: q === 3 ? '三季度受防爆阀门供货影响，联锁改造滞后，已调整为 11 月完成。' : '',
          entries: plan.content.tasks.map((t, i) => {
            const [status, percent, reason] = PROGRESS[q as 1 | 2 | 3][i] ?? ['in_progress', 50];
            return { taskKey: t.key, status, percent, ...(reason ? { reason } : {}) };
          }),
        }),
      );
      await this.moveTo(
        `UPDATE work_plan_report SET first_submitted_at = $2::timestamptz, submitted_at = $2::timestamptz WHERE plan_id = $1 AND quarter = ${q}`,
        approved,
        `${year}-${on}T16:00`,
      );
    }

    // The coal chemicals plant: submitted at the end of March, returned with comments.
    const returned = await as(coalchem, async () => {
      const plan = await this.plans.start(year);
      const content = await this.content(year, FINECHEM.tasks, null);
      content.sections = content.sections.map((s) =>
        s.key === 'goals' ? { ...s, text: '全年不发生生产安全事故，隐患及时整改。' } : s,
      );
      content.tasks = content.tasks.map((t) =>
        t.key === 'hazard-plan' ? { ...t, measures: '定期开展隐患排查。' } : t,
      );
      await this.plans.save(plan.id, content);
      await this.plans.submit(plan.id);
      return plan.id;
    });
    await as(inspector, () =>
      this.plans.return(returned, {
        comment: '请对照园区工作方案补充量化目标和具体措施后重新报送。',
        sectionComments: [
          { sectionKey: 'goals', comment: '目标过于笼统，请明确重大隐患整改率、培训覆盖率等量化指标。' },
          {
            sectionKey: 'hazards',
            comment: '隐患排查计划未明确排查的时间、范围、内容和方式，请按煤气化、合成氨装置分别细化。',
          },
        ],
      }),
    );
    await this.moveTo(
      `UPDATE work_plan SET first_submitted_at = $2::timestamptz, submitted_at = $2::timestamptz, created_at = $2::timestamptz - interval '3 days',
              updated_at = $2::timestamptz + interval '5 days' WHERE id = $1`,
      returned,
      `${year}-03-28T11:00`,
    );
    await this.moveTo(
      `UPDATE work_plan_version SET submitted_at = $2::timestamptz, late = false, reviewed_at = $2::timestamptz + interval '5 days'
        WHERE plan_id = $1`,
      returned,
      `${year}-03-28T11:00`,
    );
    return true;
  }

  /**
   * Moves a record's dates to a zone-local moment (a week after it, for a review), unless that
   * would be still to come: a zone started early in the year keeps what it seeded as of now.
   */
  private async moveTo(sql: string, id: string, local: string): Promise<void> {
    const at = new Date(`${local}:00+08:00`);
    if (at.getTime() + 7 * 86_400_000 >= this.clock.now().getTime()) return;
    await this.db.manager.query(sql, [id, at]);
  }

  /** A plan's content with each task given to the person of the officer's enterprise in that post. */
  private async content(
    year: number,
    tasks: Record<string, DemoTask>,
    extra: (DemoTask & { heading: string }) | null,
  ): Promise<PlanContentDto> {
    const people = (await this.contacts.list({ page: 1, pageSize: 200 })).items;
    const byPost = (post: string) => (people.find((c) => c.post === post) ?? people[0])?.id ?? null;
    return {
      sections: [
        { key: 'goals', text: FINECHEM.goals },
        ...Object.entries(SAFEGUARDS).map(([key, text]) => ({ key, text })),
      ],
      tasks: [
        ...ZONE_WORK_PLAN_SECTIONS.flatMap((s) =>
          s.tasks.map((t) => ({
            key: t.key,
            sectionKey: s.key,
            measures: tasks[t.key]!.measures,
            responsibleContactId: byPost(tasks[t.key]!.post),
            deadline: `${year}-${tasks[t.key]!.deadline}`,
          })),
        ),
        ...(extra
          ? [
              {
                sectionKey: 'hazards',
                heading: extra.heading,
                measures: extra.measures,
                responsibleContactId: byPost(extra.post),
                deadline: `${year}-${extra.deadline}`,
              },
            ]
          : []),
      ],
    };
  }

  private async principal(email: string): Promise<Principal | null> {
    const u = await this.users.findForLogin(email);
    return u ? { id: u.id, email: u.email, name: u.name, role: u.role, enterpriseId: u.enterpriseId } : null;
  }
}
