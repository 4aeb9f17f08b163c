import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import type {
  DutyRecordView,
  EnterprisePostsView,
  EnterpriseStatementSummary,
  MyStatementView,
  PersonDutiesView,
  PostDetailView,
  ResponsibilityPostView,
  StatementSignResult,
  StatementSigningView,
  StatementVersionView,
} from '../contracts';

const BASE = '/api/responsibility-statements';

export const dutyKeys = {
  all: ['duties'] as const,
  summaries: ['duties', 'summaries'] as const,
  mine: ['duties', 'mine'] as const,
  enterprise: (id: string) => ['duties', 'enterprise', id] as const,
  post: (id: string) => ['duties', 'post', id] as const,
  person: (id: string) => ['duties', 'person', id] as const,
};

export function useSummaries() {
  return useQuery({
    queryKey: dutyKeys.summaries,
    queryFn: ({ signal }) => apiRequest<EnterpriseStatementSummary[]>(`${BASE}/enterprises`, { signal }),
  });
}

export function useMine() {
  return useQuery({
    queryKey: dutyKeys.mine,
    queryFn: ({ signal }) => apiRequest<MyStatementView[]>(`${BASE}/mine`, { signal }),
  });
}

export function useEnterprisePosts(id: string) {
  return useQuery({
    queryKey: dutyKeys.enterprise(id),
    queryFn: ({ signal }) => apiRequest<EnterprisePostsView>(`${BASE}/enterprises/${id}`, { signal }),
  });
}

export function usePost(id: string) {
  return useQuery({
    queryKey: dutyKeys.post(id),
    queryFn: ({ signal }) => apiRequest<PostDetailView>(`${BASE}/posts/${id}`, { signal }),
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: dutyKeys.person(id),
    queryFn: ({ signal }) => apiRequest<PersonDutiesView>(`${BASE}/people/${id}`, { signal }),
  });
}

function useInvalidating<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: dutyKeys.all }),
  });
}

export function useSetHolders(postId: string) {
  return useInvalidating((contactIds: string[]) =>
    apiRequest<ResponsibilityPostView>(`${BASE}/posts/${postId}/holders`, {
      method: 'PUT',
      body: { contactIds },
    }),
  );
}

export interface PublishInput {
  year: number;
  title?: string;
  clauses: string[];
  targets: string[];
}

export function usePublish(postId: string) {
  return useInvalidating((body: PublishInput) =>
    apiRequest<StatementVersionView>(`${BASE}/posts/${postId}/versions`, { method: 'POST', body }),
  );
}

export interface DutyRecordInput {
  contactId: string;
  doneOn: string;
  duty: string;
  description: string;
  fileIds: string[];
}

export function useRecordDuty(postId: string) {
  return useInvalidating((body: DutyRecordInput) =>
    apiRequest<DutyRecordView>(`${BASE}/posts/${postId}/duty-records`, { method: 'POST', body }),
  );
}

export function useSignInConsole() {
  return useInvalidating((versionId: string) =>
    apiRequest<StatementSignResult>(`${BASE}/versions/${versionId}/sign`, { method: 'POST' }),
  );
}

export function fetchSigning(token: string, signal?: AbortSignal) {
  return apiRequest<StatementSigningView>(`/api/statement-signing/${token}`, { signal, anonymous: true });
}

export function signByLink(token: string, body: { versionId: string; name: string; phoneLast4: string }) {
  return apiRequest<StatementSignResult>(`/api/statement-signing/${token}`, {
    method: 'POST',
    body,
    anonymous: true,
  });
}
