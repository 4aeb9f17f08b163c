import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSession } from '../auth/session-hooks';
import { isZoneRole } from '../contracts';
import type { LiveStatus } from '../live/live-socket';
import { useOverview } from '../live/use-overview';
import { useLiveSocket } from '../live/use-room';
import { monitoringKeys } from './api';

/**
 * Alarms as they are raised, cleared and handled (`alarm:upsert`, sent to the zone roles'
 * overview): the board, the map's colours and the installation pages ask again at once.
 * Enterprise officers are not in the overview; their pages refresh on their own.
 */
export function useAlarmsLive(): LiveStatus {
  const session = useSession();
  const zone = session ? isZoneRole(session.user.role) : false;
  const { status } = useOverview(zone);
  const { socket } = useLiveSocket();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!socket || !zone) return;
    const onAlarm = () => {
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.alarms });
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.installations });
    };
    socket.on('alarm:upsert', onAlarm);
    return () => {
      socket.off('alarm:upsert', onAlarm);
    };
  }, [socket, zone, queryClient]);

  return status;
}
