import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESOURCE_STATUSES, RESOURCE_TYPES } from '../../../contracts';
import { currentLanguage } from '../../../i18n';
import { fetchResourceMap, fetchResources } from '../../../resources/api';
import { ResourceClusterLayer } from '../../../resources/ResourceClusterLayer';
import { SelectedPopup } from '../../../resources/ResourcesMapPage';
import {
  countByType,
  markerHtml,
  toResourceMarkers,
  type ResourceMarker,
} from '../../../resources/resource-features';
import '../../../resources/resources.css';
import { useCopT } from '../i18n';
import type { MapLayerDefinition, MapSearchProps } from '../layer-types';
import { bestScore } from '../search';

const ALL = { types: new Set(RESOURCE_TYPES), statuses: new Set(RESOURCE_STATUSES) };

/** Dispatches move resources in and out of service: the layer follows them without a reload. */
function useResourcePoints() {
  return useQuery({
    queryKey: ['resources', 'map'],
    queryFn: ({ signal }) => fetchResourceMap(signal),
    refetchInterval: 15_000,
  });
}

function ResourcesLayer() {
  const points = useResourcePoints();
  const [selected, setSelected] = useState<ResourceMarker | null>(null);
  const items = points.data?.items;
  const markers = useMemo(() => toResourceMarkers(items ?? [], ALL), [items]);
  return (
    <>
      <ResourceClusterLayer markers={markers} lang={currentLanguage()} onSelect={setSelected} />
      {selected && <SelectedPopup key={selected.id} marker={selected} onClose={() => setSelected(null)} />}
    </>
  );
}

/** Each type's pin with how many there are, and how a pin shows its status. */
function ResourcesLegend() {
  const { t } = useTranslation();
  const { t: c } = useCopT();
  const lang = currentLanguage();
  const points = useResourcePoints();
  const items = points.data?.items;
  const counts = useMemo(() => countByType(items ?? []), [items]);
  return (
    <div className="cop-legend" data-testid="legend-resources">
      <ul className="cop-legend cop-legend--columns" aria-label={c('legend.resourceTypes')}>
        {RESOURCE_TYPES.filter((type) => counts[type]).map((type) => (
          <li key={type}>
            <span
              className="cop-legend__pin"
              dangerouslySetInnerHTML={{
                __html: markerHtml({ type, alert: 'ok', status: 'available' }, lang),
              }}
            />
            {t(`resources.type.${type}`)}
            <span className="risk-legend__count">{counts[type]}</span>
          </li>
        ))}
      </ul>
      <ul className="cop-legend" aria-label={c('legend.resourceStatus')}>
        {(['available', 'in_use', 'dispatched'] as const).map((status) => (
          <li key={status}>
            <span
              className="cop-legend__pin"
              dangerouslySetInnerHTML={{
                __html: markerHtml({ type: 'equipment', alert: 'ok', status }, lang),
              }}
            />
            {t(`resources.status.${status}`)}
          </li>
        ))}
        <li>
          <span className="resource-pin resource-pin--expiring" style={{ ['--pin' as string]: '#888' }} />
          {t('resources.legendExpiring')}
        </li>
        <li>
          <span className="resource-pin resource-pin--expired" style={{ ['--pin' as string]: '#888' }} />
          {t('resources.legendExpired')}
        </li>
      </ul>
      {items && <p className="cop-legend__count">{c('legend.resourceCount', { count: items.length })}</p>}
    </div>
  );
}

/** Resources by name or model, asked of the register (the map's points carry no names). */
function ResourceSearch({ query, onResults }: MapSearchProps) {
  const { t } = useTranslation();
  const { t: c } = useCopT();
  const found = useQuery({
    queryKey: ['resources', 'search', query],
    queryFn: ({ signal }) => fetchResources({ q: query, pageSize: 8 }, signal),
    enabled: query.trim().length > 0,
  });
  const kind = c('search.kinds.resource');
  useEffect(() => {
    onResults(
      (found.data?.items ?? []).map((r) => ({
        key: `resource:${r.id}`,
        kind,
        title: r.name,
        detail: `${t(`resources.type.${r.type}`)} · ${r.address}`,
        position: [r.location.lat, r.location.lng] as [number, number],
        zoom: 18,
        // The register already matched it; it ranks by its name as the others do.
        score: Math.max(bestScore(query, [r.name, r.model, r.address]), 0.5),
      })),
    );
  }, [found.data, query, kind, t, onResults]);
  return null;
}

export const resourcesLayer: MapLayerDefinition = {
  id: 'resources',
  label: 'cop:layers.resources',
  legend: ResourcesLegend,
  // Off at first: thousands of pins; the room shows those near the scene in its own layer.
  defaultOn: false,
  maps: ['zone', 'room'],
  component: ResourcesLayer,
  search: ResourceSearch,
};
