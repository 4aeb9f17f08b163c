import './leaflet-global';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { Language } from '../i18n';
import { markerHtml, type ResourceMarker } from './resource-features';

/** Cluster bubbles sized and coloured by how many resources they hold. */
function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const n = cluster.getChildCount();
  const size = n < 10 ? 'small' : n < 50 ? 'medium' : 'large';
  return L.divIcon({
    html: `<span>${n}</span>`,
    className: `resource-cluster resource-cluster--${size}`,
    iconSize: L.point(36, 36),
  });
}

/**
 * One icon per look (type, alert, status), shared by every marker with that look, so thousands
 * of markers cost a handful of icon objects.
 */
const ICONS = new Map<string, L.DivIcon>();
function iconFor(m: ResourceMarker, lang: Language): L.DivIcon {
  const key = `${m.type}|${m.alert}|${m.status}|${lang}`;
  let icon = ICONS.get(key);
  if (!icon) {
    icon = L.divIcon({ html: markerHtml(m, lang), className: 'resource-marker', iconSize: [26, 26] });
    ICONS.set(key, icon);
  }
  return icon;
}

/**
 * The resources as one marker-cluster group, built with Leaflet directly: thousands of React
 * `<Marker>` components take seconds to mount, where `addLayers` hands the whole batch to the
 * cluster index at once. Markers nearby merge into one bubble and split as the map zooms in; a
 * click names the resource to `onSelect` (its popup is drawn by the page, with the full record).
 */
export function ResourceClusterLayer({
  markers,
  lang,
  onSelect,
}: {
  markers: readonly ResourceMarker[];
  /** The glyphs are words of the reader's language. */
  lang: Language;
  onSelect: (marker: ResourceMarker) => void;
}) {
  const map = useMap();
  const groupRef = useRef<L.MarkerClusterGroup | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const group = L.markerClusterGroup({
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      // Past street level every resource stands on its own.
      disableClusteringAtZoom: 18,
      maxClusterRadius: 50,
      iconCreateFunction: clusterIcon,
    });
    map.addLayer(group);
    groupRef.current = group;
    return () => {
      map.removeLayer(group);
      groupRef.current = null;
    };
  }, [map]);

  useEffect(() => {
    const group = groupRef.current;
    if (!group) return;
    group.clearLayers();
    group.addLayers(
      markers.map((m) =>
        L.marker(m.position, { icon: iconFor(m, lang), keyboard: false }).on('click', () =>
          onSelectRef.current(m),
        ),
      ),
    );
  }, [markers, lang]);

  return null;
}
