import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { RoomEventView } from '../contracts';
import { fetchRollCalls } from './api';
import { lastRollCallSeq } from './board-state';

export { currentRollCall } from './board-state';

export const rollCallKeys = {
  forIncident: (incidentId: string) => ['rollcalls', incidentId] as const,
  candidates: (incidentId: string) => ['rollcalls', incidentId, 'candidates'] as const,
};

/**
 * The incident's roll calls, kept live: every `rollcall.*` event in the room (a text, another
 * console's entry) refetches the board, so the numbers are the server's, never a sum kept here.
 */
export function useRollCalls(incidentId: string, events: readonly Pick<RoomEventView, 'seq' | 'type'>[]) {
  const queryClient = useQueryClient();
  const seq = lastRollCallSeq(events);
  useEffect(() => {
    if (seq > 0)
      void queryClient.invalidateQueries({ queryKey: rollCallKeys.forIncident(incidentId), exact: true });
  }, [queryClient, incidentId, seq]);
  return useQuery({
    queryKey: rollCallKeys.forIncident(incidentId),
    queryFn: ({ signal }) => fetchRollCalls(incidentId, signal),
  });
}
