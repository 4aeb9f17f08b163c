import { Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { UserRepository } from '../identity/user.repository.js';
import { UserService } from '../identity/user.service.js';
import { DEMO_ENTERPRISES, DEMO_PASSWORD, DEMO_USERS, siteOutline } from './demo-data.js';
import { CultureDemoSeeder } from './culture-demo.js';
import { DirectoryDemoSeeder } from './directory-demo.js';
import { DrillsDemoSeeder } from './drills-demo.js';
import { EnforcementDemoSeeder } from './enforcement-demo.js';
import { DutyDemoSeeder } from './duty-demo.js';
import { HazardsDemoSeeder } from './hazards-demo.js';
import { InstallationsDemoSeeder } from './installations-demo.js';
import { OrganisationDemoSeeder } from './organisation-demo.js';
import { PlansDemoSeeder } from './plans-demo.js';
import { PortalDemoSeeder } from './portal-demo.js';
import { ResourcesDemoSeeder } from './resources-demo.js';
import { RisksDemoSeeder } from './risks-demo.js';
import { SafetyFundsDemoSeeder } from './safety-funds-demo.js';
import { SensitiveTargetsDemoSeeder } from './sensitive-targets-demo.js';
import { WorkPlansDemoSeeder } from './work-plans-demo.js';
import { SupervisionDemoSeeder } from './supervision-demo.js';
import { ResponsibilityStatementsDemoSeeder } from './responsibility-statements-demo.js';
import { ReminderScheduler } from '../reminders/reminder-scheduler.js';
import { reminderKeyText } from '../reminders/reminder-ledger.js';

export interface SeedResult {
  enterprisesCreated: number;
  usersCreated: number;
}

/**
 * Creates the demo zone through the same services as the API (so it is validated and audited),
 * skipping what already exists: running it twice changes nothing.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly context: RequestContext,
    private readonly enterpriseService: EnterpriseService,
    private readonly enterprises: EnterpriseRepository,
    private readonly userService: UserService,
    private readonly users: UserRepository,
    private readonly directorySeeder: DirectoryDemoSeeder,
    private readonly resourcesSeeder: ResourcesDemoSeeder,
    private readonly plansSeeder: PlansDemoSeeder,
    private readonly hazardsSeeder: HazardsDemoSeeder,
    private readonly drillsSeeder: DrillsDemoSeeder,
    private readonly dutySeeder: DutyDemoSeeder,
    private readonly risksSeeder: RisksDemoSeeder,
    private readonly sensitiveTargetsSeeder: SensitiveTargetsDemoSeeder,
    private readonly installationsSeeder: InstallationsDemoSeeder,
    private readonly safetyFundsSeeder: SafetyFundsDemoSeeder,
    private readonly cultureSeeder: CultureDemoSeeder,
    private readonly portalSeeder: PortalDemoSeeder,
    private readonly workPlansSeeder: WorkPlansDemoSeeder,
    private readonly enforcementSeeder: EnforcementDemoSeeder,
    private readonly supervisionSeeder: SupervisionDemoSeeder,
    private readonly organisationSeeder: OrganisationDemoSeeder,
    private readonly statementsSeeder: ResponsibilityStatementsDemoSeeder,
    private readonly reminders: ReminderScheduler,
  ) {}

  seed(): Promise<SeedResult> {
    return this.context.runAsSystem('demo-seed', async () => {
      const result: SeedResult = { enterprisesCreated: 0, usersCreated: 0 };
      // What the zone owed before seeding stays owed: only what the seeding adds is waived below.
      const owedBefore = new Set((await this.reminders.pending()).map(reminderKeyText));
      const ids = new Map<string, string>();
      const [existing] = await this.enterprises.list({ skip: 0, take: 1000 });
      const byCode = new Map(existing.map((e) => [e.creditCode, e]));
      // A zone seeded before size and Art. 35 category were recorded gets them, once.
      const unsized = new Set(existing.filter((e) => e.sizeClass === null).map((e) => e.creditCode));
      for (const e of DEMO_ENTERPRISES) {
        const found = byCode.get(e.creditCode);
        let id = found?.id;
        // A demo zone seeded before the category existed gets it; one the zone has set stays.
        if (found && found.regulatoryCategory === null) {
          await this.enterpriseService.update(found.id, { regulatoryCategory: e.regulatoryCategory });
        }
        if (!id) {
          id = (
            await this.enterpriseService.create({
              name: e.name,
              creditCode: e.creditCode,
              industry: e.industry,
              riskClass: e.riskClass,
              sizeClass: e.sizeClass,
              evaluationCategory: e.evaluationCategory,
              regulatoryCategory: e.regulatoryCategory,
              address: e.address,
              location: { lat: e.lat, lng: e.lng },
              outline: siteOutline(e),
              legalRepresentative: e.legalRepresentative,
              safetyLead: e.safetyLead,
              dutyPhone: e.dutyPhone,
            })
          ).id;
          result.enterprisesCreated++;
        } else if (unsized.has(e.creditCode)) {
          await this.enterpriseService.update(id, {
            sizeClass: e.sizeClass,
            evaluationCategory: e.evaluationCategory,
          });
        }
        ids.set(e.key, id);
      }
      for (const u of DEMO_USERS) {
        if (await this.users.findForLogin(u.email)) continue;
        await this.userService.create({
          email: u.email,
          name: u.name,
          role: u.role,
          enterpriseId: u.enterprise ? ids.get(u.enterprise)! : null,
          password: DEMO_PASSWORD,
        });
        result.usersCreated++;
      }
      const directory = await this.directorySeeder.seed(ids);
      const resourcesCreated = await this.resourcesSeeder.seed(ids);
      // Plans page the demo directory's people, so they come after it.
      const plans = await this.plansSeeder.seed(ids);
      // The posts come from the responsibility lists the plans seeding wrote.
      const statements = await this.statementsSeeder.seed(ids);
      const hazards = await this.hazardsSeeder.seed(ids);
      // Drill scenarios name the plans, teams and people seeded above.
      const drills = await this.drillsSeeder.seed(ids);
      // The duty policy names the directory's duty rotation and teams.
      const dutyPolicy = await this.dutySeeder.seed();
      // Each enterprise's worst risk point has the class recorded above, so deriving it changes nothing.
      const risks = await this.risksSeeder.seed(ids);
      const sensitiveTargets = await this.sensitiveTargetsSeeder.seed();
      const installations = await this.installationsSeeder.seed(ids);
      const fundYears = await this.safetyFundsSeeder.seed(ids);
      // Activities name the directory's people; the application's prerequisites read the hazards.
      const cultureActivities = await this.cultureSeeder.seed(ids);
      const articles = await this.portalSeeder.seed();
      // The implementation plans name the directory's people as responsible for their tasks.
      const workPlans = await this.workPlansSeeder.seed();
      const enforcementCases = await this.enforcementSeeder.seed(ids);
      // The spot check draws from the risk classes and the hazards seeded above.
      const supervision = await this.supervisionSeeder.seed();
      // The leading group names the directory's people of the zone; the safety offices, each enterprise's.
      const organisation = await this.organisationSeeder.seed(ids);
      // The demo records are entered back-dated: hazards long overdue, drills never held,
      // certificates and resources past their dates. A fresh start would otherwise text dozens
      // of people about them at once, with nothing in the log to say why; their reminders are
      // recorded as settled (audited). What comes due later goes out as usual.
      const waived = await this.reminders.waiveOwed(
        'demo zone entered back-dated',
        (r) => !owedBefore.has(reminderKeyText(r)),
      );
      this.logger.log(
        `Demo data: ${result.enterprisesCreated} enterprises and ${result.usersCreated} users created`,
      );
      this.logger.log(
        `Demo directory: ${directory.contactsCreated} contacts, ${directory.teamsCreated} teams, ` +
          `${directory.rotationsCreated} rotations, ${resourcesCreated} resources created`,
      );
      this.logger.log(`Demo major hazard installations: ${installations} created`);
      this.logger.log(`Demo safety culture: ${cultureActivities} publicity activities created`);
      this.logger.log(
        `Demo supervision: ${supervision.spotChecks} spot checks drawn, ${supervision.records} accountability records`,
      );
      this.logger.log(
        `Demo plans: ${plans.plansCreated} plans and ${plans.policiesCreated} policies created`,
      );
      this.logger.log(
        `Demo hazard ledger: ${hazards.hazardsCreated} hazards created; ` +
          `${waived} deadline reminders already owed recorded as settled, not sent`,
      );
      this.logger.log(`Demo drills: ${drills.scenariosCreated} scenarios created`);
      this.logger.log(`Demo duty by post: ${statements} posts given holders and statements`);
      this.logger.log(`Demo risk register: ${risks.pointsCreated} risk points created`);
      this.logger.log(`Demo safety funds: ${fundYears} enterprise-years recorded`);
      if (dutyPolicy) this.logger.log('Demo duty alerting policy created');
      if (workPlans) this.logger.log('Demo implementation plans: this year’s template and two plans created');
      if (enforcementCases) this.logger.log(`Demo enforcement: ${enforcementCases} cases created`);
      this.logger.log(
        `Demo organisation: ${organisation.members} leading group members, ${organisation.meetings} meetings, ` +
          `${organisation.orgs} enterprise safety organisations created`,
      );
      if (sensitiveTargets) this.logger.log(`Demo sensitive targets: ${sensitiveTargets} created`);
      if (articles) this.logger.log(`Demo public notices and knowledge: ${articles} articles created`);
      return result;
    });
  }
}
