import { apiRequest } from '../api/client';
import type { ListResponse, SensitiveTargetKind, SensitiveTargetView } from '../contracts';

/** The sensitive-targets module's endpoints (server/src/sensitive-targets). */
export interface SensitiveTargetFilter {
  q?: string;
  kind?: SensitiveTargetKind;
  page: number;
  pageSize: number;
}

export function fetchSensitiveTargets(f: SensitiveTargetFilter, signal?: AbortSignal) {
  const p = new URLSearchParams({ page: String(f.page), pageSize: String(f.pageSize) });
  if (f.q) p.set('q', f.q);
  if (f.kind) p.set('kind', f.kind);
  return apiRequest<ListResponse<SensitiveTargetView>>(`/api/sensitive-targets?${p}`, { signal });
}

/** The whole register, for the map. */
export const fetchSensitiveTargetMap = (signal?: AbortSignal) =>
  apiRequest<ListResponse<SensitiveTargetView>>('/api/sensitive-targets/map', { signal });

export type SensitiveTargetInput = Omit<SensitiveTargetView, 'id' | 'createdAt' | 'updatedAt'>;

export function saveSensitiveTarget(id: string | null, body: Partial<SensitiveTargetInput>) {
  return id
    ? apiRequest<SensitiveTargetView>(`/api/sensitive-targets/${id}`, { method: 'PATCH', body })
    : apiRequest<SensitiveTargetView>('/api/sensitive-targets', { method: 'POST', body });
}

export const deleteSensitiveTarget = (id: string) =>
  apiRequest<void>(`/api/sensitive-targets/${id}`, { method: 'DELETE' });
