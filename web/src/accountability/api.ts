import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import type {
  AccountabilityCandidatesView,
  AccountabilityMeasure,
  AccountabilityRecordView,
  AccountabilityStatus,
  AccountablePerson,
  FindingKind,
  FindingSummary,
  ListResponse,
} from '../contracts';

const enc = encodeURIComponent;

export interface RecordFilter {
  status?: AccountabilityStatus | '';
  measure?: AccountabilityMeasure | '';
  findingKind?: FindingKind | '';
}

export interface RecordInput {
  findingKind: FindingKind;
  findingId: string;
  about: 'enterprise' | 'zone';
  persons: AccountablePerson[];
  facts: string;
  measure: AccountabilityMeasure;
  measureDetail?: string;
  attachmentIds?: string[];
}

export const accountabilityKeys = {
  all: ['accountability'] as const,
  list: (f: RecordFilter) => ['accountability', 'list', f] as const,
  record: (id: string) => ['accountability', 'record', id] as const,
  findings: (kind: FindingKind) => ['accountability', 'findings', kind] as const,
  candidates: (kind: FindingKind, id: string) => ['accountability', 'candidates', kind, id] as const,
};

export function useRecords(filter: RecordFilter) {
  return useQuery({
    queryKey: accountabilityKeys.list(filter),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<AccountabilityRecordView>>('/api/accountability', {
        query: { ...filter, pageSize: 200 },
        signal,
      }),
  });
}

export function useRecord(id: string) {
  return useQuery({
    queryKey: accountabilityKeys.record(id),
    queryFn: ({ signal }) =>
      apiRequest<AccountabilityRecordView>(`/api/accountability/${enc(id)}`, { signal }),
  });
}

export function useFindings(kind: FindingKind, enabled: boolean) {
  return useQuery({
    queryKey: accountabilityKeys.findings(kind),
    queryFn: ({ signal }) =>
      apiRequest<FindingSummary[]>('/api/accountability/findings', { query: { kind }, signal }),
    enabled,
  });
}

export function useCandidates(kind: FindingKind, findingId: string) {
  return useQuery({
    queryKey: accountabilityKeys.candidates(kind, findingId),
    queryFn: ({ signal }) =>
      apiRequest<AccountabilityCandidatesView>('/api/accountability/candidates', {
        query: { findingKind: kind, findingId },
        signal,
      }),
    enabled: !!findingId,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: accountabilityKeys.all });
}

export function useCreateRecord() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RecordInput) =>
      apiRequest<AccountabilityRecordView>('/api/accountability', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useStep(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ step, body }: { step: 'decide' | 'carry-out' | 'withdraw'; body: object }) =>
      apiRequest<AccountabilityRecordView>(`/api/accountability/${enc(id)}/${step}`, {
        method: 'POST',
        body,
      }),
    onSuccess: invalidate,
  });
}
