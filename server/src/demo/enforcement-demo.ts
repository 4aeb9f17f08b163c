import { Inject, Injectable } from '@nestjs/common';
import { addDays, zoneDate } from '../zone/zone-time.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type Principal, RequestContext } from '../common/request-context.js';
import { Clock } from '../common/clock.js';
import { EnforcementService } from '../enforcement/enforcement.service.js';
import { UserRepository } from '../identity/user.repository.js';

const INSPECTOR = 'inspector@muster.test';
const RECORD = {
  inspectors: '王芳（执法证号 34060003）、孙伟（执法证号 34060005）',
  situation: '检查了生产装置区、罐区和中控室，查阅了安全设备检测检验、隐患排查和教育培训记录。',
};

/**
 * Three enforcement cases at different points of the procedure: an order to rectify running,
 * a penalty decided, and a closed case disclosed on the public pages.
 */
@Injectable()
export class EnforcementDemoSeeder {
  constructor(
    private readonly context: RequestContext,
    private readonly users: UserRepository,
    private readonly enforcement: EnforcementService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(ids: Map<string, string>): Promise<number> {
    const u = await this.users.findForLogin(INSPECTOR);
    if (!u) return 0;
    const inspector: Principal = { id: u.id, email: u.email, name: u.name, role: u.role, enterpriseId: null };
    return this.context.run({ principal: inspector }, async () => {
      if ((await this.enforcement.list({ page: 1, pageSize: 1 })).total > 0) return 0;
      const today = zoneDate(this.clock.now(), this.config.TZ);
      const inspectedAt = new Date(this.clock.now().getTime() - 2 * 3600_000).toISOString();

      const ordered = await this.enforcement.open({
        enterpriseId: ids.get('coalchem')!,
        title: '涉嫌未对安全设备定期检测案',
        violations: [
          {
            facts: '气化车间罐区3台可燃气体检测报警器超过检定周期未检定，其中1台报警功能失效',
            basis: '《中华人民共和国安全生产法》第三十六条第二款',
          },
        ],
      });
      await this.enforcement.issueInspectionRecord(ordered.id, {
        ...RECORD,
        place: '杜集经济开发区凤凰山路88号 气化车间、罐区',
        inspectedAt,
        present: '李志强（安全部经理）',
      });
      await this.enforcement.issueRectificationOrder(ordered.id, {
        requirement: '立即停用失效报警器并设置便携式检测仪监护，更换后送法定计量检定机构检定，建立检定台账。',
        deadline: addDays(today, 10),
      });

      const penalised = await this.enforcement.open({
        enterpriseId: ids.get('finechem')!,
        title: '涉嫌未按规定如实记录安全生产教育培训情况案',
        violations: [
          {
            facts: '未建立安全生产教育和培训档案，2名新入职操作工未经岗前安全培训即上岗作业',
            basis: '《中华人民共和国安全生产法》第二十八条第一款、第四款',
          },
        ],
      });
      await this.enforcement.issueInspectionRecord(penalised.id, {
        ...RECORD,
        place: '杜集经济开发区龙山路16号 合成车间',
        inspectedAt,
        present: '周海峰（安全总监）',
      });
      await this.enforcement.issueFiling(penalised.id, {
        cause: '涉嫌未按规定对从业人员进行安全生产教育和培训',
        summary: '现场检查发现企业未建立培训档案，新入职人员未经培训上岗，违法事实清楚，建议立案调查。',
      });
      await this.enforcement.issuePenaltyNotice(penalised.id, {
        fineYuan: 30000,
        basis: '《中华人民共和国安全生产法》第九十七条第（三）项',
      });
      await this.enforcement.recordStatement(penalised.id, {
        kind: 'statement',
        summary: '当事人称2名人员为试用期员工，已安排补训，请求从轻处罚。',
        review: '经复核，试用期员工同样须经岗前培训合格方可上岗，当事人已积极整改，在法定幅度内酌情处罚。',
      });
      await this.enforcement.issuePenaltyDecision(penalised.id, {
        fineYuan: 30000,
        basis: '《中华人民共和国安全生产法》第九十七条第（三）项',
        reasoning: '当事人违法事实清楚，证据确凿，已责令改正并完成补训，依法作出如下处罚。',
      });

      const closed = await this.enforcement.open({
        enterpriseId: ids.get('materials')!,
        title: '涉嫌安全出口堵塞案',
        violations: [
          {
            facts: '成品仓库东侧安全出口堆放货物，疏散通道宽度不足1米',
            basis: '《中华人民共和国安全生产法》第四十二条第二款',
          },
        ],
      });
      await this.enforcement.issueInspectionRecord(closed.id, {
        ...RECORD,
        place: '杜集经济开发区高岳路201号 成品仓库',
        inspectedAt,
        present: '何敏（仓储主管）',
      });
      await this.enforcement.issueRectificationOrder(closed.id, {
        requirement: '立即清理安全出口和疏散通道堆放的货物，保持畅通。',
        deadline: addDays(today, 3),
      });
      await this.enforcement.issueRecheckOpinion(closed.id, {
        recheckedOn: today,
        passed: true,
        opinion: '经复查，安全出口和疏散通道已清理畅通，整改合格。',
      });
      await this.enforcement.close(closed.id, { execution: '责令限期整改事项已复查合格，案件办结。' });
      await this.enforcement.disclose(closed.id);
      return 3;
    });
  }
}
