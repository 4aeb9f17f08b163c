import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import type {
  HazardCategory,
  ListResponse,
  RiskClass,
  SpotCheckCandidatesView,
  SpotCheckRecusal,
  SpotCheckTaskDetail,
  SpotCheckTaskView,
  SpotCheckVerifyView,
} from '../contracts';

export interface SpotCheckInput {
  title: string;
  periodStart: string;
  periodEnd: string;
  enterpriseCount: number;
  inspectorsPerEnterprise: number;
  industries: string[];
  riskClasses: RiskClass[];
  excludedEnterpriseIds: string[];
  excludeCheckedWithinDays: number | null;
  recusals: SpotCheckRecusal[];
  checklist: { text: string; category: HazardCategory }[];
}

const enc = encodeURIComponent;

export const spotCheckKeys = {
  all: ['spot-checks'] as const,
  list: ['spot-checks', 'list'] as const,
  task: (id: string) => ['spot-checks', 'task', id] as const,
  candidates: (id: string) => ['spot-checks', 'candidates', id] as const,
};

export function useSpotChecks() {
  return useQuery({
    queryKey: spotCheckKeys.list,
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<SpotCheckTaskView>>('/api/spot-checks', { query: { pageSize: 200 }, signal }),
  });
}

export function useSpotCheck(id: string) {
  return useQuery({
    queryKey: spotCheckKeys.task(id),
    queryFn: ({ signal }) => apiRequest<SpotCheckTaskDetail>(`/api/spot-checks/${enc(id)}`, { signal }),
  });
}

export function useCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: spotCheckKeys.candidates(id),
    queryFn: ({ signal }) =>
      apiRequest<SpotCheckCandidatesView>(`/api/spot-checks/${enc(id)}/candidates`, { signal }),
    enabled,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: spotCheckKeys.all });
}

export function useCreateSpotCheck() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: SpotCheckInput) =>
      apiRequest<SpotCheckTaskView>('/api/spot-checks', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useDraw(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (reason: string | null) =>
      apiRequest<SpotCheckTaskDetail>(`/api/spot-checks/${enc(id)}/draw`, {
        method: 'POST',
        body: reason ? { reason } : {},
      }),
    onSuccess: invalidate,
  });
}

export function usePublish(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () =>
      apiRequest<SpotCheckTaskView>(`/api/spot-checks/${enc(id)}/publish`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useVerify() {
  return useMutation({
    mutationFn: (drawId: string) =>
      apiRequest<SpotCheckVerifyView>(`/api/spot-checks/draws/${enc(drawId)}/verify`),
  });
}
