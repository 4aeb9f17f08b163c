import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { IncidentSummary } from '../contracts';
import { incidentKeys } from '../incidents/queries';
import type { LiveStatus } from './live-socket';
import { upsertOpenIncident } from './room-events';
import { useLiveSocket } from './use-room';

export interface OverviewState {
  status: LiveStatus;
  /** The overview was refused (the role is not a zone role) or could not be joined. */
  error: string | null;
}

/**
 * The zone's incidents, live (zone roles): joins `overview:join` on every (re)connect and folds
 * each `incident:upsert` into the open-incident overview and the incident lists. After a
 * reconnect the caches are refetched, since upserts sent meanwhile were not received.
 */
export function useOverview(enabled = true): OverviewState {
  const { socket, status } = useLiveSocket();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!socket || !enabled) return;
    let active = true;
    let joinedOnce = false;

    const join = () => {
      socket.timeout(10_000).emit('overview:join', {}, (timeout, ack) => {
        if (!active) return;
        if (timeout || !ack.ok) {
          setError(timeout ? 'timeout' : (ack.error ?? 'refused'));
          return;
        }
        setError(null);
        if (joinedOnce) void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
        joinedOnce = true;
      });
    };
    const onUpsert = (summary: IncidentSummary) => {
      queryClient.setQueryData<IncidentSummary[]>(incidentKeys.overview, (list) =>
        upsertOpenIncident(list, summary),
      );
      if (queryClient.isFetching({ queryKey: incidentKeys.overview, exact: true }) > 0) {
        void queryClient.invalidateQueries({ queryKey: incidentKeys.overview, exact: true });
      }
      // Lists are filtered and paged on the server: let them ask again rather than guess.
      void queryClient.invalidateQueries({ queryKey: incidentKeys.lists });
      void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(summary.id), exact: true });
    };

    socket.on('incident:upsert', onUpsert);
    socket.on('connect', join);
    if (socket.connected) join();
    return () => {
      active = false;
      socket.off('incident:upsert', onUpsert);
      socket.off('connect', join);
    };
  }, [socket, enabled, queryClient]);

  return { status, error };
}
