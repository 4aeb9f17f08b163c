import { useQuery } from '@tanstack/react-query';
import { incidentKeys } from '../incidents/queries';
import { fetchConsequenceRuns, fetchInstallationSources } from './api';

/** Under the incident's own keys, so invalidating the incident reaches its runs. */
export const consequenceKeys = {
  runs: (incidentId: string) => [...incidentKeys.detail(incidentId), 'consequences'] as const,
};

/** The room's model runs; the room's `consequence.modelled` events keep the cache current (use-room). */
export function useConsequenceRuns(incidentId: string) {
  return useQuery({
    queryKey: consequenceKeys.runs(incidentId),
    queryFn: ({ signal }) => fetchConsequenceRuns(incidentId, signal),
  });
}

/** The incident enterprise's installations; none for an incident outside any enterprise. */
export function useInstallationSources(enterpriseId: string | null) {
  return useQuery({
    queryKey: ['installations', 'exposure', enterpriseId],
    queryFn: ({ signal }) => fetchInstallationSources(enterpriseId!, signal),
    enabled: enterpriseId !== null,
  });
}
