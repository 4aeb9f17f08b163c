import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import type {
  ListResponse,
  NotificationKind,
  NotificationPreferencesView,
  NotificationView,
} from '../contracts';

export type NotificationList = ListResponse<NotificationView> & { unread: number };

export interface NotificationFilter {
  kind?: NotificationKind | '';
  unread?: boolean;
  page?: number;
  pageSize?: number;
}

/** How many the bell's panel shows. */
export const LATEST_SIZE = 8;

export const notificationKeys = {
  all: ['notifications'] as const,
  latest: ['notifications', 'latest'] as const,
  lists: ['notifications', 'list'] as const,
  list: (f: NotificationFilter) => ['notifications', 'list', f] as const,
  preferences: ['notifications', 'preferences'] as const,
};

function fetchList(f: NotificationFilter, signal?: AbortSignal): Promise<NotificationList> {
  return apiRequest<NotificationList>('/api/notifications', {
    query: { kind: f.kind, unread: f.unread ? true : undefined, page: f.page, pageSize: f.pageSize },
    signal,
  });
}

/** The latest few and the unread count: what the bell shows. Kept current by the live push. */
export function useLatestNotifications() {
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: ({ signal }) => fetchList({ pageSize: LATEST_SIZE }, signal),
    staleTime: 5 * 60_000,
  });
}

export function useNotificationList(f: NotificationFilter) {
  return useQuery({
    queryKey: notificationKeys.list(f),
    queryFn: ({ signal }) => fetchList(f, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<NotificationView>(`/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ updated: number }>('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) =>
      apiRequest<NotificationPreferencesView>('/api/notifications/preferences', { signal }),
  });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (p: NotificationPreferencesView) =>
      apiRequest<NotificationPreferencesView>('/api/notifications/preferences', { method: 'PUT', body: p }),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences, saved),
  });
}
