import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { LiveStatus } from '../live/live-socket';
import { useOverview } from '../live/use-overview';
import { useLiveSocket } from '../live/use-room';
import { cockpitKeys } from './api';

/**
 * The wall reads its figures again whenever the zone's overview hears of a change: an incident
 * filed or moved on, an alarm raised or handled, hazards worked, an assessment published. One
 * read answers them all, so a burst of events costs one request in flight at a time.
 */
export function useCockpitLive(): LiveStatus {
  const { status } = useOverview(true);
  const { socket } = useLiveSocket();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!socket) return;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: cockpitKeys.view });
    socket.on('incident:upsert', refresh);
    socket.on('alarm:upsert', refresh);
    socket.on('zone:changed', refresh);
    // Whatever was sent while the connection was down is read on reconnecting.
    socket.on('connect', refresh);
    return () => {
      socket.off('incident:upsert', refresh);
      socket.off('alarm:upsert', refresh);
      socket.off('zone:changed', refresh);
      socket.off('connect', refresh);
    };
  }, [socket, queryClient]);

  return status;
}
