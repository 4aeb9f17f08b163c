import type { ReactElement } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AuditPage } from './admin/AuditPage';
import { AssessmentsPage } from './assessments/AssessmentsPage';
import { SheetPage } from './assessments/SheetPage';
import { CockpitPage } from './cockpit/CockpitPage';
import { AccountabilityPage, AccountabilityRecordPage } from './accountability/AccountabilityPages';
import { SpotCheckTaskPage, SpotCheckTasksPage } from './spot-checks/SpotCheckPages';
import { QueuesPage } from './admin/QueuesPage';
import { UsersPage } from './admin/UsersPage';
import type { PageId } from './auth/access';
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
import { WorkPlanPage } from './work-plans/WorkPlanPage';
import { WorkPlanTemplatePage } from './work-plans/WorkPlanTemplatePage';
import { WorkPlansPage } from './work-plans/WorkPlansPage';
import { CultureActivitiesPage } from './culture/CultureActivitiesPage';
import { CultureApplicationPage } from './culture/CultureApplicationPage';
import { CultureProgrammePage } from './culture/CultureProgrammePage';
import { ModelEnterprisesPage } from './culture/ModelEnterprisesPage';
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

/** A console page behind its role check: a role that cannot open it is sent on (`canOpen`). */
function guarded(path: string, page: PageId, element: ReactElement): RouteObject {
  return { path, element: <RequirePage page={page}>{element}</RequirePage> };
}

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
      guarded('map', 'map', <ZoneMapPage />),
      guarded('installations', 'installations', <InstallationsPage />),
      guarded('installations/new', 'installations', <InstallationNewPage />),
      guarded('installations/:id', 'installations', <InstallationPage />),
      guarded('alarms', 'alarms', <AlarmBoardPage />),
      guarded('incidents', 'incidents', <IncidentListPage />),
      guarded('incidents/new', 'incidents', <ReportIncidentPage />),
      guarded('incidents/:id', 'incidents', <IncidentRoomPage />),
      guarded('plans', 'plans', <PlansPage />),
      guarded('plans/duty', 'plans', <DutyPolicyPage />),
      guarded('plans/:id', 'plans', <PlanPage />),
      guarded('responsibility', 'responsibility', <ResponsibilityListsPage />),
      guarded('responsibility/:owner', 'responsibility', <ResponsibilityListPage />),
      guarded('enterprises', 'enterprises', <EnterprisesPage />),
      guarded('risks', 'risks', <RisksPage />),
      guarded('risks/new', 'risks', <RiskPointNewPage />),
      guarded('risks/:id', 'risks', <RiskPointPage />),
      guarded('resources', 'resources', <ResourcesMapPage />),
      guarded('resources/sensitive-targets', 'resources', <SensitiveTargetsPage />),
      guarded('resources/list', 'resources', <ResourcesPage />),
      guarded('directory', 'directory', <ContactsPage />),
      guarded('directory/teams', 'directory', <TeamsPage />),
      guarded('directory/rotations', 'directory', <RotationsPage />),
      guarded('hazards', 'hazards', <HazardsPage />),
      guarded('hazards/new', 'hazards', <HazardNewPage />),
      guarded('hazards/stats', 'hazards', <HazardStatsPage />),
      guarded('hazards/notice', 'hazards', <HazardNoticePage />),
      guarded('hazards/:id', 'hazards', <HazardPage />),
      guarded('enforcement', 'enforcement', <EnforcementCasesPage />),
      guarded('enforcement/new', 'enforcement', <NewEnforcementCasePage />),
      guarded('enforcement/:id', 'enforcement', <EnforcementCasePage />),
      guarded('inspections', 'inspections', <InspectionsPage />),
      guarded('inspections/:id', 'inspections', <InspectionRunPage />),
      guarded('inspections/plans/new', 'inspections', <PlanFormPage />),
      guarded('inspections/plans/:id/edit', 'inspections', <PlanFormPage />),
      guarded('inspections/spot-checks', 'inspections', <SpotChecksPage />),
      guarded('spot-checks', 'spotChecks', <SpotCheckTasksPage />),
      guarded('spot-checks/:id', 'spotChecks', <SpotCheckTaskPage />),
      guarded('accountability', 'accountability', <AccountabilityPage />),
      guarded('accountability/:id', 'accountability', <AccountabilityRecordPage />),
      guarded('assessments', 'assessments', <AssessmentsPage />),
      guarded('assessments/sheets/:id', 'assessments', <SheetPage />),
      guarded('drills', 'drills', <RunsPage />),
      guarded('drills/scenarios', 'drills', <ScenariosPage />),
      guarded('drills/scenarios/:id', 'drills', <ScenarioEditorPage />),
      guarded('drills/runs/:id', 'drills', <DirectorConsolePage />),
      guarded('drills/runs/:id/evaluate', 'drills', <EvaluatorPage />),
      guarded('drills/improvements', 'drills', <ImprovementsPage />),
      guarded('drills/compliance', 'drills', <CompliancePage />),
      guarded('training', 'training', <TrainingSessionsPage />),
      guarded('training/people', 'training', <TrainingPeoplePage />),
      guarded('training/people/:id', 'training', <TrainingPersonPage />),
      guarded('training/certificates', 'training', <TrainingCertificatesPage />),
      guarded('training/sessions/:id', 'training', <TrainingSessionPage />),
      guarded('publishing', 'publishing', <PublishingPage />),
      guarded('safety-funds', 'safetyFunds', <SafetyFundsPage />),
      guarded('safety-funds/:id', 'safetyFunds', <SafetyFundLedgerPage />),
      guarded('culture', 'culture', <CultureActivitiesPage />),
      guarded('culture/programme', 'culture', <CultureProgrammePage />),
      guarded('culture/applications/:id', 'culture', <CultureApplicationPage />),
      guarded('culture/model-enterprises', 'culture', <ModelEnterprisesPage />),
      guarded('work-plans', 'workPlans', <WorkPlansPage />),
      guarded('work-plans/templates/:year', 'workPlans', <WorkPlanTemplatePage />),
      guarded('work-plans/:id', 'workPlans', <WorkPlanPage />),
      guarded('leading-group', 'leadingGroup', <LeadingGroupPage />),
      guarded('leading-group/meetings', 'leadingGroup', <MeetingsPage />),
      guarded('leading-group/meetings/:id', 'leadingGroup', <MeetingPage />),
      guarded('leading-group/decisions', 'leadingGroup', <DecisionBoardPage />),
      guarded('leading-group/decisions/:id', 'leadingGroup', <DecisionPage />),
      guarded('safety-orgs', 'safetyOrgs', <SafetyOrgsPage />),
      guarded('safety-orgs/:id', 'safetyOrgs', <SafetyOrgPage />),
      guarded('duties', 'duties', <DutiesPage />),
      guarded('duties/enterprises/:id', 'duties', <DutyEnterprisePage />),
      guarded('duties/posts/:id', 'duties', <DutyPostPage />),
      guarded('duties/people/:id', 'duties', <DutyPersonPage />),
      { path: 'admin', element: <Navigate to="/admin/users" replace /> },
      guarded('admin/users', 'users', <UsersPage />),
      guarded('admin/audit', 'audit', <AuditPage />),
      guarded('admin/queues', 'queues', <QueuesPage />),
      guarded('home', 'home', <ResponderHomePage />),
      // Every signed-in role has notifications of its own.
      { path: 'notifications', element: <NotificationsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
