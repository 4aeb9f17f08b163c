import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import type {
  LapsingCertificateView,
  ListResponse,
  TrainingAttendanceView,
  TrainingKind,
  TrainingPersonView,
  TrainingRecordView,
  TrainingRole,
  TrainingSessionDetail,
  TrainingSessionView,
  TrainingSignInResult,
  TrainingSignInView,
} from '../contracts';

export interface SessionInput {
  enterpriseId?: string | null;
  kind: TrainingKind;
  title: string;
  trainer: string;
  startsAt: string;
  hours: number;
  content?: string;
  materialFileIds?: string[];
  drillRunId?: string;
}

export const trainingKeys = {
  all: ['training'] as const,
  sessions: (year: number) => ['training', 'sessions', year] as const,
  session: (id: string) => ['training', 'session', id] as const,
  people: (year: number) => ['training', 'people', year] as const,
  person: (id: string, year: number) => ['training', 'person', id, year] as const,
  lapsing: (days: number) => ['training', 'lapsing', days] as const,
};

export function useSessions(year: number) {
  return useQuery({
    queryKey: trainingKeys.sessions(year),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<TrainingSessionView>>('/api/training/sessions', {
        query: { year, pageSize: 200 },
        signal,
      }),
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: trainingKeys.session(id),
    queryFn: ({ signal }) => apiRequest<TrainingSessionDetail>(`/api/training/sessions/${id}`, { signal }),
  });
}

export function usePeople(year: number) {
  return useQuery({
    queryKey: trainingKeys.people(year),
    queryFn: ({ signal }) =>
      apiRequest<TrainingPersonView[]>('/api/training/people', { query: { year }, signal }),
  });
}

export function usePersonRecord(id: string, year: number) {
  return useQuery({
    queryKey: trainingKeys.person(id, year),
    queryFn: ({ signal }) =>
      apiRequest<TrainingRecordView>(`/api/training/people/${id}`, { query: { year }, signal }),
  });
}

export function useLapsing(days: number) {
  return useQuery({
    queryKey: trainingKeys.lapsing(days),
    queryFn: ({ signal }) =>
      apiRequest<LapsingCertificateView[]>('/api/training/certificates/lapsing', { query: { days }, signal }),
  });
}

export function useCreateSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionInput) =>
      apiRequest<TrainingSessionView>('/api/training/sessions', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

export function useUpdateSession(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<SessionInput, 'enterpriseId'>) =>
      apiRequest<TrainingSessionView>(`/api/training/sessions/${id}`, { method: 'PATCH', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

export function useDeleteSession(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>(`/api/training/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

export function useRecordAttendance(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { contactId: string; hours?: number }) =>
      apiRequest<TrainingAttendanceView>(`/api/training/sessions/${sessionId}/attendance`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

export function useSetProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      contactId,
      ...body
    }: {
      contactId: string;
      role: TrainingRole;
      startedOn: string | null;
    }) => apiRequest<TrainingPersonView>(`/api/training/people/${contactId}`, { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

export function fetchSignIn(token: string, signal?: AbortSignal) {
  return apiRequest<TrainingSignInView>(`/api/training-sign-in/${token}`, { signal, anonymous: true });
}

export function signIn(token: string, phone: string) {
  return apiRequest<TrainingSignInResult>(`/api/training-sign-in/${token}`, {
    method: 'POST',
    body: { phone },
    anonymous: true,
  });
}
