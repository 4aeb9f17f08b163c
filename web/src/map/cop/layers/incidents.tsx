import { useEffect } from 'react';
import { ZONE_ROLES } from '../../../contracts';
import { IncidentOverviewLayer, IncidentOverviewLegend } from '../../../incidents/map/IncidentOverview';
import { useOpenIncidentSummaries } from '../../../incidents/queries';
import { useCopT } from '../i18n';
import type { MapLayerDefinition, MapLayerProps, MapSearchProps } from '../layer-types';
import { bestScore } from '../search';

function IncidentsLayer({ scene }: MapLayerProps) {
  return <IncidentOverviewLayer exceptId={scene.incident?.id} />;
}

function IncidentSearch({ query, onResults }: MapSearchProps) {
  const { t } = useCopT();
  const incidents = useOpenIncidentSummaries();
  const kind = t('search.kinds.incident');
  useEffect(() => {
    onResults(
      (incidents.data ?? []).map((i) => ({
        key: `incident:${i.id}`,
        kind,
        title: i.title,
        detail: i.enterpriseName ?? undefined,
        position: [i.location.lat, i.location.lng] as [number, number],
        score: bestScore(query, [i.title, i.enterpriseName]),
      })),
    );
  }, [incidents.data, query, kind, onResults]);
  return null;
}

export const incidentsLayer: MapLayerDefinition = {
  id: 'incidents',
  label: 'cop:layers.incidents',
  legend: IncidentOverviewLegend,
  // A room's map is about its own incident (drawn by the room): the others are one click away.
  defaultOn: { zone: true },
  maps: ['zone', 'room'],
  component: IncidentsLayer,
  search: IncidentSearch,
  // The live overview of every incident is the zone's; an enterprise sees its own in the list.
  roles: ZONE_ROLES,
};
