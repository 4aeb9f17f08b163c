import turfArea from '@turf/area';
import turfLength from '@turf/length';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { loadGeoman, pmOf } from '../../incidents/map/geoman';
import { formatArea, formatLength } from './scale';

export type MeasureMode = 'distance' | 'area';

export interface Measurement {
  mode: MeasureMode;
  meters: number;
  squareMeters: number | null;
}

const STYLE = { color: '#0f172a', weight: 3, dashArray: '6 6', fillColor: '#38bdf8', fillOpacity: 0.15 };

/** Length of a line, or perimeter and area of a ring, on the ellipsoid-free sphere turf uses. */
export function measureLayer(layer: L.Polyline, mode: MeasureMode): Measurement {
  const ring = layer.getLatLngs() as L.LatLng[] | L.LatLng[][];
  const points = (Array.isArray(ring[0]) ? (ring[0] as L.LatLng[]) : (ring as L.LatLng[])).map(
    (p): [number, number] => [p.lng, p.lat],
  );
  const metersAlong = (coordinates: [number, number][]) =>
    turfLength(
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } },
      { units: 'kilometers' },
    ) * 1000;
  if (mode === 'distance') return { mode, meters: metersAlong(points), squareMeters: null };
  const closed = [...points, points[0]!];
  const meters = metersAlong(closed);
  return { mode, meters, squareMeters: turfArea({ type: 'Polygon', coordinates: [closed] }) };
}

function measurementText(m: Measurement): string {
  return m.squareMeters === null
    ? formatLength(m.meters)
    : `${formatArea(m.squareMeters)} · ${formatLength(m.meters)}`;
}

/**
 * Distance and area measuring with leaflet-geoman's drawing (its free edition draws; the sums
 * are turf's). The measured shape stays on the map with its figure until cleared or replaced.
 */
export function MeasureTool({
  mode,
  clearNonce,
  language,
  onMeasured,
  onReady,
  onEnd,
}: {
  mode: MeasureMode | null;
  /** Changes when the user clears the measurement. */
  clearNonce: number;
  language: string;
  onMeasured: (m: Measurement) => void;
  /** The drawing tool (loaded on first use) takes clicks from now on. */
  onReady: () => void;
  onEnd: () => void;
}) {
  const map = useMap();
  const shown = useRef<L.Layer | null>(null);
  const callbacks = useRef({ onMeasured, onReady, onEnd });
  useEffect(() => {
    callbacks.current = { onMeasured, onReady, onEnd };
  });

  useEffect(() => {
    shown.current?.remove();
    shown.current = null;
  }, [clearNonce]);
  useEffect(
    () => () => {
      shown.current?.remove();
    },
    [],
  );

  useEffect(() => {
    if (!mode) return;
    let cancelled = false;
    let pm: L.PM.PMMap | null = null;
    const onCreate = (event: { layer: L.Layer }) => {
      if (!(event.layer instanceof L.Polyline)) return;
      const m = measureLayer(event.layer, mode);
      shown.current?.remove();
      shown.current = event.layer;
      event.layer.setStyle(STYLE);
      // Not part of what the room has drawn: geoman must not offer it for editing.
      (event.layer as unknown as { pm?: { disable(): void } }).pm?.disable();
      event.layer
        .bindTooltip(measurementText(m), {
          permanent: true,
          direction: 'center',
          className: 'cop-measure-tooltip',
        })
        .openTooltip();
      callbacks.current.onMeasured(m);
    };
    const onEnd = () => callbacks.current.onEnd();
    void loadGeoman().then(() => {
      if (cancelled) return;
      pm = pmOf(map);
      pm.setLang(language.startsWith('zh') ? 'zh' : 'en');
      map.on('pm:create', onCreate);
      map.on('pm:drawend', onEnd);
      pm.enableDraw(mode === 'distance' ? 'Line' : 'Polygon', {
        snappable: false,
        continueDrawing: false,
        templineStyle: STYLE,
        hintlineStyle: { ...STYLE, dashArray: [4, 4] },
        pathOptions: STYLE,
        finishOn: 'dblclick',
      });
      callbacks.current.onReady();
    }, onEnd);
    return () => {
      cancelled = true;
      map.off('pm:create', onCreate);
      map.off('pm:drawend', onEnd);
      if (pm?.globalDrawModeEnabled()) pm.disableDraw();
    };
  }, [map, mode, language]);
  return null;
}
