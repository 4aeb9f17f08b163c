import { ApiRequestError, apiRequest } from '../api/client';
import { sessionStore } from '../api/session';
import type {
  ImportResult,
  ListResponse,
  NearestResourcesResponse,
  ResourceMapResponse,
  ResourceStatus,
  ResourceType,
  ResourceView,
} from '../contracts';

export interface ResourceListFilter {
  q?: string;
  types?: ResourceType[];
  statuses?: ResourceStatus[];
  alert?: 'expiring';
  page?: number;
  pageSize?: number;
}

export function fetchResources(f: ResourceListFilter, signal?: AbortSignal) {
  return apiRequest<ListResponse<ResourceView>>('/api/resources', {
    query: {
      q: f.q,
      types: f.types?.join(','),
      statuses: f.statuses?.join(','),
      alert: f.alert,
      page: f.page,
      pageSize: f.pageSize,
    },
    signal,
  });
}

/** Every resource the caller may see, in the map's compact form, in one request. */
export function fetchResourceMap(signal?: AbortSignal) {
  return apiRequest<ResourceMapResponse>('/api/resources/map', { signal });
}

export function fetchResource(id: string, signal?: AbortSignal) {
  return apiRequest<ResourceView>(`/api/resources/${encodeURIComponent(id)}`, { signal });
}

export function fetchNearest(
  p: { lat: number; lng: number; types?: ResourceType[]; limit?: number },
  signal?: AbortSignal,
) {
  return apiRequest<NearestResourcesResponse>('/api/resources/nearest', {
    query: { lat: p.lat, lng: p.lng, types: p.types?.join(','), limit: p.limit },
    signal,
  });
}

export type ResourceInput = Omit<
  ResourceView,
  'id' | 'alert' | 'createdAt' | 'updatedAt' | 'enterpriseId' | 'dispatchIncidentId'
> & { enterpriseId?: string | null };

export function saveResource(id: string | null, body: Partial<ResourceInput>) {
  return id
    ? apiRequest<ResourceView>(`/api/resources/${id}`, { method: 'PATCH', body })
    : apiRequest<ResourceView>('/api/resources', { method: 'POST', body });
}

export function deleteResource(id: string) {
  return apiRequest<void>(`/api/resources/${id}`, { method: 'DELETE' });
}

/** Uploads a CSV/XLSX file to an import endpoint; a 400 carries the per-row report. */
export async function uploadImport(path: string, file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  const session = sessionStore.get();
  const res = await fetch(path, {
    method: 'POST',
    headers: session ? { Authorization: `Bearer ${session.token}` } : {},
    body: form,
  });
  const body = (await res.json().catch(() => null)) as { message?: string | string[] } | ImportResult | null;
  if (!res.ok) {
    const message = body && 'message' in body ? body.message : undefined;
    throw new ApiRequestError(res.status, Array.isArray(message) ? message : message ? [message] : []);
  }
  return body as ImportResult;
}

/** Downloads an export with the bearer token and hands it to the browser as a file. */
export async function downloadExport(path: string, filename: string): Promise<void> {
  const session = sessionStore.get();
  const res = await fetch(path, { headers: session ? { Authorization: `Bearer ${session.token}` } : {} });
  if (!res.ok) throw new ApiRequestError(res.status, [res.statusText]);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
