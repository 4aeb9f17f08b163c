import { Injectable } from '@nestjs/common';
import type { ArticleKind } from '@muster/contracts';
import { type Principal, RequestContext } from '../common/request-context.js';
import { UserRepository } from '../identity/user.repository.js';
import { PortalArticleService } from '../portal/portal-article.service.js';

interface DemoArticle {
  kind: ArticleKind;
  title: string;
  body: string;
  /** Published by the reviewer; otherwise left waiting in the review queue. */
  publish: boolean;
}

/** The plan's 四(四): the zone publishes safety information and knowledge on its portal. */
const ARTICLES: DemoArticle[] = [
  {
    kind: 'notice',
    publish: true,
    title: '关于印发杜集经济开发区年度安全生产工作方案的通知',
    body: `园区各企业、相关单位：

为切实保障杜集经济开发区安全生产工作有序开展，有效防范和遏制各类生产安全事故，管委会制定了年度安全生产工作方案，现予印发，请结合实际认真贯彻落实。

工作目标：杜绝重特大生产安全事故，遏制较大生产安全事故，减少一般生产安全事故；重大安全隐患整改率达到100%。

各企业要严格落实安全生产主体责任，法定代表人、实际控制人是安全生产第一责任人；要结合自身实际制定具体实施方案，明确工作目标、工作任务和工作措施。

杜集经济开发区管理委员会`,
  },
  {
    kind: 'notice',
    publish: true,
    title: '关于开展冬季危险化学品企业安全隐患排查治理专项行动的通知',
    body: `园区各危险化学品生产、储存、使用企业：

进入冬季，低温、大风、雨雪天气增多，危险化学品装置防冻防凝、动火作业和受限空间作业风险上升。管委会决定自即日起开展为期一个月的隐患排查治理专项行动。

一、企业自查。各企业对照隐患排查计划，全面排查重大危险源、防冻防凝、消防设施和应急物资，建立隐患排查治理台账，按照“整改措施、责任、资金、时限、预案”五落实要求整改。

二、监督抽查。管委会安监人员将对企业自查和整改情况进行抽查，对重大隐患实行挂牌督办，整改到位、验收合格后销号。

咨询电话：0561-3112345（管委会安全生产监督管理办公室）`,
  },
  {
    kind: 'notice',
    publish: false,
    title: '关于组织开展园区综合应急演练的通知',
    body: `园区各企业：

为检验园区应急预案的可操作性，提高应急处置能力，管委会拟于下月组织开展一次危险化学品泄漏综合应急演练，请各企业做好参演准备，具体安排另行通知。`,
  },
  {
    kind: 'knowledge',
    publish: true,
    title: '有限空间作业“先通风、再检测、后作业”',
    body: `有限空间是指封闭或部分封闭、进出口受限但人员可以进入，未被设计为固定工作场所，通风不良，易造成有毒有害、易燃易爆物质积聚或者氧含量不足的空间，如储罐、反应釜、地下管沟和污水池。

作业前必须严格执行“先通风、再检测、后作业”的原则，检测氧含量、可燃气体和有毒气体浓度，合格后方可进入；作业过程中应持续通风和监测。

作业现场必须设置监护人员，配备呼吸防护用品、安全带和救援绳索。一旦发生意外，严禁盲目施救，应立即报警并在做好个人防护的前提下实施救援。`,
  },
  {
    kind: 'knowledge',
    publish: true,
    title: '闻到刺激性气味怎么办——化工园区周边群众避险常识',
    body: `如闻到明显的刺激性气味或收到园区预警短信，请保持冷静，按照预警提示行动。

就地避险时：立即进入室内，关闭门窗，关闭空调、排风扇等通风设备，用湿毛巾捂住口鼻，听候进一步通知。

需要撤离时：按照指引向上风向或侧风向撤离，避开下风向和低洼地带，到达指定集合点后向工作人员报到。

请勿围观、请勿驾车进入警戒区域，以免影响救援。发现险情请立即拨打119或110报警。`,
  },
  {
    kind: 'knowledge',
    publish: true,
    title: '动火作业安全要点',
    body: `动火作业必须办理动火安全作业票，按照作业级别履行审批手续，做到“票证不全不动火、防护措施不落实不动火、监护人不在现场不动火”。

动火前应清除作业点周围的易燃物，对可能泄漏可燃物料的设备和管道进行隔离、置换和分析，分析合格后方可动火。

动火过程中要配备灭火器材，安排专人监护；作业结束后应检查现场，确认无遗留火种后方可离开。`,
  },
];

/** Notices and knowledge articles as the zone would have them: written, reviewed, published. */
@Injectable()
export class PortalDemoSeeder {
  constructor(
    private readonly context: RequestContext,
    private readonly users: UserRepository,
    private readonly articles: PortalArticleService,
  ) {}

  async seed(): Promise<number> {
    const author = await this.principal('inspector@muster.test');
    const reviewer = await this.principal('admin@muster.test');
    if (!author || !reviewer) return 0;
    const existing = new Set(
      (
        await this.context.run({ principal: author }, () => this.articles.list({ page: 1, pageSize: 500 }))
      ).items.map((a) => a.title),
    );
    let created = 0;
    for (const a of ARTICLES) {
      if (existing.has(a.title)) continue;
      const { id } = await this.context.run({ principal: author }, async () => {
        const draft = await this.articles.create({ kind: a.kind, title: a.title, body: a.body });
        return this.articles.submit(draft.id);
      });
      if (a.publish) await this.context.run({ principal: reviewer }, () => this.articles.approve(id, {}));
      created++;
    }
    return created;
  }

  private async principal(email: string): Promise<Principal | null> {
    const u = await this.users.findForLogin(email);
    return u ? { id: u.id, email: u.email, name: u.name, role: u.role, enterpriseId: u.enterpriseId } : null;
  }
}
