import { apiRequest } from '../api/client';
import type { ConsequenceRunView } from '../contracts';

const base = (incidentId: string) => `/api/incidents/${encodeURIComponent(incidentId)}/consequences`;

export function fetchConsequenceRuns(
  incidentId: string,
  signal?: AbortSignal,
): Promise<ConsequenceRunView[]> {
  return apiRequest(base(incidentId), { signal });
}

/** The model's inputs as the form holds them (the server checks them again), and the run's title. */
export function runConsequenceModel(
  incidentId: string,
  body: Record<string, unknown> & { title?: string },
): Promise<ConsequenceRunView> {
  return apiRequest(base(incidentId), { method: 'POST', body });
}
