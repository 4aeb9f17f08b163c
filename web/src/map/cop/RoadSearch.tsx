import { useEffect } from 'react';
import { roadsLayer } from '../basemap';
import { labelAlongLine } from '../basemap/labels';
import { useCopT } from './i18n';
import type { MapSearchProps } from './layer-types';
import { bestScore } from './search';

/** The bundled basemap's roads, in both languages: addresses resolve offline to their road. */
const ROADS = roadsLayer.features.flatMap((f) => {
  const placed = labelAlongLine(f.geometry.coordinates, f.properties.labelAt ?? 0.5);
  return placed ? [{ name: f.properties.name, nameEn: f.properties.nameEn, position: placed.position }] : [];
});

/** Addresses: a road's name (and an address that names one, "凤凰山路88号") finds the road. */
export function RoadSearch({ query, onResults }: MapSearchProps) {
  const { t, i18n } = useCopT();
  const kind = t('search.kinds.road');
  const en = i18n.language === 'en';
  useEffect(() => {
    // "凤凰山路88号" names the road before its number: the road is found by what precedes the digits.
    const roadPart = query.replace(/\d+\s*号?.*$/, '').trim() || query;
    onResults(
      ROADS.map((r, i) => ({
        key: `road:${i}`,
        kind,
        title: en ? r.nameEn || r.name : r.name,
        detail: en ? r.name : r.nameEn,
        position: r.position,
        zoom: 16,
        score: bestScore(roadPart, [r.name, r.nameEn]),
      })),
    );
  }, [query, kind, en, onResults]);
  return null;
}
