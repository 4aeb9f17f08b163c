import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ContactService } from '../directory/contact.service.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { DutyRecordService } from '../responsibility-statements/duty-record.service.js';
import { StatementRepository } from '../responsibility-statements/responsibility-statements.repository.js';
import { StatementService } from '../responsibility-statements/statement.service.js';
import { zoneDate } from '../zone/zone-time.js';

/** Who holds each post of the demo lists (by the post's department and name), and who has signed. */
interface DemoPost {
  unit: string;
  post: string;
  holders: string[];
  /** Holders who signed version 1. */
  signed: string[];
  /** A second version was published after they signed: they stand on the older one. */
  revised?: boolean;
}

const CLAUSES = [
  '严格遵守《安全生产法》和公司安全生产规章制度，对本岗位安全生产工作负责',
  '按时参加安全教育培训和应急演练，掌握本岗位风险和应急处置措施',
  '发现事故隐患或不安全因素立即处理或报告，不违章指挥、不违章作业',
  '未履行本责任书规定职责的，按公司安全生产奖惩制度考核',
];
const TARGETS = ['全年无生产安全责任事故', '重大事故隐患整改率100%', '岗位人员持证上岗率100%'];

const DEMO: Record<string, { actualController: string | null; posts: DemoPost[] }> = {
  coalchem: {
    actualController: null, // the legal representative is also the actual controller
    posts: [
      { unit: '公司领导', post: '法定代表人（第一责任人）', holders: ['王建国'], signed: ['王建国'] },
      { unit: '公司领导', post: '安全负责人', holders: ['李志强'], signed: ['李志强'] },
      { unit: '安全环保部', post: '部长', holders: ['李志强'], signed: [] },
      {
        unit: '气化车间',
        post: '岗位操作工',
        holders: ['范志勇', '雷鸣'],
        signed: ['范志勇'],
        revised: true,
      },
    ],
  },
  finechem: {
    actualController: '陈志刚',
    posts: [
      { unit: '公司领导', post: '法定代表人（第一责任人）', holders: ['陈海峰'], signed: ['陈海峰'] },
      { unit: '公司领导', post: '安全负责人', holders: ['赵立新'], signed: [] },
      { unit: '液氯汽化工段', post: '岗位操作工', holders: ['汪海', '孟凡'], signed: ['孟凡'] },
    ],
  },
};

/**
 * Posts, holders and statements of the two chemical enterprises (their lists come with the demo
 * plans): some holders signed, some not yet, one post revised after its holders signed, some
 * posts without a holder and some people without a post. Statements are entered as published
 * before the demo started, so nobody is texted at seeding.
 */
@Injectable()
export class ResponsibilityStatementsDemoSeeder {
  constructor(
    private readonly statements: StatementService,
    private readonly repository: StatementRepository,
    private readonly dutyRecords: DutyRecordService,
    private readonly contacts: ContactService,
    private readonly enterprises: EnterpriseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Must run as the system, after the directory and the plans. Returns the posts given holders. */
  async seed(enterpriseIds: Map<string, string>): Promise<number> {
    let seeded = 0;
    const year = Number(zoneDate(new Date(), this.config.TZ).slice(0, 4));
    for (const [key, demo] of Object.entries(DEMO)) {
      const enterpriseId = enterpriseIds.get(key);
      if (!enterpriseId) continue;
      const view = await this.statements.enterprisePosts(enterpriseId);
      if (view.posts.some((p) => p.holders.length > 0 || p.currentVersion !== null)) continue;
      if (view.firstResponsible.actualController === null) {
        await this.enterprises.update(enterpriseId, {
          actualController: demo.actualController ?? view.firstResponsible.legalRepresentative,
        });
      }
      const people = await this.contacts.ofEnterprises([enterpriseId]);
      const person = (name: string) => people.find((c) => c.name === name)!;
      for (const d of demo.posts) {
        const post = view.posts.find((p) => p.unit === d.unit && p.name === d.post && p.inList);
        if (!post) continue;
        await this.statements.setHolders(post.id, { contactIds: d.holders.map((n) => person(n).id) });
        const v1 = await this.statements.publish(
          post.id,
          { year, clauses: CLAUSES, targets: TARGETS },
          { askHolders: false },
        );
        const tokens = new Map(
          (await this.repository.assignmentsOf([post.id])).map((a) => [a.contactId, a.signToken]),
        );
        for (const name of d.signed) {
          const c = person(name);
          await this.statements.signByLink(
            tokens.get(c.id)!,
            { versionId: v1.id, name: c.name, phoneLast4: c.phones[0]!.slice(-4) },
            null,
          );
        }
        if (d.revised) {
          await this.statements.publish(
            post.id,
            { year, clauses: [...CLAUSES, '每班开展交接班安全确认，并在交接班记录中签字'], targets: TARGETS },
            { askHolders: false },
          );
        }
        seeded++;
      }
      const safety = view.posts.find((p) => p.unit === '公司领导' && p.name === '安全负责人');
      if (safety && key === 'coalchem') {
        await this.dutyRecords.create(safety.id, {
          contactId: person('李志强').id,
          doneOn: `${year}-06-18`,
          duty: '组织隐患排查治理和应急演练',
          description: '“安全生产月”期间组织气化车间硫化氢泄漏应急演练，参演42人，发现问题3项已落实整改',
        });
      }
    }
    return seeded;
  }
}
