import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Marker, Popup } from 'react-leaflet';
import { TEAM_READINESS, type TeamReadiness, type TeamView } from '../../../contracts';
import { fetchTeams } from '../../../directory/api';
import { currentLanguage, type Language } from '../../../i18n';
import { escapeHtml } from '../../../lib/html';
import { useCopT } from '../i18n';
import type { MapLayerDefinition, MapSearchProps } from '../layer-types';
import { bestScore } from '../search';

/** Green ready, amber limited, grey unavailable: a commander sees at once whom to send. */
export const READINESS_COLORS: Record<TeamReadiness, string> = {
  ready: '#15803d',
  limited: '#d97706',
  unavailable: '#6b7280',
};

const GLYPH: Record<Language, string> = { 'zh-CN': '队', en: 'T' };

function useTeams() {
  return useQuery({ queryKey: ['teams', 'map'], queryFn: ({ signal }) => fetchTeams(signal) });
}

function teamIcon(team: TeamView, lang: Language): L.DivIcon {
  return L.divIcon({
    className: `team-marker team-marker--${team.readiness}`,
    html:
      `<span class="team-marker__pin" style="background:${READINESS_COLORS[team.readiness]}" aria-hidden="true">${GLYPH[lang]}</span>` +
      `<span class="team-marker__label">${escapeHtml(team.name)}</span>`,
    iconSize: [26, 26],
    iconAnchor: [13, 13],
    popupAnchor: [0, -12],
  });
}

function TeamMarker({ team }: { team: TeamView & { base: { lat: number; lng: number } } }) {
  const { t } = useTranslation();
  const { t: c } = useCopT();
  const lang = currentLanguage();
  const icon = useMemo(() => teamIcon(team, lang), [team, lang]);
  return (
    <Marker position={[team.base.lat, team.base.lng]} icon={icon} title={team.name} keyboard>
      <Popup>
        <div className="feature-popup" data-testid="team-popup">
          <h3 className="feature-popup__title">{team.name}</h3>
          <p className="feature-popup__kind">{t(`directory.teamType.${team.type}`)}</p>
          <p className="feature-popup__meta">
            {c('team.readiness', { readiness: t(`directory.readiness.${team.readiness}`) })} ·{' '}
            {c('team.members', { count: team.memberContactIds.length })}
          </p>
          {team.baseAddress && <p className="feature-popup__meta">{team.baseAddress}</p>}
        </div>
      </Popup>
    </Marker>
  );
}

function based(teams: readonly TeamView[] | undefined) {
  return (teams ?? []).filter((t): t is TeamView & { base: { lat: number; lng: number } } => t.base !== null);
}

function TeamsLayer() {
  const teams = useTeams();
  return (
    <>
      {based(teams.data?.items).map((team) => (
        <TeamMarker key={team.id} team={team} />
      ))}
    </>
  );
}

function TeamsLegend() {
  const { t } = useTranslation();
  const { t: c } = useCopT();
  const teams = useTeams();
  const count = based(teams.data?.items).length;
  return (
    <ul className="cop-legend" data-testid="legend-teams" aria-label={c('legend.teamReadiness')}>
      {TEAM_READINESS.map((r) => (
        <li key={r}>
          <span
            className="team-marker__pin team-marker__pin--legend"
            style={{ background: READINESS_COLORS[r] }}
          >
            {GLYPH[currentLanguage()]}
          </span>
          {t(`directory.readiness.${r}`)}
        </li>
      ))}
      {teams.data && <li className="cop-legend__count">{c('legend.teamCount', { count })}</li>}
    </ul>
  );
}

function TeamSearch({ query, onResults }: MapSearchProps) {
  const { t } = useCopT();
  const teams = useTeams();
  const kind = t('search.kinds.team');
  useEffect(() => {
    onResults(
      based(teams.data?.items).map((team) => ({
        key: `team:${team.id}`,
        kind,
        title: team.name,
        detail: team.baseAddress,
        position: [team.base.lat, team.base.lng] as [number, number],
        score: bestScore(query, [team.name, team.baseAddress]),
      })),
    );
  }, [teams.data, query, kind, onResults]);
  return null;
}

export const teamsLayer: MapLayerDefinition = {
  id: 'teams',
  label: 'cop:layers.teams',
  legend: TeamsLegend,
  defaultOn: { room: true },
  maps: ['zone', 'room'],
  component: TeamsLayer,
  search: TeamSearch,
  roles: ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'],
};
