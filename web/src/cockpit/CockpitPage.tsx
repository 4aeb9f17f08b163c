import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { CircleMarker, Tooltip } from 'react-leaflet';
import { Link } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { ErrorNotice } from '../components/ErrorNotice';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import type { CockpitView, Severity } from '../contracts';
import { useZoneTime } from '../incidents/ui';
import { useZoneName } from '../lib/use-zone-name';
import { BaseMap } from '../map/BaseMap';
import { BasemapLayer } from '../map/layers/BasemapLayer';
import { cockpitKeys, fetchCockpit } from './api';
import './cockpit.css';
import { type ChartOption, EChart } from './EChart';
import { useCockpitT } from './i18n';
import { useCockpitLive } from './use-cockpit-live';

/** High-contrast colours for a wall screen seen from across a room. */
const SEVERITY_COLOUR: Record<Severity, string> = {
  especially_serious: '#ff3b3b',
  serious: '#ff7a1a',
  relatively_serious: '#ffd21a',
  ordinary: '#4fc3ff',
};
const RISK_COLOUR = {
  major: '#ff3b3b',
  high: '#ff8c1a',
  medium: '#ffd21a',
  low: '#3d8bff',
  unassessed: '#8a94a6',
};
const RISK_GRADES = ['major', 'high', 'medium', 'low', 'unassessed'] as const;
const TEXT = '#f4f7fb';
const MUTED = '#a9b4c6';

/**
 * The leaders' dashboard (驾驶舱) for the zone's 1920×1080 wall screen: the plan's three targets
 * this year against last, open incidents on the map, hazards, risk grades, drill duties, alarms,
 * call-outs and the assessment ranking, kept current over /live without reloading.
 */
export function CockpitPage() {
  const { t } = useCockpitT();
  const status = useCockpitLive();
  const zoneName = useZoneName();
  const zoneTime = useZoneTime();
  const query = useQuery({
    queryKey: cockpitKeys.view,
    queryFn: ({ signal }) => fetchCockpit(signal),
    // A safety net for a wall that runs for days; the live events do the real work.
    refetchInterval: 5 * 60_000,
  });
  const data = query.data;

  return (
    <div className="cockpit" data-testid="cockpit">
      <header className="cockpit__head">
        <h1 className="cockpit__title">
          {zoneName} · {t('title')}
        </h1>
        <div className="cockpit__meta">
          <span className={`cockpit__live cockpit__live--${status}`} data-testid="cockpit-live">
            {t(`live.${status}`)}
          </span>
          {data && <span>{t('updated', { time: zoneTime(data.generatedAt) })}</span>}
          <LanguageSwitcher className="cockpit__language" />
          <Link to="/map" className="cockpit__exit">
            {t('exit')}
          </Link>
        </div>
      </header>
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {data && <CockpitBody data={data} />}
    </div>
  );
}

function CockpitBody({ data }: { data: CockpitView }) {
  const { t } = useCockpitT();
  return (
    <div className="cockpit__body">
      <Targets data={data} />
      <div className="cockpit__left">
        <Hazards data={data} />
        <Risks data={data} />
        <section className="cockpit-card cockpit-card--row" aria-labelledby="cockpit-drills">
          <h2 id="cockpit-drills" className="cockpit-card__title">
            {t('drills.title')}
          </h2>
          <Figure label={t('drills.due')} value={data.drills.due} testId="cockpit-drills-due" />
          <Figure
            label={t('drills.overdue')}
            value={data.drills.overdue}
            alert
            testId="cockpit-drills-overdue"
          />
        </section>
      </div>
      <div className="cockpit__centre">
        <IncidentMap data={data} />
        <Monthly data={data} />
      </div>
      <div className="cockpit__right">
        <section className="cockpit-card cockpit-card--row" aria-labelledby="cockpit-alarms">
          <h2 id="cockpit-alarms" className="cockpit-card__title">
            {t('alarms.title')}
          </h2>
          <Figure label={t('alarms.open')} value={data.alarms.open} alert testId="cockpit-alarms-open" />
        </section>
        <Callouts data={data} />
        <Ranking data={data} />
      </div>
    </div>
  );
}

function Figure({
  label,
  value,
  alert,
  testId,
}: {
  label: string;
  value: number | string;
  alert?: boolean;
  testId?: string;
}) {
  return (
    <div className={`cockpit-figure ${alert && value !== 0 ? 'cockpit-figure--alert' : ''}`}>
      <span className="cockpit-figure__value" data-testid={testId}>
        {value}
      </span>
      <span className="cockpit-figure__label">{label}</span>
    </div>
  );
}

