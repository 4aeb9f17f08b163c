import { Inject, Injectable } from '@nestjs/common';
import { AccountabilityService } from '../accountability/accountability.service.js';
import { Clock } from '../common/clock.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { UserRepository } from '../identity/user.repository.js';
import { SpotCheckService } from '../spot-checks/spot-check.service.js';
import { addDays, zoneDate } from '../zone/zone-time.js';

/**
 * The zone's supervision in the demo: this quarter's double random spot check of the major and
 * high risk enterprises, drawn and published, and the committee holding the fine chemicals
 * works to account for its overdue major hazard. Seeded once, through the services.
 */
@Injectable()
export class SupervisionDemoSeeder {
  constructor(
    private readonly db: Db,
    private readonly context: RequestContext,
    private readonly users: UserRepository,
    private readonly spotChecks: SpotCheckService,
    private readonly accountability: AccountabilityService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(): Promise<{ spotChecks: number; records: number }> {
    const u = await this.users.findForLogin('admin@muster.test');
    if (!u) return { spotChecks: 0, records: 0 };
    const admin = { id: u.id, email: u.email, name: u.name, role: u.role, enterpriseId: u.enterpriseId };
    return this.context.run({ principal: admin }, async () => ({
      spotChecks: await this.seedSpotCheck(),
      records: await this.seedAccountability(),
    }));
  }

  private async seedSpotCheck(): Promise<number> {
    const [{ n }] = (await this.db.manager.query(`SELECT count(*)::int AS n FROM spot_check_task`)) as {
      n: number;
    }[];
    if (n > 0) return 0;
    const today = zoneDate(this.clock.now(), this.config.TZ);
    const task = await this.spotChecks.create({
      title: '本季度重大、较大风险企业双随机抽查',
      periodStart: today,
      periodEnd: addDays(today, 21),
      enterpriseCount: 3,
      inspectorsPerEnterprise: 1,
      riskClasses: ['major', 'high'],
      excludeCheckedWithinDays: 30,
      checklist: [
        { text: '安全生产责任制和全员安全生产责任清单落实情况', category: 'management' },
        { text: '重大危险源监测监控系统运行和报警处置记录', category: 'hazardous_chemicals' },
        { text: '隐患排查治理台账及重大事故隐患整改情况', category: 'management' },
      ],
    });
    await this.spotChecks.draw(task.id, {});
    await this.spotChecks.publish(task.id);
    return 1;
  }

  private async seedAccountability(): Promise<number> {
    const [{ n }] = (await this.db.manager.query(`SELECT count(*)::int AS n FROM accountability_record`)) as {
      n: number;
    }[];
    if (n > 0) return 0;
    const [hazard] = await this.accountability.findingsOf('hazard');
    if (!hazard) return 0;
    const { candidates } = await this.accountability.candidates('hazard', hazard.id);
    const of = (list: 'enterprise' | 'zone') =>
      candidates.filter((c) => c.list === list).map(({ allDuties: _all, ...p }) => p);
    const today = zoneDate(this.clock.now(), this.config.TZ);
    let made = 0;
    const people = of('enterprise').slice(0, 2);
    if (people.length) {
      const r = await this.accountability.create({
        findingKind: 'hazard',
        findingId: hazard.id,
        about: 'enterprise',
        persons: people,
        facts: `${hazard.title}。企业主要负责人和安全管理负责人未按期组织完成整改，也未采取有效的临时防范措施，未履行隐患排查治理职责。`,
        measure: 'talk',
      });
      await this.accountability.decide(r.id, { decidedOn: today, dueOn: addDays(today, 10) });
      made++;
    }
    const zone = of('zone').slice(0, 1);
    if (zone.length) {
      await this.accountability.create({
        findingKind: 'hazard',
        findingId: hazard.id,
        about: 'zone',
        persons: zone,
        facts: `${hazard.title}。挂牌督办后未按期组织复查验收，督办不到位。`,
        measure: 'written_criticism',
      });
      made++;
    }
    return made;
  }
}
