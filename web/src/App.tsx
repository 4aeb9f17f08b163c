import { createBrowserRouter, Navigate } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AuditPage } from './admin/AuditPage';
import { AssessmentsPage } from './assessments/AssessmentsPage';
import { SheetPage } from './assessments/SheetPage';
import { CockpitPage } from './cockpit/CockpitPage';
import { AccountabilityPage, AccountabilityRecordPage } from './accountability/AccountabilityPages';
import { SpotCheckTaskPage, SpotCheckTasksPage } from './spot-checks/SpotCheckPages';
import { QueuesPage } from './admin/QueuesPage';
import { UsersPage } from './admin/UsersPage';
import { LandingRedirect, RequirePage, RequireSession } from './auth/guards';
import { IncidentListPage } from './incidents/IncidentListPage';
import { IncidentRoomPage } from './incidents/IncidentRoomPage';
import { ActivityLogPrintPage, SummaryPrintPage } from './incidents/PrintPages';
import { ReportIncidentPage } from './incidents/ReportIncidentPage';
import { AppLayout } from './layout/AppLayout';
import { CardsPrintPage } from './plans/CardsSection';
import { PlanPage } from './plans/PlanPage';
import { PlansPage } from './plans/PlansPage';
import { DutyPolicyPage } from './duty/DutyPolicyPage';
import { SensitiveTargetsPage } from './sensitive-targets/SensitiveTargetsPage';
import { ResponsibilityListPage, ResponsibilityListsPage } from './plans/ResponsibilityPages';
import { ZoneMapPage } from './map/ZoneMapPage';
import { HazardNewPage } from './hazards/HazardNewPage';
import { HazardNoticePage } from './hazards/HazardNoticePage';
import { HazardPage } from './hazards/HazardPage';
import { HazardsPage } from './hazards/HazardsPage';
import { HazardStatsPage } from './hazards/HazardStatsPage';
import { AlarmBoardPage } from './installations/AlarmBoardPage';
import { InstallationNewPage } from './installations/InstallationNewPage';
import { InstallationPage } from './installations/InstallationPage';
import { InstallationsPage } from './installations/InstallationsPage';
import { InspectionRunPage } from './inspections/InspectionRunPage';
import { InspectionsPage } from './inspections/InspectionsPage';
import { PlanFormPage } from './inspections/PlanFormPage';
import { SpotChecksPage } from './inspections/SpotChecksPage';
import { ContactsPage } from './directory/ContactsPage';
import { CompliancePage } from './drills/CompliancePage';
import { DirectorConsolePage } from './drills/DirectorConsolePage';
import { EvaluatorPage } from './drills/EvaluatorPage';
import { ImprovementsPage, ReportPage } from './drills/ReportPage';
import { RunsPage } from './drills/RunsPage';
import { ScenarioEditorPage } from './drills/ScenarioEditorPage';
import { ScenariosPage } from './drills/ScenariosPage';
import { RotationsPage } from './directory/RotationsPage';
import { TeamsPage } from './directory/TeamsPage';
import { EnterprisesPage } from './pages/EnterprisesPage';
import { PostCardPage } from './risks/PostCardPage';
import { RiskPointNewPage } from './risks/RiskPointNewPage';
import { RiskPointPage } from './risks/RiskPointPage';
import { RisksPage } from './risks/RisksPage';
import { ResourcesMapPage } from './resources/ResourcesMapPage';
import { ResourcesPage } from './resources/ResourcesPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { ResponderHomePage } from './pages/ResponderHomePage';
import { ResponderPage } from './responder/ResponderPage';
import { SafetyFundLedgerPage, SafetyFundsPage } from './safety-funds/SafetyFundsPages';
import { WorkPlanPage, WorkPlanTemplatePage, WorkPlansPage } from './work-plans/WorkPlanPages';
import {
  CultureActivitiesPage,
  CultureApplicationPage,
  CultureProgrammePage,
  ModelEnterprisesPage,
} from './culture/CulturePages';
import {
  TrainingCertificatesPage,
  TrainingPeoplePage,
  TrainingPersonPage,
  TrainingSessionPage,
  TrainingSessionsPage,
  TrainingSignInPage,
} from './training/TrainingPages';
import { PublishingPage } from './publishing/PublishingPage';
import {
  EnforcementCasePage,
  EnforcementCasesPage,
  NewEnforcementCasePage,
} from './enforcement/EnforcementPages';
import { DecisionBoardPage, DecisionPage } from './organisation/DecisionPages';
import { MeetingPage, MeetingsPage } from './organisation/MeetingPages';
import { LeadingGroupPage } from './organisation/MembersPage';
import { SafetyOrgPage, SafetyOrgsPage } from './organisation/SafetyOrgPages';
import {
  DutiesPage,
  DutyEnterprisePage,
  DutyPersonPage,
  DutyPostPage,
} from './responsibility-statements/DutyPages';
import { StatementSignPage } from './responsibility-statements/StatementSignPage';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // The page an SMS link opens: no login, the signed token in the path is the credential.
  { path: '/r/:token', element: <ResponderPage /> },
  // A training session's QR code opens this: no login, the link and the person's number suffice.
  { path: '/training/sign-in/:token', element: <TrainingSignInPage /> },
  { path: '/statements/sign/:token', element: <StatementSignPage /> },
  // Disposal cards print without the console's frame, like the other printable records.
  {
    path: '/plans/:id/versions/:versionId/cards',
    element: (
      <RequireSession>
        <RequirePage page="plans">
          <CardsPrintPage />
        </RequirePage>
      </RequireSession>
    ),
  },
  // Printable records stand outside the console's frame, so the paper shows only the record.
  {
    path: '/incidents/:id/activity',
    element: (
      <RequireSession>
        <RequirePage page="incidents">
          <ActivityLogPrintPage />
        </RequirePage>
      </RequireSession>
    ),
  },
  {
    path: '/incidents/:id/summary',
    element: (
      <RequireSession>
        <RequirePage page="incidents">
          <SummaryPrintPage />
        </RequirePage>
      </RequireSession>
    ),
  },
  // The post risk card prints without the console's frame, as posted at the workplace.
  {
    path: '/risks/card',
    element: (
      <RequireSession>
        <RequirePage page="risks">
          <PostCardPage />
        </RequirePage>
      </RequireSession>
    ),
  },
  // The leaders' wall screen fills the screen, without the console's frame.
  {
    path: '/cockpit',
    element: (
      <RequireSession>
        <RequirePage page="cockpit">
          <CockpitPage />
        </RequirePage>
      </RequireSession>
    ),
  },
  {
    path: '/drills/runs/:id/report',
    element: (
      <RequireSession>
        <RequirePage page="drills">
          <ReportPage />
        </RequirePage>
      </RequireSession>
    ),
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <LandingRedirect /> },
      {
        path: 'map',
        element: (
          <RequirePage page="map">
            <ZoneMapPage />
          </RequirePage>
        ),
      },
      {
        path: 'installations',
        element: (
          <RequirePage page="installations">
            <InstallationsPage />
          </RequirePage>
        ),
      },
      {
        path: 'installations/new',
        element: (
          <RequirePage page="installations">
            <InstallationNewPage />
          </RequirePage>
        ),
      },
      {
        path: 'installations/:id',
        element: (
          <RequirePage page="installations">
            <InstallationPage />
          </RequirePage>
        ),
      },
      {
        path: 'alarms',
        element: (
          <RequirePage page="alarms">
            <AlarmBoardPage />
          </RequirePage>
        ),
      },
      {
        path: 'incidents',
        element: (
          <RequirePage page="incidents">
            <IncidentListPage />
          </RequirePage>
        ),
      },
      {
        path: 'incidents/new',
        element: (
          <RequirePage page="incidents">
            <ReportIncidentPage />
          </RequirePage>
        ),
      },
      {
        path: 'incidents/:id',
        element: (
          <RequirePage page="incidents">
            <IncidentRoomPage />
          </RequirePage>
        ),
      },
      {
        path: 'plans',
        element: (
          <RequirePage page="plans">
            <PlansPage />
          </RequirePage>
        ),
      },
      {
        path: 'plans/duty',
        element: (
          <RequirePage page="plans">
            <DutyPolicyPage />
          </RequirePage>
        ),
      },
      {
        path: 'plans/:id',
        element: (
          <RequirePage page="plans">
            <PlanPage />
          </RequirePage>
        ),
      },
      {
        path: 'responsibility',
        element: (
          <RequirePage page="responsibility">
            <ResponsibilityListsPage />
          </RequirePage>
        ),
      },
      {
        path: 'responsibility/:owner',
        element: (
          <RequirePage page="responsibility">
            <ResponsibilityListPage />
          </RequirePage>
        ),
      },
      {
        path: 'enterprises',
        element: (
          <RequirePage page="enterprises">
            <EnterprisesPage />
          </RequirePage>
        ),
      },
      {
        path: 'risks',
        element: (
          <RequirePage page="risks">
            <RisksPage />
          </RequirePage>
        ),
      },
      {
        path: 'risks/new',
        element: (
          <RequirePage page="risks">
            <RiskPointNewPage />
          </RequirePage>
        ),
      },
      {
        path: 'risks/:id',
        element: (
          <RequirePage page="risks">
            <RiskPointPage />
          </RequirePage>
        ),
      },
      {
        path: 'resources',
        element: (
          <RequirePage page="resources">
            <ResourcesMapPage />
          </RequirePage>
        ),
      },
      {
        path: 'resources/sensitive-targets',
        element: (
          <RequirePage page="resources">
            <SensitiveTargetsPage />
          </RequirePage>
        ),
      },
      {
        path: 'resources/list',
        element: (
          <RequirePage page="resources">
            <ResourcesPage />
          </RequirePage>
        ),
      },
      {
        path: 'directory',
        element: (
          <RequirePage page="directory">
            <ContactsPage />
          </RequirePage>
        ),
      },
      {
        path: 'directory/teams',
        element: (
          <RequirePage page="directory">
            <TeamsPage />
          </RequirePage>
        ),
      },
      {
        path: 'directory/rotations',
        element: (
          <RequirePage page="directory">
            <RotationsPage />
          </RequirePage>
        ),
      },
      {
        path: 'hazards',
        element: (
          <RequirePage page="hazards">
            <HazardsPage />
          </RequirePage>
        ),
      },
      {
        path: 'hazards/new',
        element: (
          <RequirePage page="hazards">
            <HazardNewPage />
          </RequirePage>
        ),
      },
      {
        path: 'hazards/stats',
        element: (
          <RequirePage page="hazards">
            <HazardStatsPage />
          </RequirePage>
        ),
      },
      {
        path: 'hazards/notice',
        element: (
          <RequirePage page="hazards">
            <HazardNoticePage />
          </RequirePage>
        ),
      },
      {
        path: 'hazards/:id',
        element: (
          <RequirePage page="hazards">
            <HazardPage />
          </RequirePage>
        ),
      },
      {
        path: 'enforcement',
        element: (
          <RequirePage page="enforcement">
            <EnforcementCasesPage />
          </RequirePage>
        ),
      },
      {
        path: 'enforcement/new',
        element: (
          <RequirePage page="enforcement">
            <NewEnforcementCasePage />
          </RequirePage>
        ),
      },
      {
        path: 'enforcement/:id',
        element: (
          <RequirePage page="enforcement">
            <EnforcementCasePage />
          </RequirePage>
        ),
      },
      {
        path: 'inspections',
        element: (
          <RequirePage page="inspections">
            <InspectionsPage />
          </RequirePage>
        ),
      },
      {
        path: 'inspections/:id',
        element: (
          <RequirePage page="inspections">
            <InspectionRunPage />
          </RequirePage>
        ),
      },
      {
        path: 'inspections/plans/new',
        element: (
          <RequirePage page="inspections">
            <PlanFormPage />
          </RequirePage>
        ),
      },
      {
        path: 'inspections/plans/:id/edit',
        element: (
          <RequirePage page="inspections">
            <PlanFormPage />
          </RequirePage>
        ),
      },
      {
        path: 'inspections/spot-checks',
        element: (
          <RequirePage page="inspections">
            <SpotChecksPage />
          </RequirePage>
        ),
      },
      {
        path: 'spot-checks',
        element: (
          <RequirePage page="spotChecks">
            <SpotCheckTasksPage />
          </RequirePage>
        ),
      },
      {
        path: 'spot-checks/:id',
        element: (
          <RequirePage page="spotChecks">
            <SpotCheckTaskPage />
          </RequirePage>
        ),
      },
      {
        path: 'accountability',
        element: (
          <RequirePage page="accountability">
            <AccountabilityPage />
          </RequirePage>
        ),
      },
      {
        path: 'accountability/:id',
        element: (
          <RequirePage page="accountability">
            <AccountabilityRecordPage />
          </RequirePage>
        ),
      },
      {
        path: 'assessments',
        element: (
          <RequirePage page="assessments">
            <AssessmentsPage />
          </RequirePage>
        ),
      },
      {
        path: 'assessments/sheets/:id',
        element: (
          <RequirePage page="assessments">
            <SheetPage />
          </RequirePage>
        ),
      },
      {
        path: 'drills',
        element: (
          <RequirePage page="drills">
            <RunsPage />
          </RequirePage>
        ),
      },
      {
        path: 'drills/scenarios',
        element: (
          <RequirePage page="drills">
            <ScenariosPage />
          </RequirePage>
        ),
      },
      {
        path: 'drills/scenarios/:id',
        element: (
          <RequirePage page="drills">
            <ScenarioEditorPage />
          </RequirePage>
        ),
      },
      {
        path: 'drills/runs/:id',
        element: (
          <RequirePage page="drills">
            <DirectorConsolePage />
          </RequirePage>
        ),
      },
      {
        path: 'drills/runs/:id/evaluate',
        element: (
          <RequirePage page="drills">
            <EvaluatorPage />
          </RequirePage>
        ),
      },
      {
        path: 'drills/improvements',
        element: (
          <RequirePage page="drills">
            <ImprovementsPage />
          </RequirePage>
        ),
      },
      {
        path: 'drills/compliance',
        element: (
          <RequirePage page="drills">
            <CompliancePage />
          </RequirePage>
        ),
      },
      {
        path: 'training',
        element: (
          <RequirePage page="training">
            <TrainingSessionsPage />
          </RequirePage>
        ),
      },
      {
        path: 'training/people',
        element: (
          <RequirePage page="training">
            <TrainingPeoplePage />
          </RequirePage>
        ),
      },
      {
        path: 'training/people/:id',
        element: (
          <RequirePage page="training">
            <TrainingPersonPage />
          </RequirePage>
        ),
      },
      {
        path: 'training/certificates',
        element: (
          <RequirePage page="training">
            <TrainingCertificatesPage />
          </RequirePage>
        ),
      },
      {
        path: 'training/sessions/:id',
        element: (
          <RequirePage page="training">
            <TrainingSessionPage />
          </RequirePage>
        ),
      },
      {
        path: 'publishing',
        element: (
          <RequirePage page="publishing">
            <PublishingPage />
          </RequirePage>
        ),
      },
      {
        path: 'safety-funds',
        element: (
          <RequirePage page="safetyFunds">
            <SafetyFundsPage />
          </RequirePage>
        ),
      },
      {
        path: 'safety-funds/:id',
        element: (
          <RequirePage page="safetyFunds">
            <SafetyFundLedgerPage />
          </RequirePage>
        ),
      },
      {
        path: 'culture',
        element: (
          <RequirePage page="culture">
            <CultureActivitiesPage />
          </RequirePage>
        ),
      },
      {
        path: 'culture/programme',
        element: (
          <RequirePage page="culture">
            <CultureProgrammePage />
          </RequirePage>
        ),
      },
      {
        path: 'culture/applications/:id',
        element: (
          <RequirePage page="culture">
            <CultureApplicationPage />
          </RequirePage>
        ),
      },
      {
        path: 'culture/model-enterprises',
        element: (
          <RequirePage page="culture">
            <ModelEnterprisesPage />
          </RequirePage>
        ),
      },
      {
        path: 'work-plans',
        element: (
          <RequirePage page="workPlans">
            <WorkPlansPage />
          </RequirePage>
        ),
      },
      {
        path: 'work-plans/templates/:year',
        element: (
          <RequirePage page="workPlans">
            <WorkPlanTemplatePage />
          </RequirePage>
        ),
      },
      {
        path: 'work-plans/:id',
        element: (
          <RequirePage page="workPlans">
            <WorkPlanPage />
          </RequirePage>
        ),
      },
      {
        path: 'leading-group',
        element: (
          <RequirePage page="leadingGroup">
            <LeadingGroupPage />
          </RequirePage>
        ),
      },
      {
        path: 'leading-group/meetings',
        element: (
          <RequirePage page="leadingGroup">
            <MeetingsPage />
          </RequirePage>
        ),
      },
      {
        path: 'leading-group/meetings/:id',
        element: (
          <RequirePage page="leadingGroup">
            <MeetingPage />
          </RequirePage>
        ),
      },
      {
        path: 'leading-group/decisions',
        element: (
          <RequirePage page="leadingGroup">
            <DecisionBoardPage />
          </RequirePage>
        ),
      },
      {
        path: 'leading-group/decisions/:id',
        element: (
          <RequirePage page="leadingGroup">
            <DecisionPage />
          </RequirePage>
        ),
      },
      {
        path: 'safety-orgs',
        element: (
          <RequirePage page="safetyOrgs">
            <SafetyOrgsPage />
          </RequirePage>
        ),
      },
      {
        path: 'safety-orgs/:id',
        element: (
          <RequirePage page="safetyOrgs">
            <SafetyOrgPage />
          </RequirePage>
        ),
      },
      {
        path: 'duties',
        element: (
          <RequirePage page="duties">
            <DutiesPage />
          </RequirePage>
        ),
      },
      {
        path: 'duties/enterprises/:id',
        element: (
          <RequirePage page="duties">
            <DutyEnterprisePage />
          </RequirePage>
        ),
      },
      {
        path: 'duties/posts/:id',
        element: (
          <RequirePage page="duties">
            <DutyPostPage />
          </RequirePage>
        ),
      },
      {
        path: 'duties/people/:id',
        element: (
          <RequirePage page="duties">
            <DutyPersonPage />
          </RequirePage>
        ),
      },
      { path: 'admin', element: <Navigate to="/admin/users" replace /> },
      {
        path: 'admin/users',
        element: (
          <RequirePage page="users">
            <UsersPage />
          </RequirePage>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <RequirePage page="audit">
            <AuditPage />
          </RequirePage>
        ),
      },
      {
        path: 'admin/queues',
        element: (
          <RequirePage page="queues">
            <QueuesPage />
          </RequirePage>
        ),
      },
      {
        path: 'home',
        element: (
          <RequirePage page="home">
            <ResponderHomePage />
          </RequirePage>
        ),
      },
      // Every signed-in role has notifications of its own.
      { path: 'notifications', element: <NotificationsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
