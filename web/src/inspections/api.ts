import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import type {
  CheckResult,
  HazardLevel,
  InspectionPlanView,
  InspectionRecordView,
  ListResponse,
} from '../contracts';

export interface ItemAnswer {
  itemId: string;
  result: CheckResult | null;
  note?: string | null;
  level?: HazardLevel;
  place?: string;
}

export function useInspectionPlans() {
  return useQuery({
    queryKey: ['inspections', 'plans'],
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<InspectionPlanView>>('/api/inspections/plans', {
        query: { active: true, pageSize: 100 },
        signal,
      }),
  });
}

export function useInspectionRecords() {
  return useQuery({
    queryKey: ['inspections', 'records'],
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<InspectionRecordView>>('/api/inspections/records', {
        query: { pageSize: 50 },
        signal,
      }),
  });
}

export function useInspectionRecord(id: string) {
  return useQuery({
    queryKey: ['inspections', 'record', id],
    queryFn: ({ signal }) => apiRequest<InspectionRecordView>(`/api/inspections/records/${id}`, { signal }),
  });
}

export function useStartInspection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { planId: string; enterpriseId?: string }) =>
      apiRequest<InspectionRecordView>('/api/inspections/records', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inspections'] }),
  });
}

export function useSaveAnswers(id: string, complete: boolean) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { items: ItemAnswer[] }) =>
      apiRequest<InspectionRecordView>(`/api/inspections/records/${id}${complete ? '/complete' : ''}`, {
        method: complete ? 'POST' : 'PATCH',
        body: input,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['inspections'] });
      // Failed items became hazards: the ledger is stale too.
      if (complete) void client.invalidateQueries({ queryKey: ['hazards'] });
    },
  });
}
