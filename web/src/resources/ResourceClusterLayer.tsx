import './leaflet-global';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import L from 'leaflet';
import {
  createElementObject,
  createLayerComponent,
  extendContext,
  type LayerProps,
} from '@react-leaflet/core';
import type { ReactNode } from 'react';

export interface ResourceClusterLayerProps extends LayerProps {
  children?: ReactNode;
}

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
 * A marker-cluster group as a react-leaflet layer: `<Marker>` children land in the group (it is
 * their layer container), so markers nearby merge into one bubble and split as the map zooms in.
 */
export const ResourceClusterLayer = createLayerComponent<L.MarkerClusterGroup, ResourceClusterLayerProps>(
  function createClusterGroup(_props, context) {
    const group = L.markerClusterGroup({
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      // Past street level every resource stands on its own.
      disableClusteringAtZoom: 18,
      maxClusterRadius: 50,
      iconCreateFunction: clusterIcon,
    });
    return createElementObject(group, extendContext(context, { layerContainer: group }));
  },
);
