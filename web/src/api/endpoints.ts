import type {
  RegulatoryCategory,
  AuditEntryView,
  EnterpriseView,
  ListResponse,
  LoginResponse,
  PublicConfig,
  RiskClass,
  Role,
  UserView,
} from '../contracts';
import { apiRequest } from './client';

/** Used when the public configuration cannot be read: the console still works, offline basemap. */
export const FALLBACK_PUBLIC_CONFIG: PublicConfig = {
  mapTileUrl: '',
  zoneName: '',
  timeZone: 'Asia/Shanghai',
  demoMode: false,
};

export async function fetchPublicConfig(signal?: AbortSignal): Promise<PublicConfig> {
  try {
    const config = await apiRequest<Partial<PublicConfig>>('/api/config/public', { signal, anonymous: true });
    return {
      mapTileUrl: typeof config.mapTileUrl === 'string' ? config.mapTileUrl : '',
      zoneName: typeof config.zoneName === 'string' ? config.zoneName : '',
      timeZone: typeof config.timeZone === 'string' && config.timeZone ? config.timeZone : 'Asia/Shanghai',
      demoMode: config.demoMode === true,
    };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return FALLBACK_PUBLIC_CONFIG;
  }
}

export function login(email: string, password: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/api/auth/login', {
    method: 'POST',
    body: { email, password },
    anonymous: true,
  });
}

export function fetchMe(signal?: AbortSignal): Promise<UserView> {
  return apiRequest<UserView>('/api/auth/me', { signal });
}

export interface EnterpriseFilter {
  q?: string;
  industry?: string;
  riskClass?: RiskClass | '';
  page?: number;
  pageSize?: number;
}

export function fetchEnterprises(
  filter: EnterpriseFilter,
  signal?: AbortSignal,
): Promise<ListResponse<EnterpriseView>> {
  return apiRequest('/api/enterprises', { query: { ...filter }, signal });
}

/** The zone records an enterprise's size and Art. 35 category (null: not recorded). */
export function updateEnterpriseDuties(
  id: string,
  body: Pick<EnterpriseView, 'sizeClass' | 'evaluationCategory'>,
): Promise<EnterpriseView> {
  return apiRequest(`/api/enterprises/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

/**
 * Every enterprise site the caller may see, for the map. Pages through the list rather than
 * trusting one large page, so a zone that outgrows the server's page-size cap still shows all
 * of its sites.
 */
export async function fetchAllEnterprises(signal?: AbortSignal): Promise<ListResponse<EnterpriseView>> {
  const pageSize = 200;
  const items: EnterpriseView[] = [];
  for (let page = 1; ; page++) {
    const result = await fetchEnterprises({ page, pageSize }, signal);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return { items, total: result.total };
  }
}

export interface UserFilter {
  q?: string;
  role?: Role | '';
  page?: number;
  pageSize?: number;
}

export function fetchUsers(filter: UserFilter, signal?: AbortSignal): Promise<ListResponse<UserView>> {
  return apiRequest('/api/users', { query: { ...filter }, signal });
}

export interface UserCreateInput {
  email: string;
  name: string;
  role: Role;
  enterpriseId?: string;
  password: string;
}

export function createUser(input: UserCreateInput): Promise<UserView> {
  return apiRequest('/api/users', { method: 'POST', body: input });
}

/** The zone records an enterprise's MEM Order 2 Art. 33 category. */
export function setEnterpriseCategory(
  id: string,
  regulatoryCategory: RegulatoryCategory,
): Promise<EnterpriseView> {
  return apiRequest(`/api/enterprises/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { regulatoryCategory },
  });
}

export function setUserActive(id: string, active: boolean): Promise<UserView> {
  const action = active ? 'activate' : 'deactivate';
  return apiRequest(`/api/users/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
}

export function resetUserPassword(id: string, password: string): Promise<UserView> {
  return apiRequest(`/api/users/${encodeURIComponent(id)}/reset-password`, {
    method: 'POST',
    body: { password },
  });
}

export interface AuditFilter {
  entity?: string;
  action?: string;
  userId?: string;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export function fetchAudit(filter: AuditFilter, signal?: AbortSignal): Promise<ListResponse<AuditEntryView>> {
  return apiRequest('/api/audit', { query: { ...filter }, signal });
}
