import L from 'leaflet';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Circle, Marker, Pane, Polygon, Polyline, Popup, useMap } from 'react-leaflet';
import { useSession } from '../../auth/session-hooks';
import type {
  FeatureGeometry,
  IncidentView,
  MapFeatureKind,
  MapFeatureView,
  TypedRoomEvent,
} from '../../contracts';
import { OperatingMap } from '../../map/cop/OperatingMap';
import type { LatLngTuple } from '../../map/enterprise-features';
import {
  FEATURE_STYLES,
  featureShape,
  lineGeometry,
  pointGeometry,
  polygonGeometry,
  type DrawShape,
  type FeatureShape,
} from '../incident-model';
import { SeverityBadge } from '../ui';
import { featureIcon, incidentIcon } from './feature-icons';
import { loadGeoman, pmOf } from './geoman';

export interface DrawRequest {
  kind: MapFeatureKind;
  shape: DrawShape;
  label: string;
  /** Changes with every request, so the same kind can be drawn twice in a row. */
  nonce: number;
}

export interface DrawnFeature {
  kind: MapFeatureKind;
  label: string;
  geometry: FeatureGeometry;
  radiusM: number | null;
}

export interface RoomMapProps {
  incident: IncidentView;
  features: readonly MapFeatureView[];
  /** The room's live log: layers that follow it (responders' positions) update from it. */
  events?: readonly TypedRoomEvent[];
  drawRequest: DrawRequest | null;
  onDrawn: (feature: DrawnFeature) => void;
  onDrawEnd: () => void;
  onRemove?: (feature: MapFeatureView) => void;
  /** More layers of the room (e.g. nearby resources), drawn under the room's own features. */
  children?: ReactNode;
}

const INCIDENT_ZOOM = 16;

function CenterOnIncident({ position }: { position: LatLngTuple }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    map.setView(position, INCIDENT_ZOOM, { animate: false });
  }, [map, position]);
  return null;
}

const GEOMAN_SHAPES: Record<DrawShape, 'Circle' | 'Polygon' | 'Line' | 'Marker'> = {
  circle: 'Circle',
  polygon: 'Polygon',
  line: 'Line',
  marker: 'Marker',
};

/** The geometry of a layer leaflet-geoman has just drawn. */
function drawnGeometry(layer: L.Layer): { geometry: FeatureGeometry; radiusM: number | null } | null {
  const at = (ll: L.LatLng): LatLngTuple => [ll.lat, ll.lng];
  if (layer instanceof L.Circle) {
    return {
      geometry: pointGeometry(at(layer.getLatLng())),
      radiusM: Math.max(1, Math.round(layer.getRadius())),
    };
  }
  if (layer instanceof L.Polygon) {
    const rings = layer.getLatLngs() as L.LatLng[][];
    const geometry = polygonGeometry((rings[0] ?? []).map(at));
    return geometry ? { geometry, radiusM: null } : null;
  }
  if (layer instanceof L.Polyline) {
    const geometry = lineGeometry((layer.getLatLngs() as L.LatLng[]).map(at));
    return geometry ? { geometry, radiusM: null } : null;
  }
  if (layer instanceof L.Marker) return { geometry: pointGeometry(at(layer.getLatLng())), radiusM: null };
  return null;
}

/**
 * Starts leaflet-geoman's draw mode for each request and hands back what was drawn. The drawn
 * layer is only a sketch: it is removed at once, and the feature appears when the server has
 * stored it (for everyone in the room at the same moment).
 */
function DrawController({
  request,
  onDrawn,
  onDrawEnd,
}: {
  request: DrawRequest | null;
  onDrawn: (feature: DrawnFeature) => void;
  onDrawEnd: () => void;
}) {
  const map = useMap();
  const { i18n } = useTranslation();
  const callbacks = useRef({ onDrawn, onDrawEnd });
  useEffect(() => {
    callbacks.current = { onDrawn, onDrawEnd };
  });

  useEffect(() => {
    if (!request) return;
    let cancelled = false;
    let pm: L.PM.PMMap | null = null;
    const style = FEATURE_STYLES[request.kind];
    const onCreate = (event: { layer: L.Layer }) => {
      event.layer.remove();
      const drawn = drawnGeometry(event.layer);
      if (drawn) callbacks.current.onDrawn({ kind: request.kind, label: request.label, ...drawn });
    };
    const onEnd = () => callbacks.current.onDrawEnd();
    void loadGeoman().then(() => {
      if (cancelled) return;
      pm = pmOf(map);
      pm.setLang(i18n.language.startsWith('zh') ? 'zh' : 'en');
      map.on('pm:create', onCreate);
      map.on('pm:drawend', onEnd);
      pm.enableDraw(GEOMAN_SHAPES[request.shape], {
        snappable: false,
        continueDrawing: false,
        templineStyle: { color: style.color, weight: style.weight },
        hintlineStyle: { color: style.color, dashArray: [5, 5] },
        pathOptions: { ...style },
        markerStyle: { icon: featureIcon(request.kind, request.label) },
      });
    }, onEnd);
    return () => {
      cancelled = true;
      map.off('pm:create', onCreate);
      map.off('pm:drawend', onEnd);
      if (pm?.globalDrawModeEnabled()) pm.disableDraw();
    };
  }, [map, request, i18n.language]);
  return null;
}

