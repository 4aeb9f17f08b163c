import { apiRequest } from '../api/client';
import type { DutyPolicyInput, DutyPolicyView } from '../contracts';

/** The duty module's endpoints (server/src/duty). */
export const fetchDutyPolicy = (signal?: AbortSignal) =>
  apiRequest<DutyPolicyView>('/api/duty/policy', { signal });

export const saveDutyPolicy = (body: DutyPolicyInput) =>
  apiRequest<DutyPolicyView>('/api/duty/policy', { method: 'PUT', body });
