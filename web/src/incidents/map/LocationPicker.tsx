import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, useMap, useMapEvents } from 'react-leaflet';
import { usePublicConfig } from '../../api/queries';
import { BaseMap } from '../../map/BaseMap';
import type { LatLngTuple } from '../../map/enterprise-features';
import { BasemapLayer } from '../../map/layers/BasemapLayer';

export interface LocationPickerProps {
  value: LatLngTuple | null;
  onChange: (value: LatLngTuple) => void;
  /** Where to look first, e.g. the reporting enterprise's site. */
  focus?: LatLngTuple | null;
  invalid?: boolean;
  describedBy?: string;
  /** What the map is for, read by screen readers; by default the incident's location. */
  ariaLabel?: string;
}

function ClickToPick({ onChange }: { onChange: (value: LatLngTuple) => void }) {
  useMapEvents({
    click: (event) => onChange([event.latlng.lat, event.latlng.lng]),
  });
  return null;
}

function FocusOn({ focus }: { focus: LatLngTuple | null | undefined }) {
  const map = useMap();
  const lat = focus?.[0];
  const lng = focus?.[1];
  useEffect(() => {
    if (lat === undefined || lng === undefined) return;
    map.setView([lat, lng], Math.max(map.getZoom(), 15), { animate: false });
  }, [map, lat, lng]);
  return null;
}

/** A small zone map on which the reporter clicks where the accident happened. */
export function LocationPicker({
  value,
  onChange,
  focus,
  invalid,
  describedBy,
  ariaLabel,
}: LocationPickerProps) {
  const { t } = useTranslation();
  const config = usePublicConfig();
  const tileUrl = config.data?.mapTileUrl ?? '';
  return (
    <div
      className={`location-picker${invalid ? ' location-picker--invalid' : ''}`}
      data-testid="location-picker"
      aria-describedby={describedBy}
    >
      <BaseMap offline={!tileUrl} ariaLabel={ariaLabel ?? t('incidents.form.mapLabel')}>
        <BasemapLayer tileUrl={tileUrl} />
        <ClickToPick onChange={onChange} />
        <FocusOn focus={focus} />
        {value && (
          <CircleMarker
            center={value}
            radius={9}
            pathOptions={{ color: '#7f1d1d', weight: 3, fillColor: '#dc2626', fillOpacity: 0.9 }}
          />
        )}
      </BaseMap>
    </div>
  );
}
