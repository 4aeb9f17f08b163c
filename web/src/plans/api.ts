import { apiRequest } from '../api/client';
import { sessionStore } from '../api/session';
import { ApiRequestError } from '../api/client';
import type {
  ContactView,
  DisposalCardView,
  EscalationPolicyView,
  EscalationTierView,
  IncidentCategory,
  ListResponse,
  PlanDetailView,
  PlanHazard,
  PlanReviewKind,
  PlanLevelView,
  PlanSection,
  PlanSuggestion,
  PlanType,
  PlanVersionView,
  PlanView,
  PolicyPreview,
  ResponsibilityEntry,
  ResponsibilityListSummary,
  ResponsibilityListView,
  RevisionTrigger,
  RotationView,
  Severity,
  TeamView,
  LevelChecklistItem,
} from '../contracts';

/** The plans module's endpoints (server/src/plans). */

export interface PlanFilter {
  q?: string;
  type?: PlanType | '';
  owner?: string;
  category?: IncidentCategory | '';
  page?: number;
  pageSize?: number;
}

export const fetchPlans = (filter: PlanFilter, signal?: AbortSignal) =>
  apiRequest<ListResponse<PlanView>>('/api/plans', { query: { ...filter }, signal });

export const fetchPlan = (id: string, signal?: AbortSignal) =>
  apiRequest<PlanDetailView>(`/api/plans/${encodeURIComponent(id)}`, { signal });

export const fetchVersion = (id: string, signal?: AbortSignal) =>
  apiRequest<PlanVersionView>(`/api/plan-versions/${encodeURIComponent(id)}`, { signal });

export const fetchSuggestion = (
  q: { category: IncidentCategory; enterpriseId?: string; severity?: Severity | '' },
  signal?: AbortSignal,
) => apiRequest<PlanSuggestion>('/api/plans/suggest', { query: { ...q }, signal });

export interface PlanInput {
  enterpriseId?: string | null;
  type: PlanType;
  code?: string;
  title: string;
  scope?: string;
  hazards: PlanHazard[];
  incidentCategories: IncidentCategory[];
}

export const createPlan = (body: PlanInput) =>
  apiRequest<PlanDetailView>('/api/plans', { method: 'POST', body });

