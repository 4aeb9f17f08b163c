import type { ComponentType } from 'react';
import type { IncidentView, MapFeatureView, Role, TypedRoomEvent } from '../../contracts';
import type { SearchResult } from './search';

/** The maps that share the layer control. */
export const MAP_KINDS = ['zone', 'room'] as const;
export type MapKind = (typeof MAP_KINDS)[number];

/**
 * What a layer knows of the map it is drawn on. The room map adds its incident, what the room has
 * drawn and its live log (layers follow its events instead of polling).
 */
export interface MapScene {
  kind: MapKind;
  role: Role | undefined;
  incident?: IncidentView;
  features?: readonly MapFeatureView[];
  events?: readonly TypedRoomEvent[];
  onRemoveFeature?: (feature: MapFeatureView) => void;
  /** An enterprise to centre on and open (the zone map's `?focus=`). */
  focusEnterpriseId?: string | null;
}

export interface MapLayerProps {
  scene: MapScene;
}

/** A search source: answers the query typed in the map's search box. */
export interface MapSearchProps {
  query: string;
  scene: MapScene;
  /** Called with this source's results whenever they change (an empty list for none). */
  onResults: (results: SearchResult[]) => void;
}

/**
 * One layer of the common operating picture. Registering a layer is one entry in `MAP_LAYERS`
 * (`registry.ts`); the control lists it with its legend on the maps it names.
 */
export interface MapLayerDefinition {
  /** Stable id: the toggle's test id is `layer-toggle-<id>`. */
  id: string;
  /** An i18next key, with its namespace where it has one (`cop:layers.hazards`). */
  label: string;
  /** The legend entry shown under the toggle while the layer is on, and on printed sheets. */
  legend: ComponentType<MapLayerProps>;
  /** On when the map opens; per map where it differs. */
  defaultOn: boolean | Partial<Record<MapKind, boolean>>;
  maps: readonly MapKind[];
  /** Drawn inside the Leaflet map while the layer is on. */
  component: ComponentType<MapLayerProps>;
  /** Feeds the map's search box (while the layer is on or off alike). */
  search?: ComponentType<MapSearchProps>;
  /** Who may see the layer at all; everybody when left out. */
  roles?: readonly Role[];
}

export function isOnByDefault(layer: MapLayerDefinition, kind: MapKind): boolean {
  return typeof layer.defaultOn === 'boolean' ? layer.defaultOn : (layer.defaultOn[kind] ?? false);
}

/** The layers of one map, in the control's order, that the role may see. */
export function layersFor(
  layers: readonly MapLayerDefinition[],
  kind: MapKind,
  role: Role | undefined,
): MapLayerDefinition[] {
  return layers.filter(
    (l) => l.maps.includes(kind) && (!l.roles || (role !== undefined && l.roles.includes(role))),
  );
}
