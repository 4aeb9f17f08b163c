import { apiRequest } from '../api/client';
import type {
  ComplianceReport,
  DrillReport,
  DrillStaffView,
  EvaluationScore,
  EvaluationView,
  ImprovementItemView,
  ImprovementStatus,
  ListResponse,
  ObservationKind,
  ObservationView,
  PlanView,
  RunMetrics,
  RunStatus,
  RunSummaryText,
  RunView,
  ScenarioDocument,
  ScenarioExport,
  ScenarioInject,
  ScenarioVersionSummary,
  ScenarioView,
  DrillPlanEntryView,
  PlanType,
} from '../contracts';

/** The drills module's endpoints (docs/drills-api.md). */

const enc = encodeURIComponent;

export const fetchScenarios = (
  filter: { q?: string; page?: number; pageSize?: number },
  signal?: AbortSignal,
) => apiRequest<ListResponse<ScenarioView>>('/api/drills/scenarios', { query: { ...filter }, signal });

export const fetchScenario = (id: string, signal?: AbortSignal) =>
  apiRequest<ScenarioView>(`/api/drills/scenarios/${enc(id)}`, { signal });

export const createScenario = (doc: ScenarioDocument) =>
  apiRequest<ScenarioView>('/api/drills/scenarios', { method: 'POST', body: doc });

export const updateScenario = (id: string, doc: ScenarioDocument) =>
  apiRequest<ScenarioView>(`/api/drills/scenarios/${enc(id)}`, { method: 'PUT', body: doc });

export const fetchScenarioVersions = (id: string, signal?: AbortSignal) =>
  apiRequest<ScenarioVersionSummary[]>(`/api/drills/scenarios/${enc(id)}/versions`, { signal });

export const fetchScenarioVersion = (id: string, version: number, signal?: AbortSignal) =>
  apiRequest<ScenarioDocument>(`/api/drills/scenarios/${enc(id)}/versions/${version}`, { signal });

export const copyScenario = (id: string) =>
  apiRequest<ScenarioView>(`/api/drills/scenarios/${enc(id)}/copy`, { method: 'POST' });

export const archiveScenario = (id: string) =>
  apiRequest<void>(`/api/drills/scenarios/${enc(id)}`, { method: 'DELETE' });

export const exportScenario = (id: string) =>
  apiRequest<ScenarioExport>(`/api/drills/scenarios/${enc(id)}/export`);

export const importScenario = (body: unknown) =>
  apiRequest<ScenarioView>('/api/drills/scenarios/import', { method: 'POST', body });

export const fetchRuns = (
  filter: { status?: RunStatus | ''; page?: number; pageSize?: number },
  signal?: AbortSignal,
) => apiRequest<ListResponse<RunView>>('/api/drills/runs', { query: { ...filter }, signal });

export interface RunInput {
  scenarioId: string;
  scheduledFor: string;
  directorId?: string;
  contactIds: string[];
  teamIds: string[];
  evaluatorIds: string[];
}

export const fetchDrillStaff = (signal?: AbortSignal) =>
  apiRequest<DrillStaffView>('/api/drills/runs/staff', { signal });

export const setRunRoster = (
  id: string,
  body: { contactIds: string[]; teamIds: string[]; evaluatorIds: string[] },
) => apiRequest<RunView>(`/api/drills/runs/${enc(id)}/roster`, { method: 'PUT', body });

export const scheduleRun = (body: RunInput) =>
  apiRequest<RunView>('/api/drills/runs', { method: 'POST', body });

export const fetchRun = (id: string, signal?: AbortSignal) =>
  apiRequest<RunView>(`/api/drills/runs/${enc(id)}`, { signal });

export type RunCommand = 'start' | 'pause' | 'resume' | 'end' | 'cancel';

export const commandRun = (id: string, command: RunCommand) =>
  apiRequest<RunView>(`/api/drills/runs/${enc(id)}/${command}`, { method: 'POST' });

export const releaseInject = (id: string, runInjectId: string) =>
  apiRequest<RunView>(`/api/drills/runs/${enc(id)}/injects/${enc(runInjectId)}/release`, { method: 'POST' });

