import { CircleMarker, Pane, Tooltip } from 'react-leaflet';
import { accountedPercent, type RollCallPointView, type TypedRoomEvent } from '../contracts';
import { useRollCallT } from './i18n';
import { currentRollCall, useRollCalls } from './use-roll-calls';

/** Green when everyone expected there is accounted for, amber part way, red before any count. */
export function pointColour(p: Pick<RollCallPointView, 'expected' | 'accounted'>): string {
  if (p.expected > 0 && p.accounted >= p.expected) return '#15803d';
  return p.accounted > 0 ? '#d97706' : '#b91c1c';
}

/**
 * The assembly points of the room's roll call on the map, each with its accounted / expected,
 * live with the board (the same query, refetched on every roll call event).
 */
export function RollCallMapLayer({
  incidentId,
  events,
}: {
  incidentId: string;
  events: readonly TypedRoomEvent[];
}) {
  const { t } = useRollCallT();
  const rc = currentRollCall(useRollCalls(incidentId, events).data);
  if (!rc) return null;
  // Its own pane above the room's drawn features, so the count sits on top of the point's icon.
  return (
    <Pane name="rollcall-points" style={{ zIndex: 430 }}>
      {rc.points.map((p) => (
        <CircleMarker
          key={p.id}
          center={[p.lat, p.lng]}
          radius={14}
          pathOptions={{ color: pointColour(p), weight: 3, fillColor: pointColour(p), fillOpacity: 0.25 }}
        >
          <Tooltip permanent direction="top" offset={[0, -12]} className="rollcall-map-label">
            <span data-testid="rollcall-map-label">
              {t('map.label', {
                code: p.code,
                accounted: p.accounted,
                expected: p.expected,
                percent: accountedPercent(p),
              })}
            </span>
          </Tooltip>
        </CircleMarker>
      ))}
    </Pane>
  );
}
