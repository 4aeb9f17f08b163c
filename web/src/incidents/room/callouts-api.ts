import { apiRequest } from '../../api/client';
import type {
  CalloutDeliveryPreview,
  CalloutMessagePreview,
  CalloutView,
  EscalationPolicyView,
  LevelActivation,
  LevelActivationPreview,
  ListResponse,
  NearestResourcesResponse,
  PlanSuggestion,
  ResponderBriefing,
  RosterView,
  RunView,
} from '../../contracts';

/** The call-out, response-level and nearby-resource endpoints the incident room uses. */

const incidentPath = (id: string) => `/api/incidents/${encodeURIComponent(id)}`;

export function fetchCallouts(incidentId: string, signal?: AbortSignal): Promise<CalloutView[]> {
  return apiRequest(`${incidentPath(incidentId)}/callouts`, { signal });
}

export interface CalloutInput {
  contactIds?: string[];
  teamIds?: string[];
  policyId?: string;
  message: string;
}

export function createCallout(incidentId: string, body: CalloutInput): Promise<CalloutView> {
  return apiRequest(`${incidentPath(incidentId)}/callouts`, { method: 'POST', body });
}

export function cancelCallout(id: string): Promise<CalloutView> {
  return apiRequest(`/api/callouts/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
}

export function previewCallout(
  incidentId: string,
  message: string,
  signal?: AbortSignal,
): Promise<CalloutMessagePreview[]> {
  return apiRequest('/api/callouts/preview', { method: 'POST', body: { message, incidentId }, signal });
}

/** What each provider would send for this call-out's first round: people, SMS segments, limits. */
export function previewDelivery(
  incidentId: string,
  body: CalloutInput,
  signal?: AbortSignal,
): Promise<CalloutDeliveryPreview> {
  return apiRequest(`${incidentPath(incidentId)}/callouts/delivery-preview`, {
    method: 'POST',
    body,
    signal,
  });
}

/** Every escalation policy in the caller's scope (the zone's and their enterprise's). */
export function fetchPolicies(signal?: AbortSignal): Promise<ListResponse<EscalationPolicyView>> {
  return apiRequest('/api/policies', { query: { pageSize: 500 }, signal });
}

/** The roster of the drill whose room this incident is (empty when no run has it): all a drill may page. */
export async function fetchDrillRoster(incidentId: string, signal?: AbortSignal): Promise<RosterView> {
  const runs = await apiRequest<ListResponse<RunView>>('/api/drills/runs', {
    query: { incidentId, pageSize: 1 },
    signal,
  });
  return runs.items[0]?.roster ?? { contacts: [], teams: [], evaluators: [] };
}

export function fetchSuggestedPlans(incidentId: string, signal?: AbortSignal): Promise<PlanSuggestion> {
  return apiRequest(`${incidentPath(incidentId)}/suggested-plans`, { signal });
}

export function activateLevel(
  incidentId: string,
  versionId: string,
  levelId: string,
): Promise<LevelActivation> {
  return apiRequest(`${incidentPath(incidentId)}/activate-level`, {
    method: 'POST',
    body: { versionId, levelId },
  });
}

/** What activating the level would start, and what of it runs already (changes nothing). */
export function previewLevel(
  incidentId: string,
  versionId: string,
  levelId: string,
): Promise<LevelActivationPreview> {
  return apiRequest(`${incidentPath(incidentId)}/activate-level/preview`, {
    method: 'POST',
    body: { versionId, levelId },
  });
}

export function fetchNearbyResources(
  at: { lat: number; lng: number },
  limit: number,
  maxDistanceM: number,
  signal?: AbortSignal,
): Promise<NearestResourcesResponse> {
  return apiRequest('/api/resources/nearest', {
    query: {
      lat: at.lat,
      lng: at.lng,
      limit,
      maxDistanceM,
      statuses: 'available,in_use,dispatched,on_scene',
    },
    signal,
  });
}

// The responder page: the signed link in the SMS is the credential, so no session is sent.

export function fetchBriefing(token: string, signal?: AbortSignal): Promise<ResponderBriefing> {
  return apiRequest(`/api/respond/${encodeURIComponent(token)}`, { signal, anonymous: true });
}

export function respondToCallout(
  token: string,
  body: { decision: 'accept' | 'decline'; location?: { lat: number; lng: number } },
): Promise<ResponderBriefing> {
  return apiRequest(`/api/respond/${encodeURIComponent(token)}`, { method: 'POST', body, anonymous: true });
}
