import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import type {
  SafetyFundCategory,
  SafetyFundIndustry,
  SafetyFundLedgerView,
  SafetyFundSpendView,
  SafetyFundYearView,
} from '../contracts';

export const fundKeys = {
  all: ['safety-funds'] as const,
  table: (year: number) => ['safety-funds', 'table', year] as const,
  ledger: (enterpriseId: string, year: number) => ['safety-funds', 'ledger', enterpriseId, year] as const,
};

export function useFundTable(year: number) {
  return useQuery({
    queryKey: fundKeys.table(year),
    queryFn: ({ signal }) =>
      apiRequest<SafetyFundYearView[]>('/api/safety-funds', { query: { year }, signal }),
  });
}

export function useLedger(enterpriseId: string, year: number) {
  return useQuery({
    queryKey: fundKeys.ledger(enterpriseId, year),
    queryFn: ({ signal }) =>
      apiRequest<SafetyFundLedgerView>(`/api/safety-funds/enterprises/${enterpriseId}`, {
        query: { year },
        signal,
      }),
  });
}

export function useSetYear(enterpriseId: string, year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      industry: SafetyFundIndustry | null;
      priorRevenue: number | null;
      setAside: number;
    }) =>
      apiRequest<SafetyFundYearView>(`/api/safety-funds/enterprises/${enterpriseId}`, {
        method: 'PUT',
        query: { year },
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: fundKeys.all }),
  });
}

export function useAddSpend() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      enterpriseId: string;
      spentOn: string;
      category: SafetyFundCategory;
      amount: number;
      description: string;
      receiptFileIds: string[];
    }) => apiRequest<SafetyFundSpendView>('/api/safety-funds/spends', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: fundKeys.all }),
  });
}

export function useRemoveSpend() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/api/safety-funds/spends/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: fundKeys.all }),
  });
}
