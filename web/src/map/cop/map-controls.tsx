import 'leaflet.fullscreen/dist/Control.FullScreen.css';
import L from 'leaflet';
import { FullScreen } from 'leaflet.fullscreen';
import { useEffect } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import { copText, useCopT } from './i18n';
import { formatLatLng } from './scale';

/**
 * leaflet.fullscreen's button, taking the whole frame (map, toolbar and panel) to full screen,
 * with its titles in the interface language (a language switch puts up a new button).
 */
export function FullscreenControl({ frame }: { frame: HTMLElement | null }) {
  const map = useMap();
  const { i18n } = useCopT();
  const language = i18n.language;
  useEffect(() => {
    if (!frame) return;
    const t = copText(i18n, language);
    const control = new FullScreen({
      position: 'topleft',
      title: t('fullscreen.enter'),
      titleCancel: t('fullscreen.exit'),
      fullscreenElement: frame,
    });
    control.addTo(map);
    return () => {
      control.remove();
    };
  }, [map, frame, i18n, language]);
  return null;
}

/**
 * The pointer's coordinates, bottom left. Written straight into the control's element: a
 * React state would re-render every layer on each mouse move.
 */
export function CoordinateReadout() {
  const map = useMap();
  const { i18n } = useCopT();
  const language = i18n.language;
  useEffect(() => {
    const t = copText(i18n, language);
    const Readout = L.Control.extend({
      onAdd() {
        const div = L.DomUtil.create('div', 'cop-readout');
        div.dataset.testid = 'coordinate-readout';
        div.title = t('coordinates.label');
        div.textContent = t('coordinates.hint');
        return div;
      },
    });
    const control = new Readout({ position: 'bottomleft' });
    control.addTo(map);
    const element = control.getContainer()!;
    const show = (e: L.LeafletMouseEvent) => {
      element.textContent = formatLatLng(e.latlng.lat, e.latlng.lng);
    };
    map.on('mousemove', show);
    map.on('click', show);
    return () => {
      map.off('mousemove', show);
      map.off('click', show);
      control.remove();
    };
  }, [map, i18n, language]);
  return null;
}

/**
 * The view on the frame's element (`data-center`, `data-zoom`), written after each move: what a
 * test reads to know where the map is.
 */
export function ViewTracker() {
  const map = useMapEvents({ moveend: () => write(), zoomend: () => write() });
  const write = () => {
    const frame = map.getContainer().closest<HTMLElement>('.cop');
    if (!frame) return;
    const c = map.getCenter();
    frame.dataset.center = `${c.lat.toFixed(6)},${c.lng.toFixed(6)}`;
    frame.dataset.zoom = String(map.getZoom());
  };
  useEffect(write);
  return null;
}

/** Hands the Leaflet map to the frame's panels, which live outside it. */
export function ExposeMap({ onMap }: { onMap: (map: L.Map | null) => void }) {
  const map = useMap();
  useEffect(() => {
    onMap(map);
    return () => onMap(null);
  }, [map, onMap]);
  return null;
}
