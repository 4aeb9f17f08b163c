import { DataSource, type DataSourceOptions } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Contact } from '../directory/contact.entity.js';
import { Rotation, RotationMember, RotationOverride } from '../directory/rotation.entity.js';
import { Team, TeamMember } from '../directory/team.entity.js';
import { Resource } from '../resources/resource.entity.js';
import { Foundation1764300000000 } from './migrations/1764300000000-foundation.js';
import { Directory1764400000010 } from './migrations/1764400000010-directory.js';
import { Resources1764400000020 } from './migrations/1764400000020-resources.js';
import { Incidents1764700000000 } from './migrations/1764700000000-incidents.js';
import { Callouts1764800000000 } from './migrations/1764800000000-callouts.js';
import { NotificationSms1764850000000 } from './migrations/1764850000000-notification-sms.js';
import { InspectionSchedule1764850000010 } from './migrations/1764850000010-inspection-schedule.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { Callout, CalloutDelivery, CalloutRecipient } from '../callouts/callout.entities.js';
import { Hazards1764600000001 } from './migrations/1764600000001-hazards.js';
import { Hazard, HazardTransition } from '../hazards/hazard.entity.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { InspectionPlan, InspectionRecord } from '../inspections/inspection.entity.js';
import { Plans1764500000001 } from './migrations/1764500000001-plans.js';
import { EscalationPolicies1764500000002 } from './migrations/1764500000002-escalation-policies.js';
import { DisposalCard } from '../plans/disposal-card.entity.js';
import {
  EscalationPolicy,
  EscalationTier,
  EscalationTierContact,
  EscalationTierTeam,
} from '../plans/escalation-policy.entity.js';
import { PlanLevel } from '../plans/plan-level.entity.js';
import { PlanVersion } from '../plans/plan-version.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { ResponsibilityEntryRow } from '../plans/responsibility-entry.entity.js';
import { Incident, IncidentReport } from '../incidents/incident.entity.js';
import { IncidentChainAct } from '../incidents/reporting-chain.entity.js';
import { RoomEvent } from '../room-log/room-event.entity.js';
import { Dispatch, MapFeature, RoomTask } from '../rooms/room.entities.js';
import { DRILL_ENTITIES } from '../drills/drill.entities.js';
import { ROLL_CALL_ENTITIES } from '../rollcall/rollcall.entities.js';
import { RollCall1765430000000 } from './migrations/1765430000000-roll-call.js';
import { Installation } from '../installations/installation.entity.js';
import { MONITORING_ENTITIES } from '../monitoring/monitoring.entities.js';
import { ASSESSMENT_ENTITIES } from '../assessments/assessment.entities.js';
import { Assessments1765540000000 } from './migrations/1765540000000-assessments.js';
import { AssessmentDepartments1765630000000 } from './migrations/1765630000000-assessment-departments.js';
import { SpotChecksAndAccountability1765610000000 } from './migrations/1765610000000-spot-checks-and-accountability.js';
import { InstallationsMonitoring1765460000000 } from './migrations/1765460000000-installations-monitoring.js';
import { AlarmHazards1765510000000 } from './migrations/1765510000000-alarm-hazards.js';
import { Gb18218TableCodes1765520000000 } from './migrations/1765520000000-gb18218-table-codes.js';
import { Drills1764900000000 } from './migrations/1764900000000-drills.js';
import { DurableJobs1765000000000 } from './migrations/1765000000000-durable-jobs.js';
import { TokenVersion1765000000100 } from './migrations/1765000000100-token-version.js';
import { LevelActivation1765100000100 } from './migrations/1765100000100-level-activation.js';
import { LevelActivationRow } from '../response/level-activation.entity.js';
import { ResourceDispatch1765100000200 } from './migrations/1765100000200-resource-dispatch.js';
import { DutyAlerting1765200000000 } from './migrations/1765200000000-duty-alerting.js';
import { ReportingChain1765200000100 } from './migrations/1765200000100-reporting-chain.js';
import { IncidentReportForms1765200000200 } from './migrations/1765200000200-incident-report-forms.js';
import { ReminderLedger1765200000300 } from './migrations/1765200000300-reminder-ledger.js';
import { NotificationKinds1765200000400 } from './migrations/1765200000400-notification-kinds.js';
import { ConsoleAnswers1765200000500 } from './migrations/1765200000500-console-answers.js';
import { DrillDuties1765300000000 } from './migrations/1765300000000-drill-duties.js';
import { DrillPlan1765300000001 } from './migrations/1765300000001-drill-plan.js';
import { PlanEvaluationAndFiling1765300000100 } from './migrations/1765300000100-plan-evaluation-and-filing.js';
import { PlanPaperwork1765300000110 } from './migrations/1765300000110-plan-paperwork.js';
import { MajorHazardClosing1765300000200 } from './migrations/1765300000200-major-hazard-closing.js';
import { ConsequenceRuns1765410000000 } from './migrations/1765410000000-consequence-runs.js';
import { ConsequenceRun } from '../consequences/consequence-run.entity.js';
import { ResponderLocatedAt1765440000000 } from './migrations/1765440000000-responder-located-at.js';
import { RiskRegister1765450000000 } from './migrations/1765450000000-risk-register.js';
import { RISK_ENTITIES } from '../risks/risk.entities.js';
import { SensitiveTargetsAndWarnings1765420000000 } from './migrations/1765420000000-sensitive-targets-and-warnings.js';
import { SensitiveTarget } from '../sensitive-targets/sensitive-target.entity.js';
import { Warning } from '../warnings/warning.entity.js';
import { DeliveryProvider1765400000000 } from './migrations/1765400000000-delivery-provider.js';
import { NotificationPreference } from '../notifications/notification-preference.entity.js';
import { DutyAlert, DutyPolicy } from '../duty/duty.entities.js';

