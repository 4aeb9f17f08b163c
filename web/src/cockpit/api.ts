import { apiRequest } from '../api/client';
import type { CockpitView } from '../contracts';

export const cockpitKeys = { view: ['cockpit'] as const };

export const fetchCockpit = (signal?: AbortSignal) => apiRequest<CockpitView>('/api/cockpit', { signal });
