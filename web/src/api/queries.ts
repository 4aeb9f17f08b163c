import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  fetchAllEnterprises,
  fetchEnterprises,
  fetchPublicConfig,
  fetchUsers,
  type EnterpriseFilter,
  type UserFilter,
} from './endpoints';

export const queryKeys = {
  publicConfig: ['config', 'public'] as const,
  me: ['auth', 'me'] as const,
  enterprises: (filter: EnterpriseFilter) => ['enterprises', 'list', filter] as const,
  allEnterprises: ['enterprises', 'all'] as const,
  users: (filter: UserFilter) => ['users', 'list', filter] as const,
  audit: (filter: object) => ['audit', 'list', filter] as const,
};

export function usePublicConfig() {
  return useQuery({
    queryKey: queryKeys.publicConfig,
    queryFn: ({ signal }) => fetchPublicConfig(signal),
    // Deployment settings: they change only with a restart of the server.
    staleTime: Infinity,
  });
}

export function useAllEnterprises() {
  return useQuery({
    queryKey: queryKeys.allEnterprises,
    queryFn: ({ signal }) => fetchAllEnterprises(signal),
  });
}

export function useEnterprises(filter: EnterpriseFilter) {
  return useQuery({
    queryKey: queryKeys.enterprises(filter),
    queryFn: ({ signal }) => fetchEnterprises(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: queryKeys.users(filter),
    queryFn: ({ signal }) => fetchUsers(filter, signal),
    placeholderData: keepPreviousData,
  });
}
