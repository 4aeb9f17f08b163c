import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, buildUrl } from '../api/client';
import type {
  ControlLevel,
  HazardCategory,
  ListResponse,
  PostRiskCardView,
  RiskClass,
  RiskInspectionPlansResult,
  RiskMapPoint,
  RiskMethod,
  RiskPointDetailView,
  RiskPointKind,
  RiskPointView,
  RiskZoneStats,
} from '../contracts';

export interface RiskPointFilter {
  enterpriseId?: string;
  grade?: RiskClass | 'unassessed' | '';
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface RiskPointInput {
  enterpriseId?: string;
  name: string;
  kind: RiskPointKind;
  place: string;
  post: string | null;
  location?: { lat: number; lng: number } | null;
  hazards: { factor: string; consequence: string }[];
  measures: { id?: string; text: string; level: ControlLevel; person: string; category: HazardCategory }[];
  emergencyActions: string[];
}

export interface RiskAssessInput {
  method: RiskMethod;
  l: number;
  e?: number;
  c?: number;
  s?: number;
  note?: string | null;
  nextAssessmentOn?: string;
}

export const riskKeys = {
  all: ['risks'] as const,
  list: (f: RiskPointFilter) => ['risks', 'list', f] as const,
  one: (id: string) => ['risks', 'one', id] as const,
  stats: ['risks', 'stats'] as const,
  map: ['risks', 'map'] as const,
  card: (enterpriseId: string, post: string) => ['risks', 'card', enterpriseId, post] as const,
};

export function useRiskPoints(f: RiskPointFilter) {
  return useQuery({
    queryKey: riskKeys.list(f),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<RiskPointView>>('/api/risks/points', {
        query: { ...f, grade: f.grade || undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useRiskPoint(id: string) {
  return useQuery({
    queryKey: riskKeys.one(id),
    queryFn: ({ signal }) => apiRequest<RiskPointDetailView>(`/api/risks/points/${id}`, { signal }),
  });
}

export function useRiskStats() {
  return useQuery({
    queryKey: riskKeys.stats,
    queryFn: ({ signal }) => apiRequest<RiskZoneStats>('/api/risks/stats', { signal }),
  });
}

export function useRiskMapPoints(enabled: boolean) {
  return useQuery({
    queryKey: riskKeys.map,
    queryFn: ({ signal }) => apiRequest<RiskMapPoint[]>('/api/risks/map', { signal }),
    enabled,
  });
}

export function usePostCard(enterpriseId: string, post: string) {
  return useQuery({
    queryKey: riskKeys.card(enterpriseId, post),
    queryFn: ({ signal }) =>
      apiRequest<PostRiskCardView>('/api/risks/card', { query: { enterpriseId, post }, signal }),
    enabled: Boolean(enterpriseId && post),
  });
}

/** The same card as a PDF the server renders, for printing or sending on. */
export function cardPdfPath(enterpriseId: string, post: string): string {
  return buildUrl('/api/risks/card/pdf', { enterpriseId, post });
}

/**
 * A risk point's change can move its enterprise's class, which the enterprise list and the zone
 * map draw: those are stale too.
 */
function useInvalidateRisks() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: riskKeys.all }),
      client.invalidateQueries({ queryKey: ['enterprises'] }),
    ]);
}

export function useSaveRiskPoint(id?: string) {
  const invalidate = useInvalidateRisks();
  return useMutation({
    mutationFn: (input: RiskPointInput) =>
      apiRequest<RiskPointDetailView>(id ? `/api/risks/points/${id}` : '/api/risks/points', {
        method: id ? 'PATCH' : 'POST',
        body: input,
      }),
    onSuccess: invalidate,
  });
}

export function useDeleteRiskPoint(id: string) {
  const invalidate = useInvalidateRisks();
  return useMutation({
    mutationFn: () => apiRequest<void>(`/api/risks/points/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useAssessRiskPoint(id: string) {
  const invalidate = useInvalidateRisks();
  return useMutation({
    mutationFn: (input: RiskAssessInput) =>
      apiRequest<RiskPointDetailView>(`/api/risks/points/${id}/assessments`, { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useGenerateRiskPlans(enterpriseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<RiskInspectionPlansResult>(`/api/risks/enterprises/${enterpriseId}/inspection-plans`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inspections'] }),
  });
}