function FeaturePopup({
  feature,
  onRemove,
}: {
  feature: MapFeatureView;
  onRemove?: (f: MapFeatureView) => void;
}) {
  const { t } = useTranslation();
  const kind = t(`incidents.map.kinds.${feature.kind}`);
  return (
    <div className="feature-popup" data-testid="feature-popup">
      <h3 className="feature-popup__title">{feature.label || kind}</h3>
      {feature.label && <p className="feature-popup__kind">{kind}</p>}
      {feature.radiusM ? (
        <p className="feature-popup__meta">{t('incidents.map.radius', { meters: feature.radiusM })}</p>
      ) : null}
      {onRemove && (
        <button
          type="button"
          className="button button--small button--danger"
          onClick={() => {
            if (window.confirm(t('incidents.map.removeConfirm', { kind }))) onRemove(feature);
          }}
        >
          {t('incidents.map.remove')}
        </button>
      )}
    </div>
  );
}

function FeatureLayer({
  feature,
  shape,
  onRemove,
}: {
  feature: MapFeatureView;
  shape: FeatureShape;
  onRemove?: (f: MapFeatureView) => void;
}) {
  const pathOptions = FEATURE_STYLES[feature.kind];
  // Leaflet reads `className` only when it creates the path (react-leaflet's pathOptions go
  // through setStyle, which ignores it), so it is passed as a layer option.
  const className = `room-feature room-feature--${feature.kind}`;
  const icon = useMemo(() => featureIcon(feature.kind, feature.label), [feature.kind, feature.label]);
  const popup = (
    <Popup minWidth={180}>
      <FeaturePopup feature={feature} onRemove={onRemove} />
    </Popup>
  );
  switch (shape.shape) {
    case 'circle':
      return (
        <Circle center={shape.center} radius={shape.radiusM} pathOptions={pathOptions} className={className}>
          {popup}
        </Circle>
      );
    case 'polygon':
      return (
        <Polygon positions={shape.rings} pathOptions={pathOptions} className={className}>
          {popup}
        </Polygon>
      );
    case 'line':
      return (
        <Polyline
          positions={shape.points}
          pathOptions={{ ...pathOptions, lineCap: 'round' }}
          className={className}
        >
          {popup}
        </Polyline>
      );
    case 'marker':
      return (
        <Marker position={shape.position} icon={icon} title={feature.label || undefined} keyboard>
          {popup}
        </Marker>
      );
  }
}

/**
 * What the room has drawn, in its own pane over the basemap: the room's map, and read-only on
 * a responder's page.
 */
export function SceneFeatures({
  features,
  onRemove,
}: {
  features: readonly Pick<MapFeatureView, 'kind' | 'label' | 'geometry' | 'radiusM'>[];
  onRemove?: (f: MapFeatureView) => void;
}) {
  const shapes = useMemo(
    () =>
      features
        // A responder's copy carries no ids: its place in the list keys it.
        .map((f, i) => ({ feature: { id: String(i), ...f } as MapFeatureView, shape: featureShape(f) }))
        .filter((x): x is { feature: MapFeatureView; shape: FeatureShape } => x.shape !== null)
        // Areas first, so lines and points stay clickable on top of them.
        .sort((a, b) => order(a.shape) - order(b.shape)),
    [features],
  );
  return (
    <Pane name="room-features" style={{ zIndex: 420 }}>
      {shapes.map(({ feature, shape }) => (
        <FeatureLayer key={feature.id} feature={feature} shape={shape} onRemove={onRemove} />
      ))}
    </Pane>
  );
}

/**
 * The scene: the incident point and what the room has drawn (hazard zones, cordon, routes,
 * posts), on the common operating picture with the room's layers around it.
 */
export function RoomMap({
  incident,
  features,
  events,
  drawRequest,
  onDrawn,
  onDrawEnd,
  onRemove,
  children,
}: RoomMapProps) {
  const { t } = useTranslation();
  const session = useSession();
  const role = session?.user.role;
  const position: LatLngTuple = [incident.location.lat, incident.location.lng];
  const icon = useMemo(
    () => incidentIcon({ id: incident.id, severity: incident.severity, title: incident.title }),
    [incident.id, incident.severity, incident.title],
  );
  const scene = useMemo(
    () => ({ role, incident, features, events, onRemoveFeature: onRemove }),
    [role, incident, features, events, onRemove],
  );
  return (
    <div className={`room-map${drawRequest ? ' room-map--drawing' : ''}`} data-testid="room-map">
      <OperatingMap
        kind="room"
        scene={scene}
        title={incident.title}
        ariaLabel={t('incidents.map.regionLabel')}
      >
        <CenterOnIncident position={position} />
        {children}
        <Marker position={position} icon={icon} title={incident.title} keyboard zIndexOffset={2000}>
          <Popup>
            <div className="feature-popup">
              <h3 className="feature-popup__title">{incident.title}</h3>
              <p className="feature-popup__kind">{t('incidents.map.incidentPoint')}</p>
              <SeverityBadge severity={incident.severity} />
              <p className="feature-popup__meta">{incident.address}</p>
            </div>
          </Popup>
        </Marker>
        <DrawController request={drawRequest} onDrawn={onDrawn} onDrawEnd={onDrawEnd} />
      </OperatingMap>
    </div>
  );
}

function order(shape: FeatureShape): number {
  return shape.shape === 'polygon' || shape.shape === 'circle' ? 0 : shape.shape === 'line' ? 1 : 2;
}