function Targets({ data }: { data: CockpitView }) {
  const { t } = useCockpitT();
  const now = data.targets.thisYear;
  const last = data.targets.lastYear;
  const gravest = now.serious + now.especially_serious;
  const gravestLast = last.serious + last.especially_serious;
  const cards = [
    {
      key: 'gravest',
      title: t('targets.gravest'),
      note: t('targets.gravestNote'),
      now: gravest,
      last: gravestLast,
      met: gravest === 0,
    },
    {
      key: 'relatively',
      title: t('targets.relatively'),
      note: t('targets.relativelyNote'),
      now: now.relatively_serious,
      last: last.relatively_serious,
      met: now.relatively_serious <= last.relatively_serious,
    },
    {
      key: 'ordinary',
      title: t('targets.ordinary'),
      note: t('targets.ordinaryNote', { last: last.ordinary }),
      now: now.ordinary,
      last: last.ordinary,
      met: now.ordinary === 0 || now.ordinary < last.ordinary,
    },
  ];
  return (
    <section className="cockpit__targets" aria-label={t('targets.title', { year: data.year })}>
      {cards.map((c) => (
        <div
          key={c.key}
          className={`cockpit-target ${c.met ? 'cockpit-target--met' : 'cockpit-target--missed'}`}
          data-testid={`cockpit-target-${c.key}`}
        >
          <div>
            <h2 className="cockpit-target__title">{c.title}</h2>
            <p className="cockpit-target__note">{c.note}</p>
            <span className="cockpit-target__status">{c.met ? t('targets.met') : t('targets.missed')}</span>
          </div>
          <div className="cockpit-target__numbers">
            <div>
              <span className="cockpit-target__now" data-testid={`cockpit-target-${c.key}-now`}>
                {c.now}
              </span>
              <span className="cockpit-target__label">{t('targets.thisYear')}</span>
            </div>
            <div>
              <span className="cockpit-target__last">{c.last}</span>
              <span className="cockpit-target__label">{t('targets.lastYear')}</span>
            </div>
          </div>
        </div>
      ))}
    </section>
  );
}

function Hazards({ data }: { data: CockpitView }) {
  const { t } = useCockpitT();
  const { major } = data.hazards;
  const percent = major.rate === null ? null : Math.round(major.rate * 1000) / 10;
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      series: [
        {
          type: 'gauge',
          radius: '95%',
          startAngle: 210,
          endAngle: -30,
          min: 0,
          max: 100,
          progress: {
            show: true,
            width: 18,
            itemStyle: { color: percent === 100 || percent === null ? '#35d07f' : '#ffb020' },
          },
          axisLine: { lineStyle: { width: 18, color: [[1, '#24324a']] } },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { show: false },
          pointer: { show: false },
          detail: {
            valueAnimation: false,
            formatter: percent === null ? '—' : '{value}%',
            color: TEXT,
            fontSize: 30,
            fontWeight: 700,
            offsetCenter: [0, '0%'],
          },
          data: [{ value: percent ?? 100 }],
        },
      ],
    }),
    [percent],
  );
  return (
    <section className="cockpit-card" aria-labelledby="cockpit-hazards">
      <h2 id="cockpit-hazards" className="cockpit-card__title">
        {t('hazards.title')}
      </h2>
      <div className="cockpit-hazards">
        <div className="cockpit-hazards__figures">
          <Figure label={t('hazards.open')} value={data.hazards.open} testId="cockpit-hazards-open" />
          <Figure
            label={t('hazards.overdue')}
            value={data.hazards.overdue}
            alert
            testId="cockpit-hazards-overdue"
          />
        </div>
        <div className="cockpit-hazards__gauge">
          <EChart option={option} label={t('hazards.majorRate')} testId="cockpit-major-rate" />
          <p className="cockpit-hazards__caption">
            {t('hazards.majorRate')}
            <br />
            <span data-testid="cockpit-major-count">
              {major.found
                ? t('hazards.majorCount', { closed: major.closed, found: major.found })
                : t('hazards.noMajor')}
            </span>
          </p>
        </div>
      </div>
    </section>
  );
}

function Risks({ data }: { data: CockpitView }) {
  const { t } = useCockpitT();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 150, right: 60, top: 8, bottom: 8 },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: RISK_GRADES.map((g) => t(`risks.${g}`)),
        axisLabel: { color: TEXT, fontSize: 22 },
        axisLine: { show: false },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barWidth: 22,
          data: RISK_GRADES.map((g) => ({ value: data.risks[g] ?? 0, itemStyle: { color: RISK_COLOUR[g] } })),
          label: { show: true, position: 'right', color: TEXT, fontSize: 22, fontWeight: 700 },
        },
      ],
    }),
    [data.risks, t],
  );
  return (
    <section className="cockpit-card cockpit-card--grow" aria-labelledby="cockpit-risks">
      <h2 id="cockpit-risks" className="cockpit-card__title">
        {t('risks.title')}
      </h2>
      <EChart option={option} label={t('risks.title')} />
    </section>
  );
}

