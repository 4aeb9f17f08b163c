import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { fetchMe } from '../api/endpoints';
import { queryKeys } from '../api/queries';
import { sessionStore, type Session } from '../api/session';

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/**
 * Re-reads the signed-in user from the server once per session, so a role or name changed by
 * an administrator (or a deactivated account, answered with 401) shows up on the next load
 * rather than living on in localStorage.
 */
export function useRefreshCurrentUser(session: Session | null): void {
  const me = useQuery({
    queryKey: [...queryKeys.me, session?.token],
    queryFn: ({ signal }) => fetchMe(signal),
    enabled: session !== null,
    staleTime: Infinity,
  });
  useEffect(() => {
    const user = me.data;
    const currentUser = sessionStore.get()?.user;
    if (!user || !currentUser) return;
    if (
      user.name !== currentUser.name ||
      user.role !== currentUser.role ||
      user.email !== currentUser.email ||
      user.enterpriseId !== currentUser.enterpriseId
    ) {
      sessionStore.updateUser({
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        enterpriseId: user.enterpriseId,
      });
    }
  }, [me.data]);
}

export function useLogout(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    sessionStore.end('logout');
    // The next user of this browser must not see the previous user's cached lists.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'config' });
  }, [queryClient]);
}
