import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import {
  MODEL_CRITERIA_TEMPLATE,
  sumPoints,
  type ModelCriteriaItem,
  type ModelCriteriaView,
} from '../contracts';
import { formatDateTime } from '../lib/format';
import { useApplications, useApply, useCriteria, usePrerequisites, useSetCriteria } from './api';
import { useCultureT } from './i18n';
import './culture.css';
import {
  CriteriaTable,
  CultureTabs,
  Prerequisites,
  StatusBadge,
  YearField,
  useYear,
  useZone,
} from './shared';

/** The programme's year: its criteria (edited by the zone), and the applications or one's own. */
export function CultureProgrammePage() {
  const { t, i18n } = useCultureT();
  const tz = useZone();
  const session = useSession();
  const role = session?.user.role;
  const officer = role === 'enterprise_officer';
  const [year, setYear] = useYear();
  const criteria = useCriteria(year);
  const applications = useApplications(year);
  const prerequisites = usePrerequisites(year, officer && Boolean(criteria.data));
  const apply = useApply();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const own = officer ? applications.data?.items[0] : undefined;
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('programme.subtitle')}</PageHeader>
      <CultureTabs />
      <YearField year={year} setYear={setYear} />
      <QueryState query={criteria} />
      {criteria.isSuccess && (
        <section>
          <h2 className="culture-h2">{t('programme.criteria', { year })}</h2>
          {editing ? (
            <CriteriaEditor
              key={`${year}:${criteria.data?.updatedAt ?? ''}`}
              year={year}
              criteria={criteria.data}
              onDone={() => setEditing(false)}
            />
          ) : (
            <>
              {criteria.data ? (
                <CriteriaTable criteria={criteria.data} />
              ) : (
                <p className="culture-empty">{t('programme.noCriteria', { year })}</p>
              )}
              {role === 'zone_admin' && (
                <button type="button" className="button" onClick={() => setEditing(true)}>
                  {t('programme.edit')}
                </button>
              )}
            </>
          )}
        </section>
      )}
      {officer && criteria.data && (
        <section>
          <h2 className="culture-h2">{t('programme.prerequisites')}</h2>
          <QueryState query={prerequisites} />
          {prerequisites.data && <Prerequisites checks={prerequisites.data} />}
          <h2 className="culture-h2">{t('programme.myApplication')}</h2>
          {own ? (
            <p>
              <StatusBadge status={own.status} />{' '}
              <Link to={`/culture/applications/${own.id}`}>{t('programme.open')}</Link>
            </p>
          ) : (
            applications.isSuccess && (
              <button
                type="button"
                className="button button--primary"
                disabled={apply.isPending}
                onClick={() =>
                  apply.mutate(year, {
                    onSuccess: (d) => void navigate(`/culture/applications/${d.application.id}`),
                  })
                }
              >
                {t('programme.apply', { year })}
              </button>
            )
          )}
          {apply.isError && <ErrorNotice error={apply.error} />}
        </section>
      )}
      {!officer && (
        <section>
          <h2 className="culture-h2">{t('programme.applications')}</h2>
          <QueryState query={applications} />
          {applications.data && (
            <ListTable
              testId="culture-applications"
              columns={[
                t('programme.enterprise'),
                t('programme.status'),
                t('programme.selfTotal'),
                t('programme.reviewTotal'),
                t('programme.submittedAt'),
              ]}
              items={applications.data.items}
              empty={t('programme.noApplications')}
              row={(a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/culture/applications/${a.id}`}>{a.enterpriseName}</Link>
                  </td>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                  <td className="num">{a.selfTotal}</td>
                  <td className="num">{a.reviewTotal}</td>
                  <td className="nowrap">
                    {a.submittedAt ? formatDateTime(a.submittedAt, i18n.language, tz) : '—'}
                  </td>
                </tr>
              )}
            />
          )}
        </section>
      )}
    </div>
  );
}

function CriteriaEditor({
  year,
  criteria,
  onDone,
}: {
  year: number;
  criteria: ModelCriteriaView | null;
  onDone: () => void;
}) {
  const { t } = useCultureT();
  const save = useSetCriteria(year);
  const [items, setItems] = useState<ModelCriteriaItem[]>(criteria?.items ?? []);
  const [pass, setPass] = useState(String(criteria?.passScore ?? 80));
  const [incidentYears, setIncidentYears] = useState(String(criteria?.incidentYears ?? 3));
  const [validity, setValidity] = useState(String(criteria?.validityYears ?? 3));
  const change = (index: number, patch: Partial<ModelCriteriaItem>) =>
    setItems(items.map((i, n) => (n === index ? { ...i, ...patch } : i)));
  return (
    <form
      className="form culture-editor"
      data-testid="culture-criteria-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          {
            items,
            passScore: Number(pass),
            incidentYears: Number(incidentYears),
            validityYears: Number(validity),
          },
          { onSuccess: onDone },
        );
      }}
    >
      <div className="form__actions">
        <button type="button" className="button" onClick={() => setItems(MODEL_CRITERIA_TEMPLATE)}>
          {t('programme.fromTemplate')}
        </button>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('programme.code')}</th>
              <th scope="col">{t('programme.section')}</th>
              <th scope="col">{t('programme.item')}</th>
              <th scope="col">{t('programme.points')}</th>
              <th scope="col">{t('programme.evidence')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {items.map((item, n) => (
              <tr key={n}>
                <td>
                  <input
                    aria-label={t('programme.code')}
                    className="culture-input--code"
                    value={item.code}
                    onChange={(e) => change(n, { code: e.target.value })}
                    required
                  />
                </td>
                <td>
                  <input
                    aria-label={t('programme.section')}
                    value={item.section}
                    onChange={(e) => change(n, { section: e.target.value })}
                    required
                  />
                </td>
                <td>
                  <textarea
                    aria-label={t('programme.item')}
                    rows={2}
                    value={item.title}
                    onChange={(e) => change(n, { title: e.target.value })}
                    required
                  />
                </td>
                <td>
                  <input
                    aria-label={t('programme.points')}
                    className="culture-input--score"
                    type="number"
                    min="0.5"
                    step="0.5"
                    value={item.points}
                    onChange={(e) => change(n, { points: Number(e.target.value) })}
                    required
                  />
                </td>
                <td>
                  <textarea
                    aria-label={t('programme.evidence')}
                    rows={2}
                    value={item.evidence}
                    onChange={(e) => change(n, { evidence: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setItems(items.filter((_, m) => m !== n))}
                  >
                    {t('programme.removeItem')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="culture-note">
        {t('programme.points')}: {sumPoints(items.map((i) => i.points))}
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            setItems([
              ...items,
              { code: `X${items.length + 1}`, section: '', title: '', points: 1, evidence: '' },
            ])
          }
        >
          {t('programme.addItem')}
        </button>
      </div>
      <div className="form__row">
        <div className="field">
          <label htmlFor="cc-pass">{t('programme.passScore')}</label>
          <input
            id="cc-pass"
            type="number"
            min="0"
            step="0.5"
            value={pass}
            onChange={(e) => setPass(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="cc-incident">{t('programme.incidentYears')}</label>
          <input
            id="cc-incident"
            type="number"
            min="0"
            max="10"
            value={incidentYears}
            onChange={(e) => setIncidentYears(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="cc-validity">{t('programme.validityYears')}</label>
          <input
            id="cc-validity"
            type="number"
            min="1"
            max="10"
            value={validity}
            onChange={(e) => setValidity(e.target.value)}
          />
        </div>
      </div>
      {save.isError && <ErrorNotice error={save.error} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('programme.saveCriteria')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('programme.cancel')}
        </button>
      </div>
    </form>
  );
}
