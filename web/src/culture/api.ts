import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import type {
  CultureActivityKind,
  CultureActivityView,
  CultureYearStats,
  ListResponse,
  ModelApplicationDetail,
  ModelApplicationView,
  ModelCriteriaItem,
  ModelCriteriaView,
  ModelEnterpriseView,
  ModelPrerequisiteCheck,
} from '../contracts';

export const cultureKeys = {
  all: ['culture'] as const,
  activities: (year: number) => ['culture', 'activities', year] as const,
  stats: (year: number) => ['culture', 'stats', year] as const,
  criteria: (year: number) => ['culture', 'criteria', year] as const,
  prerequisites: (year: number) => ['culture', 'prerequisites', year] as const,
  applications: (year: number) => ['culture', 'applications', year] as const,
  application: (id: string) => ['culture', 'application', id] as const,
  models: ['culture', 'model-enterprises'] as const,
};

export interface ActivityInput {
  heldOn: string;
  kind: CultureActivityKind;
  title: string;
  place: string;
  participantCount: number;
  participantContactIds: string[];
  description: string;
  photoFileIds: string[];
}

export function useActivities(year: number) {
  return useQuery({
    queryKey: cultureKeys.activities(year),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<CultureActivityView>>('/api/culture/activities', {
        query: { year, pageSize: 500 },
        signal,
      }),
  });
}

export function useActivityStats(year: number) {
  return useQuery({
    queryKey: cultureKeys.stats(year),
    queryFn: ({ signal }) =>
      apiRequest<CultureYearStats>('/api/culture/activities/stats', { query: { year }, signal }),
  });
}

export function useCreateActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityInput) =>
      apiRequest<CultureActivityView>('/api/culture/activities', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: cultureKeys.all }),
  });
}

export function useRemoveActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/api/culture/activities/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: cultureKeys.all }),
  });
}

/** A year's criteria, or null while the zone has published none. */
export function useCriteria(year: number) {
  return useQuery({
    queryKey: cultureKeys.criteria(year),
    queryFn: async ({ signal }) => {
      const all = await apiRequest<ModelCriteriaView[]>('/api/culture/criteria', { signal });
      return all.find((c) => c.year === year) ?? null;
    },
  });
}

export function useSetCriteria(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      items: ModelCriteriaItem[];
      passScore: number;
      incidentYears: number;
      validityYears: number;
    }) =>
      apiRequest<ModelCriteriaView>('/api/culture/criteria/year', { method: 'PUT', query: { year }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: cultureKeys.all }),
  });
}

export function usePrerequisites(year: number, enabled: boolean) {
  return useQuery({
    queryKey: cultureKeys.prerequisites(year),
    enabled,
    queryFn: ({ signal }) =>
      apiRequest<ModelPrerequisiteCheck[]>('/api/culture/prerequisites', { query: { year }, signal }),
  });
}

export function useApplications(year: number) {
  return useQuery({
    queryKey: cultureKeys.applications(year),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<ModelApplicationView>>('/api/culture/applications', {
        query: { year, pageSize: 500 },
        signal,
      }),
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: cultureKeys.application(id),
    queryFn: ({ signal }) =>
      apiRequest<ModelApplicationDetail>(`/api/culture/applications/${id}`, { signal }),
  });
}

export function useApply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) =>
      apiRequest<ModelApplicationDetail>('/api/culture/applications', { method: 'POST', body: { year } }),
    onSuccess: () => client.invalidateQueries({ queryKey: cultureKeys.all }),
  });
}

type Step =
  | { kind: 'items'; body: unknown }
  | { kind: 'submit' }
  | { kind: 'review'; body: unknown }
  | { kind: 'return'; body: { note: string } }
  | { kind: 'decision'; body: { decision: 'award' | 'decline'; reason?: string } };

function sendStep(id: string, step: Step): Promise<ModelApplicationDetail> {
  const path = `/api/culture/applications/${id}`;
  switch (step.kind) {
    case 'items':
      return apiRequest<ModelApplicationDetail>(`${path}/items`, { method: 'PUT', body: step.body });
    case 'review':
      return apiRequest<ModelApplicationDetail>(`${path}/review`, { method: 'PUT', body: step.body });
    case 'submit':
      return apiRequest<ModelApplicationDetail>(`${path}/submit`, { method: 'POST' });
    case 'return':
      return apiRequest<ModelApplicationDetail>(`${path}/return`, { method: 'POST', body: step.body });
    case 'decision':
      return apiRequest<ModelApplicationDetail>(`${path}/decision`, { method: 'POST', body: step.body });
  }
}

/**
 * Changes to an application, one after the other (save the scores, then submit or decide): the
 * last answer is the application's new state.
 */
export function useApplicationStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (steps: Step[]) => {
      let detail: ModelApplicationDetail | undefined;
      try {
        for (const step of steps) detail = await sendStep(id, step);
      } finally {
        // A first step that went through is kept even when a later one is refused.
        if (detail) client.setQueryData(cultureKeys.application(id), detail);
      }
      return detail!;
    },
    onSettled: () => client.invalidateQueries({ queryKey: cultureKeys.all }),
  });
}

export function useModelEnterprises() {
  return useQuery({
    queryKey: cultureKeys.models,
    queryFn: ({ signal }) => apiRequest<ModelEnterpriseView[]>('/api/culture/model-enterprises', { signal }),
  });
}
