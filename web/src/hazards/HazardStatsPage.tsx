import './hazards.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import type { RateView } from '../contracts';
import { downloadXlsx, useHazardStats } from './api';

function percent(r: RateView): string {
  return r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`;
}

/** Plain SVG bars: two series per month (found, closed), scaled to the largest value. */
function MonthlyChart({
  data,
  labels,
}: {
  data: { month: string; found: number; closed: number }[];
  labels: [string, string];
}) {
  const max = Math.max(1, ...data.flatMap((d) => [d.found, d.closed]));
  const w = Math.max(320, data.length * 48);
  const h = 180;
  const bar = 16;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${w} ${h + 30}`}
      role="img"
      aria-label={labels.join(' / ')}
      data-testid="monthly-chart"
    >
      {data.map((d, i) => {
        const x = i * 48 + 8;
        const fh = (d.found / max) * h;
        const ch = (d.closed / max) * h;
        return (
          <g key={d.month}>
            <rect x={x} y={h - fh} width={bar} height={fh} className="chart__bar chart__bar--found">
              <title>{`${d.month} ${labels[0]} ${d.found}`}</title>
            </rect>
            <rect
              x={x + bar + 2}
              y={h - ch}
              width={bar}
              height={ch}
              className="chart__bar chart__bar--closed"
            >
              <title>{`${d.month} ${labels[1]} ${d.closed}`}</title>
            </rect>
            <text x={x + bar} y={h + 16} textAnchor="middle" className="chart__label">
              {d.month.slice(2)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Bars({
  rows,
  testId,
}: {
  rows: { label: string; value: number; className?: string }[];
  testId: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <ul className="hbars" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.label} className="hbars__row">
          <span className="hbars__label">{r.label}</span>
          <span className="hbars__track">
            <span
              className={`hbars__fill ${r.className ?? ''}`}
              style={{ width: `${(r.value / max) * 100}%` }}
            />
          </span>
          <span className="hbars__value">{r.value}</span>
        </li>
      ))}
    </ul>
  );
}

/** Rectification statistics (Order 16) with the quarterly and annual report download. */
export function HazardStatsPage() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [reportYear, setReportYear] = useState(year);
  const [quarter, setQuarter] = useState<number | ''>('');
  const stats = useHazardStats({ from, to });

  return (
    <div className="page">
      <PageHeader
        title={t('hazards.stats.title')}
        actions={
          <Link className="button" to="/hazards">
            {t('hazards.backToLedger')}
          </Link>
        }
      >
        {t('hazards.stats.subtitle')}
      </PageHeader>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="st-from">{t('hazards.stats.from')}</label>
          <input id="st-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field field--inline">
          <label htmlFor="st-to">{t('hazards.stats.to')}</label>
          <input id="st-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="field field--inline">
          <label htmlFor="st-year">{t('hazards.stats.reportYear')}</label>
          <input
            id="st-year"
            type="number"
            min={2000}
            max={2100}
            value={reportYear}
            onChange={(e) => setReportYear(Number(e.target.value))}
          />
        </div>
        <div className="field field--inline">
          <label htmlFor="st-quarter">{t('hazards.stats.period')}</label>
          <select
            id="st-quarter"
            value={quarter}
            onChange={(e) => setQuarter(e.target.value ? Number(e.target.value) : '')}
          >
            <option value="">{t('hazards.stats.annual')}</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t('hazards.stats.quarter', { quarter: q })}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button"
          onClick={() =>
            void downloadXlsx(
              '/api/hazards/reports/order16',
              { year: reportYear, quarter: quarter || undefined },
              'order16.xlsx',
            )
          }
        >
          {t('hazards.stats.downloadReport')}
        </button>
      </form>
      {stats.isPending && <Loading />}
      {stats.isError && <ErrorNotice error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.data && (
        <>
          <div className="kpis">
            <div className="kpi" data-testid="kpi-total">
              <span className="kpi__value">{stats.data.total}</span>
              <span className="kpi__label">{t('hazards.stats.total')}</span>
            </div>
            <div className="kpi" data-testid="kpi-rectification">
              <span className="kpi__value">{percent(stats.data.rectificationRate)}</span>
              <span className="kpi__label">
                {t('hazards.stats.rectificationRate')} ({stats.data.rectificationRate.numerator}/
                {stats.data.rectificationRate.denominator})
              </span>
            </div>
            <div className="kpi" data-testid="kpi-ontime">
              <span className="kpi__value">{percent(stats.data.onTimeRate)}</span>
              <span className="kpi__label">{t('hazards.stats.onTimeRate')}</span>
            </div>
            <div
              className={`kpi ${stats.data.majorRectificationRate.rate !== null && stats.data.majorRectificationRate.rate < 1 ? 'kpi--alert' : ''}`}
              data-testid="kpi-major"
            >
              <span className="kpi__value">{percent(stats.data.majorRectificationRate)}</span>
              <span className="kpi__label">{t('hazards.stats.majorRate')}</span>
            </div>
            <div className={`kpi ${stats.data.overdueOpen ? 'kpi--alert' : ''}`} data-testid="kpi-overdue">
              <span className="kpi__value">{stats.data.overdueOpen}</span>
              <span className="kpi__label">{t('hazards.stats.overdue')}</span>
            </div>
          </div>
          <div className="stats-grid">
            <section className="card">
              <h2 className="card__title">{t('hazards.stats.monthly')}</h2>
              <MonthlyChart
                data={stats.data.monthly}
                labels={[t('hazards.stats.found'), t('hazards.stats.closed')]}
              />
              <p className="chart__legend">
                <span className="chart__swatch chart__bar--found" /> {t('hazards.stats.found')}{' '}
                <span className="chart__swatch chart__bar--closed" /> {t('hazards.stats.closed')}
              </p>
            </section>
            <section className="card">
              <h2 className="card__title">{t('hazards.stats.byStatus')}</h2>
              <Bars
                testId="by-status"
                rows={Object.entries(stats.data.byStatus).map(([s, n]) => ({
                  label: t(`hazards.status.${s as keyof typeof stats.data.byStatus}`),
                  value: n,
                  className: `hbars__fill--${s}`,
                }))}
              />
              <h2 className="card__title">{t('hazards.stats.byLevel')}</h2>
              <Bars
                testId="by-level"
                rows={Object.entries(stats.data.byLevel).map(([l, n]) => ({
                  label: t(`hazards.level.${l as keyof typeof stats.data.byLevel}`),
                  value: n,
                  className: `hbars__fill--${l}`,
                }))}
              />
            </section>
            <section className="card">
              <h2 className="card__title">{t('hazards.stats.byCategory')}</h2>
              <Bars
                testId="by-category"
                rows={stats.data.byCategory.map((c) => ({
                  label: t(`hazards.category.${c.category}`),
                  value: c.count,
                }))}
              />
            </section>
          </div>
          <section className="card">
            <h2 className="card__title">{t('hazards.stats.byEnterprise')}</h2>
            <div className="table-wrap">
              <table className="table" data-testid="by-enterprise">
                <thead>
                  <tr>
                    <th scope="col">{t('hazards.field.enterprise')}</th>
                    <th scope="col">{t('hazards.stats.total')}</th>
                    <th scope="col">{t('hazards.stats.closed')}</th>
                    <th scope="col">{t('hazards.level.major')}</th>
                    <th scope="col">{t('hazards.stats.overdue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.data.byEnterprise.map((e) => (
                    <tr key={e.enterpriseId}>
                      <td>{e.enterpriseName}</td>
                      <td>{e.total}</td>
                      <td>{e.closed}</td>
                      <td>{e.major}</td>
                      <td>{e.overdue}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
