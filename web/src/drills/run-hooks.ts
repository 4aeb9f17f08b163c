import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { RoomEventView, RunView } from '../contracts';
import { useNow } from '../incidents/ui';
import { fetchMetrics, fetchRun } from './api';
import { clockElapsed } from './model';
import { drillKeys } from './ui';

export function useRun(id: string) {
  return useQuery({ queryKey: drillKeys.run(id), queryFn: ({ signal }) => fetchRun(id, signal) });
}

export function useMetrics(id: string, enabled = true) {
  return useQuery({
    queryKey: drillKeys.metrics(id),
    queryFn: ({ signal }) => fetchMetrics(id, signal),
    enabled,
  });
}

/** Scenario seconds now, ticking every second while the clock runs. */
export function useScenarioSeconds(run: RunView | undefined, receivedAt: number): number {
  const now = useNow();
  if (!run) return 0;
  return clockElapsed(run.clock, receivedAt, Math.max(now, receivedAt));
}

/**
 * Keeps the run and its metrics in step with the drill room: a `drill.*` event means the run
 * changed (clock, injects), and any event may be the one an expected action was waiting for.
 */
export function useFollowRoom(runId: string, events: readonly RoomEventView[]): void {
  const queryClient = useQueryClient();
  const seen = useRef(0);
  useEffect(() => {
    const last = events.length ? events[events.length - 1].seq : 0;
    if (last <= seen.current) return;
    const fresh = events.filter((e) => e.seq > seen.current);
    seen.current = last;
    if (fresh.some((e) => e.type.startsWith('drill.'))) {
      void queryClient.invalidateQueries({ queryKey: drillKeys.run(runId), exact: true });
    }
    void queryClient.invalidateQueries({ queryKey: drillKeys.metrics(runId), exact: true });
    void queryClient.invalidateQueries({ queryKey: drillKeys.report(runId), exact: true });
  }, [events, runId, queryClient]);
}