function Monthly({ data }: { data: CockpitView }) {
  const { t, i18n } = useCockpitT();
  const option = useMemo<ChartOption>(() => {
    const months = Array.from({ length: 12 }, (_, m) =>
      new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2000, m, 1)),
      ),
    );
    return {
      animation: false,
      grid: { left: 50, right: 20, top: 50, bottom: 36 },
      legend: { top: 0, right: 10, textStyle: { color: TEXT, fontSize: 20 } },
      xAxis: {
        type: 'category',
        data: months,
        axisLabel: { color: MUTED, fontSize: 18 },
        axisLine: { lineStyle: { color: '#3a4760' } },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: MUTED, fontSize: 18 },
        splitLine: { lineStyle: { color: '#243049' } },
      },
      series: [
        {
          name: t('monthly.lastYear', { year: data.year - 1 }),
          type: 'bar',
          data: data.incidentsByMonth.lastYear,
          itemStyle: { color: '#51607a' },
        },
        {
          name: t('monthly.thisYear', { year: data.year }),
          type: 'bar',
          data: data.incidentsByMonth.thisYear,
          itemStyle: { color: '#4fc3ff' },
        },
      ],
    };
  }, [data.incidentsByMonth, data.year, i18n.language, t]);
  return (
    <section className="cockpit-card cockpit-card--monthly" aria-labelledby="cockpit-monthly">
      <h2 id="cockpit-monthly" className="cockpit-card__title">
        {t('monthly.title')}
      </h2>
      <EChart option={option} label={t('monthly.title')} />
    </section>
  );
}

function IncidentMap({ data }: { data: CockpitView }) {
  const { t } = useCockpitT();
  const config = usePublicConfig();
  return (
    <section className="cockpit-card cockpit-card--map" aria-labelledby="cockpit-map">
      <h2 id="cockpit-map" className="cockpit-card__title" data-testid="cockpit-open-incidents">
        {t('map.title', { count: data.openIncidents.length })}
      </h2>
      <div className="cockpit-map">
        <BaseMap offline={!config.data?.mapTileUrl} ariaLabel={t('map.label')}>
          <BasemapLayer tileUrl={config.data?.mapTileUrl ?? ''} />
          {data.openIncidents.map((i) => (
            <CircleMarker
              key={i.id}
              center={[i.lat, i.lng]}
              radius={14}
              pathOptions={{
                color: '#fff',
                weight: 3,
                fillColor: SEVERITY_COLOUR[i.severity],
                fillOpacity: 0.95,
              }}
            >
              <Tooltip permanent direction="top" offset={[0, -12]} className="cockpit-map__label">
                {i.title}
              </Tooltip>
            </CircleMarker>
          ))}
        </BaseMap>
      </div>
    </section>
  );
}

function Callouts({ data }: { data: CockpitView }) {
  const { t } = useCockpitT();
  const zoneTime = useZoneTime();
  return (
    <section className="cockpit-card" aria-labelledby="cockpit-callouts">
      <h2 id="cockpit-callouts" className="cockpit-card__title">
        {t('callouts.title')}
      </h2>
      <p className="cockpit-callouts__count" data-testid="cockpit-callouts">
        {data.callouts.active ? t('callouts.active', { count: data.callouts.active }) : t('callouts.none')}
      </p>
      <ul className="cockpit-list">
        {data.callouts.items.slice(0, 3).map((c) => (
          <li key={c.id}>
            <span className="cockpit-list__main">{c.title}</span>
            <span className="cockpit-list__side">{zoneTime(c.startedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Ranking({ data }: { data: CockpitView }) {
  const { t } = useCockpitT();
  return (
    <section className="cockpit-card cockpit-card--grow" aria-labelledby="cockpit-ranking">
      <h2 id="cockpit-ranking" className="cockpit-card__title">
        {t('ranking.title', { year: data.ranking.year ?? '' })}
      </h2>
      {data.ranking.items.length === 0 ? (
        <p className="cockpit-muted">{t('ranking.none')}</p>
      ) : (
        <table className="cockpit-ranking" data-testid="cockpit-ranking">
          <thead>
            <tr>
              <th scope="col">{t('ranking.rank')}</th>
              <th scope="col">{t('ranking.enterprise')}</th>
              <th scope="col">{t('ranking.total')}</th>
              <th scope="col">{t('ranking.band')}</th>
            </tr>
          </thead>
          <tbody>
            {data.ranking.items.map((r) => (
              <tr key={`${r.rank}-${r.enterpriseName}`}>
                <td>{r.rank}</td>
                <td className="cockpit-ranking__name">{r.enterpriseName}</td>
                <td>{r.total}</td>
                <td className={`cockpit-band cockpit-band--${r.band}`}>{t(`band.${r.band}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
