import { useEffect, useMemo } from 'react';
import { SENSITIVE_TARGET_KINDS, ZONE_ROLES } from '../../../contracts';
import { useSensitiveTargetsT } from '../../../sensitive-targets/i18n';
import {
  SensitiveTargetsLayer,
  useSensitiveTargetMap,
} from '../../../sensitive-targets/SensitiveTargetsLayer';
import { SENSITIVE_TARGET_COLOURS } from '../../../sensitive-targets/target-style';
import { useCopT } from '../i18n';
import type { MapLayerDefinition, MapSearchProps } from '../layer-types';
import { bestScore } from '../search';

function SensitiveTargets() {
  return <SensitiveTargetsLayer legend={false} />;
}

/** Each kind present, in its colour, with how many there are. */
function SensitiveTargetsLegend() {
  const { t } = useSensitiveTargetsT();
  const targets = useSensitiveTargetMap().data?.items;
  const counts = useMemo(
    () =>
      SENSITIVE_TARGET_KINDS.map((kind) => ({
        kind,
        count: targets?.filter((x) => x.kind === kind).length ?? 0,
      })).filter((k) => k.count > 0),
    [targets],
  );
  return (
    <ul className="cop-legend" data-testid="legend-sensitive-targets">
      {counts.map(({ kind, count }) => (
        <li key={kind}>
          <span
            className="cop-dot"
            style={{ background: SENSITIVE_TARGET_COLOURS[kind] }}
            aria-hidden="true"
          />
          {t(`kind.${kind}`)} <span className="cop-legend__count">{count}</span>
        </li>
      ))}
    </ul>
  );
}

function SensitiveTargetSearch({ query, onResults }: MapSearchProps) {
  const { t } = useCopT();
  const { t: tt } = useSensitiveTargetsT();
  const targets = useSensitiveTargetMap().data?.items;
  const kind = t('search.kinds.sensitiveTarget');
  useEffect(() => {
    onResults(
      (targets ?? [])
        .map((x) => ({
          key: `sensitive-target:${x.id}`,
          kind,
          title: x.name,
          detail: [tt(`kind.${x.kind}`), x.address].filter(Boolean).join(' · '),
          position: [x.location.lat, x.location.lng] as [number, number],
          zoom: 16,
          score: bestScore(query, [x.name, x.address ?? '', x.contactName ?? '']),
        }))
        .filter((r) => r.score > 0),
    );
  }, [targets, query, kind, tt, onResults]);
  return null;
}

export const sensitiveTargetsLayer: MapLayerDefinition = {
  id: 'sensitive-targets',
  label: 'sensitiveTargets:legend',
  legend: SensitiveTargetsLegend,
  defaultOn: true,
  maps: ['zone', 'room'],
  component: SensitiveTargets,
  search: SensitiveTargetSearch,
  // The register is read by the zone and the enterprises, not by responders.
  roles: [...ZONE_ROLES, 'enterprise_officer'],
};
