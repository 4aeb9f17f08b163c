import '../hazards/hazards.css';
import './inspections.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import type { InspectionRecordView } from '../contracts';
import { useInspectionRecords, useSpotCheck } from './api';
import { EnterprisePicker } from './EnterprisePicker';

/**
 * The zone's spot checks (抽查): sample enterprises at random, each sampled enterprise gets a
 * record that re-inspects the hazards it recently closed, then the checks are run one by one.
 */
export function SpotChecksPage() {
  const { t } = useTranslation();
  const spot = useSpotCheck();
  const records = useInspectionRecords('spot_check');
  const [sampleSize, setSampleSize] = useState('3');
  const [closedWithinDays, setClosedWithinDays] = useState('180');
  const [pool, setPool] = useState<string[]>([]);
  const [drawn, setDrawn] = useState<InspectionRecordView[] | null>(null);

  return (
    <div className="page">
      <PageHeader
        title={t('inspections.spot.title')}
        actions={
          <Link className="button" to="/inspections">
            {t('inspections.back')}
          </Link>
        }
      >
        {t('inspections.spot.subtitle')}
      </PageHeader>
      <section className="card">
        <h2 className="card__title">{t('inspections.spot.draw')}</h2>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            spot.mutate(
              {
                sampleSize: Number(sampleSize),
                closedWithinDays: Number(closedWithinDays),
                ...(pool.length ? { enterpriseIds: pool } : {}),
              },
              { onSuccess: setDrawn },
            );
          }}
        >
          <div className="form__row">
            <div className="field">
              <label htmlFor="spot-size">{t('inspections.spot.sampleSize')}</label>
              <input
                id="spot-size"
                type="number"
                min={1}
                max={100}
                value={sampleSize}
                onChange={(e) => setSampleSize(e.target.value)}
                required
              />
            </div>
            <div className="field">
              <label htmlFor="spot-days">{t('inspections.spot.closedWithinDays')}</label>
              <input
                id="spot-days"
                type="number"
                min={1}
                max={3650}
                value={closedWithinDays}
                onChange={(e) => setClosedWithinDays(e.target.value)}
                required
              />
            </div>
          </div>
          <EnterprisePicker
            legend={t('inspections.spot.pool')}
            hint={t('inspections.spot.poolHint')}
            value={pool}
            onChange={setPool}
          />
          {spot.isError && <ErrorNotice error={spot.error} />}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={spot.isPending}>
              {t('inspections.spot.submit')}
            </button>
          </div>
        </form>
        {drawn && (
          <div data-testid="spot-drawn">
            <p>{t('inspections.spot.drawn', { count: drawn.length })}</p>
            <ul className="plain-list">
              {drawn.map((r) => (
                <li key={r.id} className="plain-list__item">
                  <div>
                    <div className="cell-title">{r.enterpriseName}</div>
                    <div className="cell-sub">
                      {t('inspections.spot.rechecks', { count: r.rechecks.length })}
                    </div>
                  </div>
                  <Link className="button button--small button--primary" to={`/inspections/${r.id}`}>
                    {t('inspections.spot.run')}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <section className="card">
        <h2 className="card__title">{t('inspections.spot.history')}</h2>
        {records.isPending && <Loading />}
        {records.isError && <ErrorNotice error={records.error} />}
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('hazards.field.enterprise')}</th>
              <th scope="col">{t('inspections.inspector')}</th>
              <th scope="col">{t('hazards.field.status')}</th>
              <th scope="col">{t('inspections.spot.rechecked')}</th>
              <th scope="col">{t('inspections.spot.recurred')}</th>
            </tr>
          </thead>
          <tbody>
            {records.data?.items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/inspections/${r.id}`}>{r.enterpriseName}</Link>
                </td>
                <td>{r.inspector ?? t('inspections.unassigned')}</td>
                <td>{t(`inspections.status.${r.status}`)}</td>
                <td>{r.rechecks.length}</td>
                <td>{r.rechecks.filter((c) => c.result === 'recurred').length}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {records.data?.items.length === 0 && <p className="cell-sub">{t('inspections.spot.none')}</p>}
      </section>
    </div>
  );
}
