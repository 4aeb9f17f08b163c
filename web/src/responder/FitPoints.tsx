import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';

/**
 * Frames the given points: the incident alone, or it with where to go. Only when the points
 * themselves change, so that a refreshed briefing does not undo the responder's panning.
 */
export function FitPoints({
  points,
  maxZoom = 16,
}: {
  points: readonly [number, number][];
  maxZoom?: number;
}) {
  const map = useMap();
  const latest = useRef(points);
  useEffect(() => {
    latest.current = points;
  });
  const signature = points.map((p) => p.join(',')).join(';');
  useEffect(() => {
    const current = latest.current;
    if (current.length === 0) return;
    if (current.length === 1) map.setView(current[0]!, maxZoom, { animate: false });
    else
      map.fitBounds(L.latLngBounds(current.map((p) => L.latLng(p[0], p[1]))), {
        padding: [28, 28],
        maxZoom,
        animate: false,
      });
  }, [map, signature, maxZoom]);
  return null;
}