export const updatePlan = (
  id: string,
  body: Partial<Pick<PlanInput, 'code' | 'title' | 'scope' | 'hazards' | 'incidentCategories'>>,
) => apiRequest<PlanDetailView>(`/api/plans/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const createVersion = (
  planId: string,
  body: { label?: string; changeSummary: string; revisionTriggers: RevisionTrigger[] },
) =>
  apiRequest<PlanVersionView>(`/api/plans/${encodeURIComponent(planId)}/versions`, { method: 'POST', body });

export const updateVersion = (
  id: string,
  body: Partial<{
    label: string;
    sections: PlanSection[];
    reviewDueOn: string | null;
    changeSummary: string;
  }>,
) => apiRequest<PlanVersionView>(`/api/plan-versions/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const deleteVersion = (id: string) =>
  apiRequest<void>(`/api/plan-versions/${encodeURIComponent(id)}`, { method: 'DELETE' });

export type WorkflowAction = 'submit' | 'return' | 'publish';

export const versionAction = (id: string, action: WorkflowAction, note?: string) =>
  apiRequest<PlanVersionView>(`/api/plan-versions/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
    body: action === 'return' ? { note } : {},
  });

export interface FilingInput {
  filedOn: string;
  filedWith: string;
  receiptNo?: string;
  fileId?: string;
}

export const recordFiling = (id: string, body: FilingInput) =>
  apiRequest<PlanVersionView>(`/api/plan-versions/${encodeURIComponent(id)}/filing`, {
    method: 'POST',
    body,
  });

export interface ReviewInput {
  kind: PlanReviewKind;
  heldOn: string;
  members: { name: string; affiliation: string }[];
  conclusion: string;
}

export const recordReview = (id: string, body: ReviewInput) =>
  apiRequest<PlanVersionView>(`/api/plan-versions/${encodeURIComponent(id)}/review`, {
    method: 'POST',
    body,
  });

export const recordSignature = (id: string, body: { signedBy: string; signedOn: string }) =>
  apiRequest<PlanVersionView>(`/api/plan-versions/${encodeURIComponent(id)}/signature`, {
    method: 'POST',
    body,
  });

export const recordNeighbourNotice = (
  id: string,
  body: { required: boolean; notifiedOn: string | null; notified: string[]; how: string },
) =>
  apiRequest<PlanVersionView>(`/api/plan-versions/${encodeURIComponent(id)}/neighbour-notice`, {
    method: 'POST',
    body,
  });

export interface LevelInput {
  rank: number;
  code: string;
  name: string;
  activationCriteria: string;
  severities: Severity[];
  checklist: LevelChecklistItem[];
  policyId: string | null;
}

export const addLevel = (versionId: string, body: LevelInput) =>
  apiRequest<PlanLevelView>(`/api/plan-versions/${encodeURIComponent(versionId)}/levels`, {
    method: 'POST',
    body,
  });

export const updateLevel = (id: string, body: LevelInput) =>
  apiRequest<PlanLevelView>(`/api/plan-levels/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const deleteLevel = (id: string) =>
  apiRequest<void>(`/api/plan-levels/${encodeURIComponent(id)}`, { method: 'DELETE' });

export type CardInput = Omit<DisposalCardView, 'id' | 'versionId' | 'position'>;

export const addCard = (versionId: string, body: CardInput) =>
  apiRequest<DisposalCardView>(`/api/plan-versions/${encodeURIComponent(versionId)}/cards`, {
    method: 'POST',
    body,
  });

export const updateCard = (id: string, body: CardInput) =>
  apiRequest<DisposalCardView>(`/api/disposal-cards/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const deleteCard = (id: string) =>
  apiRequest<void>(`/api/disposal-cards/${encodeURIComponent(id)}`, { method: 'DELETE' });

// ---- escalation policies -------------------------------------------------------------------

export const fetchPolicies = (owner: string, signal?: AbortSignal) =>
  apiRequest<ListResponse<EscalationPolicyView>>('/api/policies', {
    query: { owner, pageSize: 500 },
    signal,
  });

export const fetchPolicy = (id: string, signal?: AbortSignal) =>
  apiRequest<EscalationPolicyView>(`/api/policies/${encodeURIComponent(id)}`, { signal });

export const fetchPreview = (id: string, at?: string, signal?: AbortSignal) =>
  apiRequest<PolicyPreview>(`/api/policies/${encodeURIComponent(id)}/preview`, { query: { at }, signal });

export interface PolicyInput {
  enterpriseId?: string | null;
  name: string;
  description: string;
  tiers: EscalationTierView[];
}

export const createPolicy = (body: PolicyInput) =>
  apiRequest<EscalationPolicyView>('/api/policies', { method: 'POST', body });

export const updatePolicy = (id: string, body: Omit<PolicyInput, 'enterpriseId'>) =>
  apiRequest<EscalationPolicyView>(`/api/policies/${encodeURIComponent(id)}`, { method: 'PATCH', body });

// ---- the directory, for the pickers ----------------------------------------------------------

/** `owner`: 'zone' or an enterprise id; the pickers offer only the owner's own people. */
export const fetchContacts = (owner: string, signal?: AbortSignal) =>
  apiRequest<ListResponse<ContactView>>('/api/contacts', {
    query: { enterpriseId: owner, pageSize: 500 },
    signal,
  });

export const fetchTeams = (owner: string, signal?: AbortSignal) =>
  apiRequest<ListResponse<TeamView>>('/api/teams', { query: { enterpriseId: owner, pageSize: 500 }, signal });

export const fetchRotations = (owner: string, signal?: AbortSignal) =>
  apiRequest<ListResponse<RotationView>>('/api/rotations', {
    query: { enterpriseId: owner, pageSize: 500 },
    signal,
  });

// ---- responsibility lists ------------------------------------------------------------------

export const fetchResponsibilityLists = (signal?: AbortSignal) =>
  apiRequest<ResponsibilityListSummary[]>('/api/responsibility-lists', { signal });

export const fetchResponsibilityList = (owner: string, signal?: AbortSignal) =>
  apiRequest<ResponsibilityListView>(`/api/responsibility-lists/${encodeURIComponent(owner)}`, { signal });

export const saveResponsibilityList = (owner: string, entries: ResponsibilityEntry[]) =>
  apiRequest<ResponsibilityListView>(`/api/responsibility-lists/${encodeURIComponent(owner)}`, {
    method: 'PUT',
    body: { entries },
  });

/** Downloads the XLSX export; a plain link cannot carry the bearer token. */
export async function downloadResponsibilityXlsx(owner: string): Promise<void> {
  const session = sessionStore.get();
  const res = await fetch(`/api/responsibility-lists/${encodeURIComponent(owner)}/xlsx`, {
    headers: session ? { Authorization: `Bearer ${session.token}` } : {},
  });
  if (!res.ok) throw new ApiRequestError(res.status, [res.statusText]);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `responsibility-${owner}.xlsx`;
  a.click();
  URL.revokeObjectURL(url);
}

/** 'zone' for zone-owned records, else the enterprise id: the directory's and plans' owner filter. */
export const ownerKey = (enterpriseId: string | null) => enterpriseId ?? 'zone';
