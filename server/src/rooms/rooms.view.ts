import type { DispatchView, MapFeatureView, TaskView } from '@muster/contracts';
import type { Dispatch, MapFeature, RoomTask } from './room.entities.js';

export function mapTask(t: RoomTask): TaskView {
  return {
    id: t.id,
    incidentId: t.incidentId,
    title: t.title,
    detail: t.detail,
    assigneeUserId: t.assigneeUserId,
    assigneeTeamId: t.assigneeTeamId,
    assigneeLabel: t.assigneeLabel,
    dueAt: t.dueAt?.toISOString() ?? null,
    status: t.status,
    source: t.source,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function mapFeature(f: MapFeature): MapFeatureView {
  return {
    id: f.id,
    incidentId: f.incidentId,
    kind: f.kind,
    label: f.label,
    geometry: f.geometry,
    radiusM: f.radiusM,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

export function mapDispatch(d: Dispatch): DispatchView {
  return {
    id: d.id,
    incidentId: d.incidentId,
    resourceId: d.resourceId,
    label: d.label,
    state: d.state,
    updatedAt: d.updatedAt.toISOString(),
  };
}
