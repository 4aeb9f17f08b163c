import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  fetchAllOpenIncidents,
  fetchDispatches,
  fetchFeatures,
  fetchIncident,
  fetchIncidents,
  fetchReports,
  fetchStatusSummary,
  fetchTasks,
  type IncidentFilter,
} from './api';
import { toIncidentSummary } from '../live/room-events';

/** Query keys: every incident cache starts with 'incidents', so one invalidation reaches them all. */
export const incidentKeys = {
  all: ['incidents'] as const,
  lists: ['incidents', 'list'] as const,
  list: (filter: IncidentFilter) => ['incidents', 'list', filter] as const,
  overview: ['incidents', 'overview'] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  reports: (id: string) => ['incidents', 'detail', id, 'reports'] as const,
  tasks: (id: string) => ['incidents', 'detail', id, 'tasks'] as const,
  features: (id: string) => ['incidents', 'detail', id, 'features'] as const,
  dispatches: (id: string) => ['incidents', 'detail', id, 'dispatches'] as const,
  summary: (id: string) => ['incidents', 'detail', id, 'summary'] as const,
  callouts: (id: string) => ['incidents', 'detail', id, 'callouts'] as const,
};

export function useIncidentList(filter: IncidentFilter) {
  return useQuery({
    queryKey: incidentKeys.list(filter),
    queryFn: ({ signal }) => fetchIncidents(filter, signal),
    placeholderData: keepPreviousData,
  });
}

/** The open incidents as overview records; `incident:upsert` keeps this cache current. */
export function useOpenIncidentSummaries() {
  return useQuery({
    queryKey: incidentKeys.overview,
    queryFn: async ({ signal }) => (await fetchAllOpenIncidents(signal)).map(toIncidentSummary),
  });
}

export function useIncident(id: string) {
  return useQuery({ queryKey: incidentKeys.detail(id), queryFn: ({ signal }) => fetchIncident(id, signal) });
}

export function useReports(id: string) {
  return useQuery({ queryKey: incidentKeys.reports(id), queryFn: ({ signal }) => fetchReports(id, signal) });
}

export function useTasks(id: string) {
  return useQuery({ queryKey: incidentKeys.tasks(id), queryFn: ({ signal }) => fetchTasks(id, signal) });
}

export function useFeatures(id: string) {
  return useQuery({
    queryKey: incidentKeys.features(id),
    queryFn: ({ signal }) => fetchFeatures(id, signal),
  });
}

export function useDispatches(id: string) {
  return useQuery({
    queryKey: incidentKeys.dispatches(id),
    queryFn: ({ signal }) => fetchDispatches(id, signal),
  });
}

export function useStatusSummary(id: string) {
  return useQuery({
    queryKey: incidentKeys.summary(id),
    queryFn: ({ signal }) => fetchStatusSummary(id, signal),
    staleTime: 0,
  });
}
