import { useState } from 'react';
import { useSession } from '../../auth/session-hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { RunView } from '../../contracts';
import { useDispatches, useFeatures, useIncident, useTasks } from '../../incidents/queries';
import { ROOM_ACTORS } from '../../incidents/roles';
import { CalloutBoard } from '../../incidents/room/CalloutBoard';
import {
  NearbyResourceLayer,
  NearbyResourcesPanel,
  useNearbyResources,
} from '../../incidents/room/NearbyResources';
import { RoomScene, RoomWork } from '../../incidents/room/RoomScene';
import { Timeline } from '../../incidents/room/Timeline';
import { LiveIndicator } from '../../incidents/ui';
import { useRoom } from '../../live/use-room';
import { useFollowRoom } from '../run-hooks';
import { InjectsPanel } from './InjectsPanel';
import { MetricsPanel } from './MetricsPanel';
import { RealIncidentAlerts } from './RealIncidentAlerts';
import { RosterPanel } from './RosterPanel';

/** The running drill: its room (map, log, tasks, resources) beside the injects and the metrics. */
export function DrillRoom({
  run,
  incidentId,
  receivedAt,
}: {
  run: RunView;
  incidentId: string;
  receivedAt: number;
}) {
  const session = useSession();
  const incident = useIncident(incidentId);
  const room = useRoom(incidentId);
  const tasks = useTasks(incidentId);
  const features = useFeatures(incidentId);
  const dispatches = useDispatches(incidentId);
  useFollowRoom(run.id, room.events);
  const nearby = useNearbyResources(incident.data);
  const [showNearby, setShowNearby] = useState(true);
  const role = session?.user.role;
  const closed = incident.data?.status === 'closed';
  const canAct = role ? ROOM_ACTORS.includes(role) && !closed : false;

  return (
    <>
      <RealIncidentAlerts events={room.events} />
      <div className="room__status-bar">
        <LiveIndicator status={room.status} />
        {room.error && <span className="notice notice--error notice--compact">{room.error}</span>}
      </div>
      <div className="drill-console__grid">
        <div className="drill-console__column">
          <RoomScene
            incidentId={incidentId}
            incident={incident.data}
            features={features.data}
            canAct={canAct}
            events={room.events}
            titleId="drill-map-title"
            notices={incident.isError && <ErrorNotice error={incident.error} compact />}
            layers={
              showNearby &&
              nearby.data && (
                <NearbyResourceLayer
                  resources={nearby.data.items}
                  incidentId={incidentId}
                  canAct={canAct}
                  events={room.events}
                />
              )
            }
          />
          <InjectsPanel run={run} receivedAt={receivedAt} scene={incident.data?.location} />
          <MetricsPanel runId={run.id} />
          {incident.data && <CalloutBoard incident={incident.data} canCall={canAct} />}
          <RoomWork incidentId={incidentId} tasks={tasks.data} dispatches={dispatches.data} canAct={canAct} />
          <NearbyResourcesPanel
            query={nearby}
            shown={showNearby}
            onToggle={setShowNearby}
            incidentId={incidentId}
            canAct={canAct}
            events={room.events}
          />
        </div>
        <div className="drill-console__column">
          <Timeline incidentId={incidentId} events={room.events} joined={room.joined} />
          <RosterPanel run={run} />
        </div>
      </div>
    </>
  );
}