/** Listed explicitly rather than globbed: the build is ESM and globs would load .d.ts/.map files. */
import { TRAINING_ENTITIES } from '../training/training.entities.js';
import { SPOT_CHECK_ENTITIES } from '../spot-checks/spot-check.entities.js';
import { ACCOUNTABILITY_ENTITIES } from '../accountability/accountability.entity.js';
import { SAFETY_FUND_ENTITIES } from '../safety-funds/safety-fund.entities.js';
import { TrainingAndSafetyFunds1765550000000 } from './migrations/1765550000000-training-and-safety-funds.js';
import { CULTURE_ENTITIES } from '../culture/culture.entities.js';
import { Culture1765640000000 } from './migrations/1765640000000-culture.js';
import { PortalArticle } from '../portal/portal-article.entity.js';
import { PortalArticles1765620000000 } from './migrations/1765620000000-portal-articles.js';
import { WORK_PLAN_ENTITIES } from '../work-plans/work-plan.entities.js';
import { WorkPlans1765670000000 } from './migrations/1765670000000-work-plans.js';
import { UnreadCount1765700000000 } from './migrations/1765700000000-unread-count.js';
import { RoomForUpdates1765710000000 } from './migrations/1765710000000-room-for-updates.js';
import { ReceiptSid1765720000000 } from './migrations/1765720000000-receipt-sid.js';

import { ENFORCEMENT_ENTITIES } from '../enforcement/enforcement.entities.js';
import { Enforcement1765600000000 } from './migrations/1765600000000-enforcement.js';
import { ORGANISATION_ENTITIES } from '../organisation/organisation.entities.js';
import { Organisation1765650000000 } from './migrations/1765650000000-organisation.js';
import { RESPONSIBILITY_STATEMENT_ENTITIES } from '../responsibility-statements/responsibility-statements.entities.js';
import { ResponsibilityStatements1765660000000 } from './migrations/1765660000000-responsibility-statements.js';

export const ENTITIES = [
  PortalArticle,
  ...ENFORCEMENT_ENTITIES,
  ...TRAINING_ENTITIES,
  ...RESPONSIBILITY_STATEMENT_ENTITIES,
  ...SAFETY_FUND_ENTITIES,
  ...CULTURE_ENTITIES,
  ...WORK_PLAN_ENTITIES,
  ...ORGANISATION_ENTITIES,
  ...DRILL_ENTITIES,
  ...RISK_ENTITIES,
  ...ROLL_CALL_ENTITIES,
  Installation,
  ...MONITORING_ENTITIES,
  ...ASSESSMENT_ENTITIES,
  ...SPOT_CHECK_ENTITIES,
  ...ACCOUNTABILITY_ENTITIES,
  Callout,
  CalloutRecipient,
  CalloutDelivery,
  Hazard,
  ConsequenceRun,
  HazardTransition,
  StoredFile,
  Notification,
  NotificationPreference,
  InspectionPlan,
  InspectionRecord,
  Incident,
  IncidentReport,
  IncidentChainAct,
  RoomEvent,
  RoomTask,
  MapFeature,
  Dispatch,
  Enterprise,
  User,
  AuditEntry,
  Contact,
  Team,
  TeamMember,
  Rotation,
  RotationMember,
  RotationOverride,
  Resource,
  SensitiveTarget,
  Warning,
  Plan,
  PlanVersion,
  PlanLevel,
  DisposalCard,
  ResponsibilityEntryRow,
  EscalationPolicy,
  EscalationTier,
  EscalationTierContact,
  EscalationTierTeam,
  LevelActivationRow,
  DutyPolicy,
  DutyAlert,
];
export const MIGRATIONS = [
  Foundation1764300000000,
  Directory1764400000010,
  Resources1764400000020,
  Plans1764500000001,
  EscalationPolicies1764500000002,
  Hazards1764600000001,
  Incidents1764700000000,
  Callouts1764800000000,
  NotificationSms1764850000000,
  InspectionSchedule1764850000010,
  Drills1764900000000,
  DurableJobs1765000000000,
  TokenVersion1765000000100,
  LevelActivation1765100000100,
  ResourceDispatch1765100000200,
  DutyAlerting1765200000000,
  ReportingChain1765200000100,
  IncidentReportForms1765200000200,
  ReminderLedger1765200000300,
  NotificationKinds1765200000400,
  ConsoleAnswers1765200000500,
  DrillDuties1765300000000,
  DrillPlan1765300000001,
  PlanEvaluationAndFiling1765300000100,
  PlanPaperwork1765300000110,
  MajorHazardClosing1765300000200,
  ConsequenceRuns1765410000000,
  ResponderLocatedAt1765440000000,
  RiskRegister1765450000000,
  RollCall1765430000000,
  SensitiveTargetsAndWarnings1765420000000,
  InstallationsMonitoring1765460000000,
  DeliveryProvider1765400000000,
  AlarmHazards1765510000000,
  Gb18218TableCodes1765520000000,
  TrainingAndSafetyFunds1765550000000,
  ResponsibilityStatements1765660000000,
  Assessments1765540000000,
  AssessmentDepartments1765630000000,
  Culture1765640000000,
  PortalArticles1765620000000,
  SpotChecksAndAccountability1765610000000,
  WorkPlans1765670000000,
  Enforcement1765600000000,
  Organisation1765650000000,
  UnreadCount1765700000000,
  RoomForUpdates1765710000000,
  ReceiptSid1765720000000,
];

export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    extra: { max: 20, application_name: 'muster' },
  };
}

export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}
