import { apiRequest } from '../api/client';
import type { ConsequenceRunView, InstallationExposure } from '../contracts';

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

/** The incident enterprise's registered installations, offered as the model's source. */
export function fetchInstallationSources(
  enterpriseId: string,
  signal?: AbortSignal,
): Promise<InstallationExposure[]> {
  return apiRequest(`/api/installations/exposure/${encodeURIComponent(enterpriseId)}`, { signal });
}
