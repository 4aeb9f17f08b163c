import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import type {
  CheckResult,
  HazardCategory,
  HazardLevel,
  InspectionFrequency,
  InspectionKind,
  InspectionPlanView,
  InspectionRecordView,
  ListResponse,
  RecheckResult,
} from '../contracts';

export interface ItemAnswer {
  itemId: string;
  result: CheckResult | null;
  note?: string | null;
  level?: HazardLevel;
  place?: string;
  /** Order 16 Art. 14: required when the failure becomes a major hazard. */
  harmAnalysis?: string;
}

export interface RecheckAnswer {
  hazardId: string;
  result: RecheckResult;
  note?: string;
}

export interface PlanInput {
  title: string;
  kind: InspectionKind;
  enterpriseId?: string;
  enterpriseIds?: string[];
  frequency: InspectionFrequency;
  startsOn: string;
  endsOn: string | null;
  checklist: { text: string; category: HazardCategory }[];
  active?: boolean;
}

export interface SpotCheckInput {
  sampleSize: number;
  enterpriseIds?: string[];
  closedWithinDays: number;
  checklist?: { text: string; category: HazardCategory }[];
}

/** Active plans to run, or every plan (paused ones too) for those who edit them. */
export function useInspectionPlans(all = false) {
  return useQuery({
    queryKey: ['inspections', 'plans', all],
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<InspectionPlanView>>('/api/inspections/plans', {
        query: { ...(all ? {} : { active: true }), pageSize: 100 },
        signal,
      }),
  });
}

export function useInspectionPlan(id: string | undefined) {
  return useQuery({
    queryKey: ['inspections', 'plan', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) => apiRequest<InspectionPlanView>(`/api/inspections/plans/${id}`, { signal }),
  });
}

export function useSavePlan(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanInput) =>
      apiRequest<InspectionPlanView>(id ? `/api/inspections/plans/${id}` : '/api/inspections/plans', {
        method: id ? 'PATCH' : 'POST',
        body: input,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inspections'] }),
  });
}

export function useInspectionRecords(kind?: InspectionKind) {
  return useQuery({
    queryKey: ['inspections', 'records', kind ?? 'all'],
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<InspectionRecordView>>('/api/inspections/records', {
        query: { pageSize: 50, ...(kind ? { kind } : {}) },
        signal,
      }),
  });
}

/** Samples enterprises and opens a spot-check record for each (the zone's 抽查). */
export function useSpotCheck() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SpotCheckInput) =>
      apiRequest<InspectionRecordView[]>('/api/inspections/spot-checks', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inspections'] }),
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
    mutationFn: (input: { items: ItemAnswer[]; rechecks: RecheckAnswer[] }) =>
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