export const skipInject = (id: string, runInjectId: string) =>
  apiRequest<RunView>(`/api/drills/runs/${enc(id)}/injects/${enc(runInjectId)}/skip`, { method: 'POST' });

/** An inject added on the fly; without `offsetSeconds` it is released at once. */
export type AddedInject = Omit<ScenarioInject, 'id' | 'offsetSeconds'> & { offsetSeconds?: number };

export const addInject = (id: string, body: AddedInject) =>
  apiRequest<RunView>(`/api/drills/runs/${enc(id)}/injects`, { method: 'POST', body });

export const fetchMetrics = (id: string, signal?: AbortSignal) =>
  apiRequest<RunMetrics>(`/api/drills/runs/${enc(id)}/metrics`, { signal });

export const fetchObservations = (id: string, signal?: AbortSignal) =>
  apiRequest<ObservationView[]>(`/api/drills/runs/${enc(id)}/observations`, { signal });

export const addObservation = (
  id: string,
  body: { kind: ObservationKind; text: string; eventSeq?: number },
) => apiRequest<ObservationView>(`/api/drills/runs/${enc(id)}/observations`, { method: 'POST', body });

export const fetchEvaluations = (id: string, signal?: AbortSignal) =>
  apiRequest<EvaluationView[]>(`/api/drills/runs/${enc(id)}/evaluations`, { signal });

export const saveMyEvaluation = (id: string, body: { scores: EvaluationScore[]; overall: string }) =>
  apiRequest<EvaluationView>(`/api/drills/runs/${enc(id)}/evaluations/mine`, { method: 'PUT', body });

export const saveSummary = (id: string, body: RunSummaryText) =>
  apiRequest<RunSummaryText>(`/api/drills/runs/${enc(id)}/summary`, { method: 'PUT', body });

export const addImprovement = (id: string, body: { title: string; owner: string; dueOn: string }) =>
  apiRequest<ImprovementItemView>(`/api/drills/runs/${enc(id)}/improvements`, { method: 'POST', body });

export const fetchImprovements = (
  filter: { status?: ImprovementStatus | ''; page?: number; pageSize?: number },
  signal?: AbortSignal,
) =>
  apiRequest<ListResponse<ImprovementItemView>>('/api/drills/improvements', { query: { ...filter }, signal });

export const completeImprovement = (id: string, note: string) =>
  apiRequest<ImprovementItemView>(`/api/drills/improvements/${enc(id)}/complete`, {
    method: 'POST',
    body: { note },
  });

export const fetchReport = (id: string, signal?: AbortSignal) =>
  apiRequest<DrillReport>(`/api/drills/runs/${enc(id)}/report`, { signal });

export const fetchCompliance = (enterpriseId: string | undefined, signal?: AbortSignal) =>
  apiRequest<ComplianceReport>('/api/drills/compliance', { query: { enterpriseId }, signal });

/** Plans a scenario may exercise (the first page is plenty for a picker; search narrows it). */
export const fetchPlanChoices = (signal?: AbortSignal) =>
  apiRequest<ListResponse<PlanView>>('/api/plans', { query: { pageSize: 200 }, signal });

/** MEM Order 2 Art. 33: an ended drill's report to the competent department. */
export const reportRunToDepartment = (
  id: string,
  body: { reportedAt: string; department: string; fileId: string | null },
) => apiRequest<RunView>(`/api/drills/runs/${enc(id)}/department-report`, { method: 'PUT', body });

/** MEM Order 2 Art. 33 yearly drill plans: the caller's units' and (for the zone) its own. */
export const fetchDrillPlan = (year: number, signal?: AbortSignal) =>
  apiRequest<DrillPlanEntryView[]>('/api/drills/plan', { query: { year }, signal });

export const addDrillPlanEntry = (body: {
  enterpriseId: string | null;
  year: number;
  month: number;
  planType: PlanType;
  title: string;
}) => apiRequest<DrillPlanEntryView>('/api/drills/plan', { method: 'POST', body });

export const removeDrillPlanEntry = (id: string) =>
  apiRequest<void>(`/api/drills/plan/${enc(id)}`, { method: 'DELETE' });
