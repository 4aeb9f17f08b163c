import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import type {
  AlarmStatisticsRow,
  AlarmView,
  IngestKeyIssued,
  IngestKeyStatus,
  InstallationAlarmState,
  InstallationChemical,
  InstallationKind,
  InstallationView,
  ListResponse,
  PointView,
  ReadingSeries,
  ResponsiblePerson,
  ResponsibleRole,
  Role,
} from '../contracts';

/** The installations and monitoring endpoints (server/src/installations, server/src/monitoring). */
export const monitoringKeys = {
  installations: ['installations'] as const,
  installation: (id: string) => ['installations', id] as const,
  points: (installationId: string) => ['installations', installationId, 'points'] as const,
  readings: (pointId: string, window: string) => ['points', pointId, 'readings', window] as const,
  alarms: ['alarms'] as const,
  alarmList: (filter: object) => ['alarms', 'list', filter] as const,
  alarmStats: ['alarms', 'statistics'] as const,
  states: ['alarms', 'installation-states'] as const,
};

/** Who keeps the register (the server's INSTALLATION_EDITORS). */
export const INSTALLATION_EDITOR_ROLES: readonly Role[] = ['zone_admin', 'inspector', 'enterprise_officer'];
/** Who may see and issue an enterprise's gateway ingestion key. */
export const INGEST_KEY_ROLES: readonly Role[] = ['zone_admin', 'enterprise_officer'];

/** Live values refresh this often; alarms come over the socket. */
const LIVE_REFRESH_MS = 5000;

export function useInstallations() {
  return useQuery({
    queryKey: monitoringKeys.installations,
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<InstallationView>>('/api/installations', { signal, query: { pageSize: 500 } }),
  });
}

export function useInstallation(id: string) {
  return useQuery({
    queryKey: monitoringKeys.installation(id),
    queryFn: ({ signal }) => apiRequest<InstallationView>(`/api/installations/${id}`, { signal }),
  });
}

export function usePoints(installationId: string) {
  return useQuery({
    queryKey: monitoringKeys.points(installationId),
    queryFn: ({ signal }) =>
      apiRequest<PointView[]>(`/api/installations/${installationId}/points`, { signal }),
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export const WINDOWS = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 } as const;
export type ChartWindow = keyof typeof WINDOWS;

export function useReadings(pointId: string, window: ChartWindow) {
  return useQuery({
    queryKey: monitoringKeys.readings(pointId, window),
    queryFn: ({ signal }) => {
      const to = new Date();
      const from = new Date(to.getTime() - WINDOWS[window]);
      return apiRequest<ReadingSeries>(`/api/points/${pointId}/readings`, {
        signal,
        query: { from: from.toISOString(), to: to.toISOString() },
      });
    },
    refetchInterval: window === 'hour' ? LIVE_REFRESH_MS : 60_000,
  });
}

export function useAlarms(filter: { open?: boolean; installationId?: string; pageSize?: number }) {
  return useQuery({
    queryKey: monitoringKeys.alarmList(filter),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<AlarmView>>('/api/alarms', { signal, query: { pageSize: 100, ...filter } }),
  });
}

export function useAlarmStatistics() {
  return useQuery({
    queryKey: monitoringKeys.alarmStats,
    queryFn: ({ signal }) => apiRequest<AlarmStatisticsRow[]>('/api/alarms/statistics', { signal }),
  });
}

export function useInstallationStates() {
  return useQuery({
    queryKey: monitoringKeys.states,
    queryFn: ({ signal }) =>
      apiRequest<InstallationAlarmState[]>('/api/alarms/installation-states', { signal }),
  });
}

/** The handling steps, and opening a hazard in the ledger from the alarm (once; again is the same). */
export type AlarmStep = 'acknowledge' | 'dispose' | 'close' | 'hazard';

export function useAlarmStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, disposal }: { id: string; step: AlarmStep; disposal?: string }) =>
      apiRequest<AlarmView>(`/api/alarms/${id}/${step}`, {
        method: 'POST',
        body: step === 'dispose' ? { disposal } : {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.alarms }),
  });
}

/** What the installation form sends: the register's fields (the server identifies and grades). */
export interface InstallationInput {
  enterpriseId?: string;
  code: string;
  name: string;
  kind: InstallationKind;
  location: { lat: number; lng: number } | null;
  peopleExposed: number;
  chemicals: InstallationChemical[];
  responsible: Record<ResponsibleRole, ResponsiblePerson | null>;
}

/** Registers an installation, or changes the one `id` names. */
export function useSaveInstallation(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InstallationInput) =>
      id
        ? apiRequest<InstallationView>(`/api/installations/${id}`, { method: 'PATCH', body: input })
        : apiRequest<InstallationView>('/api/installations', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.installations }),
  });
}

export type PointInput = Pick<
  PointView,
  | 'code'
  | 'name'
  | 'kind'
  | 'unit'
  | 'rangeMin'
  | 'rangeMax'
  | 'high'
  | 'highHigh'
  | 'low'
  | 'lowLow'
  | 'delaySeconds'
  | 'holdSeconds'
  | 'onAlarm'
>;

/** Adds a sensor point to an installation, or changes the point `pointId` names. */
export function useSavePoint(installationId: string, pointId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PointInput) =>
      pointId
        ? apiRequest<PointView>(`/api/points/${pointId}`, { method: 'PATCH', body: input })
        : apiRequest<PointView>(`/api/installations/${installationId}/points`, {
            method: 'POST',
            body: input,
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.points(installationId) }),
  });
}

const ingestKeyKey = (enterpriseId: string) => ['enterprises', enterpriseId, 'ingest-key'] as const;

export function useIngestKey(enterpriseId: string) {
  return useQuery({
    queryKey: ingestKeyKey(enterpriseId),
    queryFn: ({ signal }) =>
      apiRequest<IngestKeyStatus>(`/api/enterprises/${enterpriseId}/ingest-key`, { signal }),
  });
}

/** Issues a new key, which replaces the old one at once; the answer is the only time it is shown. */
export function useIssueIngestKey(enterpriseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<IngestKeyIssued>(`/api/enterprises/${enterpriseId}/ingest-key`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ingestKeyKey(enterpriseId) }),
  });
}
