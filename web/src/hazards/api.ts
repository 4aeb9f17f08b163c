import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiRequestError, apiRequest, buildUrl, type QueryValue } from '../api/client';
import { sessionStore } from '../api/session';
import type {
  FileView,
  HazardAction,
  HazardCategory,
  HazardDetailView,
  HazardLevel,
  HazardNoticeView,
  HazardSource,
  HazardStatsView,
  HazardStatus,
  HazardView,
  ListResponse,
} from '../contracts';
import type { HazardFeatureCollection } from './map-features';

export interface HazardFilter {
  q?: string;
  level?: HazardLevel | '';
  status?: HazardStatus | '';
  category?: HazardCategory | '';
  overdue?: boolean;
  sort?: 'foundAt' | 'deadline' | 'level' | 'status' | 'code' | 'updatedAt';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface HazardInput {
  enterpriseId?: string;
  place: string;
  category: HazardCategory;
  description: string;
  level: HazardLevel;
  source: HazardSource;
  measures?: string | null;
  responsiblePerson?: string | null;
  funds?: string | null;
  deadline?: string | null;
  contingencyPlanRef?: string | null;
  governancePlan?: HazardDetailView['governancePlan'];
  harmAnalysis?: string | null;
  photoIds?: string[];
  location?: { lat: number; lng: number } | null;
}

function filterQuery(f: HazardFilter): Record<string, QueryValue> {
  return { ...f, overdue: f.overdue ? true : undefined };
}

export const hazardKeys = {
  all: ['hazards'] as const,
  list: (f: HazardFilter) => ['hazards', 'list', f] as const,
  one: (id: string) => ['hazards', 'one', id] as const,
  stats: (q: object) => ['hazards', 'stats', q] as const,
  map: ['hazards', 'map'] as const,
};

export function useHazards(f: HazardFilter) {
  return useQuery({
    queryKey: hazardKeys.list(f),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<HazardView>>('/api/hazards', { query: filterQuery(f), signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHazard(id: string) {
  return useQuery({
    queryKey: hazardKeys.one(id),
    queryFn: ({ signal }) => apiRequest<HazardDetailView>(`/api/hazards/${id}`, { signal }),
  });
}

export function useHazardStats(q: { from?: string; to?: string }) {
  return useQuery({
    queryKey: hazardKeys.stats(q),
    queryFn: ({ signal }) => apiRequest<HazardStatsView>('/api/hazards/stats', { query: q, signal }),
  });
}

export function useOpenHazardsGeoJson(enabled: boolean) {
  return useQuery({
    queryKey: hazardKeys.map,
    queryFn: ({ signal }) => apiRequest<HazardFeatureCollection>('/api/hazards/map', { signal }),
    enabled,
    refetchInterval: 60_000,
  });
}

/** After any change the ledger, the hazard, the statistics and the map layer are all stale. */
function useInvalidateHazards() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: hazardKeys.all });
}

export function useCreateHazard() {
  const invalidate = useInvalidateHazards();
  return useMutation({
    mutationFn: (input: HazardInput) =>
      apiRequest<HazardDetailView>('/api/hazards', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateHazard(id: string) {
  const invalidate = useInvalidateHazards();
  return useMutation({
    mutationFn: (input: Partial<HazardInput>) =>
      apiRequest<HazardDetailView>(`/api/hazards/${id}`, { method: 'PATCH', body: input }),
    onSuccess: invalidate,
  });
}

export function useHazardTransition(id: string) {
  const invalidate = useInvalidateHazards();
  return useMutation({
    mutationFn: (input: { action: HazardAction; comment?: string; photoIds?: string[] }) =>
      apiRequest<HazardDetailView>(`/api/hazards/${id}/transitions`, { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

/**
 * One step of closing a major hazard (Order 16 Art. 16, 18): stoppage, evaluation, resumption
 * and its review, listed supervision. Each is its own route under the hazard.
 */
export type HazardStep =
  | { path: 'stoppage'; method: 'PUT'; body: object }
  | { path: 'evaluation'; method: 'PUT'; body: object }
  | { path: 'resumption'; method: 'POST'; body: { note: string } }
  | { path: 'resumption/review'; method: 'POST'; body: { decision: 'approve' | 'refuse'; note: string } }
  | { path: 'supervision'; method: 'PUT' | 'DELETE'; body?: object };

export function useHazardStep(id: string) {
  const invalidate = useInvalidateHazards();
  return useMutation({
    mutationFn: (step: HazardStep) =>
      apiRequest<HazardDetailView>(`/api/hazards/${id}/${step.path}`, {
        method: step.method,
        body: step.body,
      }),
    onSuccess: invalidate,
  });
}

/** The workplace notice of open hazards (Work Safety Law Art. 41). */
export function useHazardNotice(enterpriseId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['hazards', 'notice', enterpriseId ?? 'own'] as const,
    queryFn: ({ signal }) =>
      apiRequest<HazardNoticeView>('/api/hazards/notice', { query: { enterpriseId }, signal }),
    enabled,
  });
}

async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const session = sessionStore.get();
  const headers = new Headers(init.headers);
  if (session) headers.set('Authorization', `Bearer ${session.token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiRequestError(0, []);
  }
  if (!response.ok) {
    let messages: string[];
    try {
      const body = (await response.json()) as { message?: string | string[] };
      messages = Array.isArray(body.message) ? body.message : body.message ? [body.message] : [];
    } catch {
      messages = [response.statusText];
    }
    if (response.status === 401 && session) sessionStore.end('expired');
    throw new ApiRequestError(response.status, messages);
  }
  return response;
}

/** Multipart upload of one photo or PDF; the server checks its type by content. */
export async function uploadFile(file: File): Promise<FileView> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await authorizedFetch('/api/files', { method: 'POST', body: form });
  return (await response.json()) as FileView;
}

/** Fetches a protected file (images carry no bearer token by themselves) as an object URL. */
export async function fileObjectUrl(path: string, signal?: AbortSignal): Promise<string> {
  const response = await authorizedFetch(path, { signal });
  return URL.createObjectURL(await response.blob());
}

/** Downloads an XLSX export under the server's file name. */
export async function downloadXlsx(path: string, query: Record<string, QueryValue>, fallbackName: string) {
  const response = await authorizedFetch(buildUrl(path, query));
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = match ? decodeURIComponent(match[1]!) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
