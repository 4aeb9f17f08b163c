import type { Marker as LeafletMarker } from 'leaflet';
import { useCallback, useMemo } from 'react';
import { Marker, Popup } from 'react-leaflet';
import type { EnterpriseMarker } from '../enterprise-features';
import { EnterprisePopup } from '../popups/EnterprisePopup';
import { enterpriseIcon } from './enterprise-icon';

export interface EnterpriseSiteMarkerProps {
  marker: EnterpriseMarker;
  /** Hands the Leaflet marker to the layer, which opens popups from outside (focus, outline clicks). */
  onMarker?: (id: string, instance: LeafletMarker | null) => void;
}

export function EnterpriseSiteMarker({ marker, onMarker }: EnterpriseSiteMarkerProps) {
  const icon = useMemo(
    () => enterpriseIcon({ id: marker.id, name: marker.name, riskClass: marker.riskClass }),
    [marker.id, marker.name, marker.riskClass],
  );
  const markerRef = useCallback(
    (instance: LeafletMarker | null) => onMarker?.(marker.id, instance),
    [onMarker, marker.id],
  );
  return (
    <Marker
      ref={markerRef}
      position={marker.position}
      icon={icon}
      title={marker.name}
      keyboard
      riseOnHover
      zIndexOffset={marker.zIndexOffset}
    >
      <Popup maxWidth={360} minWidth={260}>
        <EnterprisePopup enterprise={marker.enterprise} />
      </Popup>
    </Marker>
  );
}
