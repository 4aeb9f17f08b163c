import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { DispatchView, IncidentView, MapFeatureView, TaskView, TypedRoomEvent } from '../../contracts';
import { addFeature, removeFeature } from '../api';
import { RoomMap, type DrawnFeature, type DrawRequest } from '../map/RoomMap';
import { incidentKeys } from '../queries';
import { upsertInList } from './cache';
import { DispatchPanel } from './DispatchPanel';
import { DrawToolbar } from './DrawToolbar';
import { TasksPanel } from './TasksPanel';

/**
 * The scene map of a room with its drawing tools, as the incident room and a drill's console
 * both show it. What is drawn or removed goes straight into the features cache; the room's live
 * events bring everyone else's drawings.
 */
export function RoomScene({
  incidentId,
  incident,
  features,
  canAct,
  titleId,
  meta,
  notices,
  layers,
  footer,
  events,
}: {
  incidentId: string;
  /** The map waits for it; the panel and its tools do not. */
  incident: IncidentView | undefined;
  features: MapFeatureView[] | undefined;
  canAct: boolean;
  titleId: string;
  /** Beside the title. */
  meta?: ReactNode;
  /** Further problems, after those of drawing. */
  notices?: ReactNode;
  /** Drawn on the map over the scene. */
  layers?: ReactNode;
  /** Under the map. */
  footer?: ReactNode;
  /** The room's live log, for the map's layers that follow it. */
  events?: readonly TypedRoomEvent[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [drawRequest, setDrawRequest] = useState<DrawRequest | null>(null);

  const add = useMutation({
    mutationFn: (drawn: DrawnFeature) =>
      addFeature(incidentId, {
        kind: drawn.kind,
        ...(drawn.label ? { label: drawn.label } : {}),
        geometry: drawn.geometry,
        ...(drawn.radiusM ? { radiusM: drawn.radiusM } : {}),
      }),
    onSuccess: (feature) =>
      queryClient.setQueryData<MapFeatureView[]>(incidentKeys.features(incidentId), (list) =>
        upsertInList(list, feature),
      ),
  });
  const remove = useMutation({
    mutationFn: (feature: MapFeatureView) => removeFeature(incidentId, feature.id),
    onSuccess: (_, feature) =>
      queryClient.setQueryData<MapFeatureView[]>(incidentKeys.features(incidentId), (list) =>
        list?.filter((f) => f.id !== feature.id),
      ),
  });

  return (
    <section className="room-panel room-panel--map" aria-labelledby={titleId}>
      {/* The drawing tools share the title's row: every line above the map is a line less of map. */}
      <div className="room-panel__head room-scene__head">
        <h2 id={titleId} className="room-panel__title">
          {t('incidents.map.title')}
        </h2>
        {canAct && (
          <DrawToolbar
            request={drawRequest}
            saving={add.isPending}
            onStart={(request) => setDrawRequest({ ...request, nonce: Date.now() })}
            onCancel={() => setDrawRequest(null)}
          />
        )}
        {meta}
      </div>
      {add.isError && <ErrorNotice error={add.error} compact />}
      {remove.isError && <ErrorNotice error={remove.error} compact />}
      {notices}
      {incident && (
        <RoomMap
          incident={incident}
          features={features ?? []}
          events={events}
          drawRequest={drawRequest}
          onDrawn={(drawn) => add.mutate(drawn)}
          onDrawEnd={() => setDrawRequest(null)}
          onRemove={canAct ? (feature) => remove.mutate(feature) : undefined}
        >
          {layers}
        </RoomMap>
      )}
      {footer}
    </section>
  );
}

/** The room's work in hand: tasks beside the resources sent. */
export function RoomWork({
  incidentId,
  tasks,
  dispatches,
  canAct,
}: {
  incidentId: string;
  tasks: TaskView[] | undefined;
  dispatches: DispatchView[] | undefined;
  canAct: boolean;
}) {
  return (
    <div className="room__work">
      <TasksPanel incidentId={incidentId} tasks={tasks} canAct={canAct} />
      <DispatchPanel incidentId={incidentId} dispatches={dispatches} canAct={canAct} />
    </div>
  );
}
