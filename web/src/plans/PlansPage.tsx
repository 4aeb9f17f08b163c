import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAllEnterprises } from '../api/queries';
import { ChoiceField } from '../components/ChoiceField';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { ChoiceFilter, FilterBar, SearchField, usePagedSearch } from '../components/ListControls';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import {
  INCIDENT_CATEGORIES,
  PLAN_HAZARDS,
  PLAN_TYPES,
  SEVERITIES,
  type IncidentCategory,
  type PlanHazard,
  type PlanType,
  type Severity,
} from '../contracts';
import { createPlan, fetchPlans, fetchSuggestion } from './api';
import { useCanEdit, useIsZone } from './hooks';
import { PlanStatusBadge } from './ui';
import './plans.css';
import { usePlansT } from './i18n';
import { useSession } from '../auth/session-hooks';
import { useDutyT } from '../duty/i18n';

const PAGE_SIZE = 30;

/** The plans of the zone and its enterprises, and the question a commander asks first. */
export function PlansPage() {
  const { t } = usePlansT();
  const isZone = useIsZone();
  const canCreate = useCanEdit(null) || !isZone;
  const role = useSession()?.user.role;
  // The zone's duty alerting policy is the zone command's: its admin keeps it, commanders read it.
  const canReadDuty = role === 'zone_admin' || role === 'commander';
  const { t: duty } = useDutyT();
  const { search, setSearch, q, page, setPage, resetsPage } = usePagedSearch();
  const [type, setType] = useState<PlanType | ''>('');
  const [owner, setOwner] = useState('');
  const [creating, setCreating] = useState(false);
  const enterprises = useAllEnterprises();
  const filter = { q, type, owner, page, pageSize: PAGE_SIZE };
  const plans = useQuery({
    queryKey: ['plans', 'list', filter],
    queryFn: ({ signal }) => fetchPlans(filter, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        actions={
          <>
            {canReadDuty && (
              <Link to="/plans/duty" className="button">
                {duty('link')}
              </Link>
            )}
            {canCreate && (
              <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
                {t('new')}
              </button>
            )}
          </>
        }
      >
        {t('subtitle')}
      </PageHeader>

      <SuggestPanel />

      <FilterBar search>
        <SearchField id="plan-search" label={t('search')} value={search} onChange={setSearch} />
        <ChoiceFilter
          id="plan-type"
          label={t('typeLabel')}
          value={type}
          onChange={resetsPage(setType)}
          choices={PLAN_TYPES.map((x) => ({ value: x, label: t(`type.${x}`) }))}
        />
        <ChoiceFilter
          id="plan-owner"
          label={t('owner')}
          value={owner}
          onChange={resetsPage(setOwner)}
          choices={[
            { value: 'zone', label: t('zoneOwner') },
            ...(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name })),
          ]}
        />
      </FilterBar>

      <QueryState query={plans} />
      {plans.data && (
        <ListTable
          testId="plan-table"
          columns={[
            t('planTitle'),
            t('typeLabel'),
            t('owner'),
            t('appliesTo'),
            t('inForce'),
            t('evaluationDue'),
            t('inPreparation'),
          ]}
          items={plans.data.items}
          empty={t('empty')}
          paging={{ page: page, pageSize: PAGE_SIZE, total: plans.data.total, onPage: setPage }}
          row={(p) => (
            <tr key={p.id}>
              <td>
                <Link className="cell-title" to={`/plans/${p.id}`}>
                  {p.title}
                </Link>
                {p.code && <div className="cell-sub">{p.code}</div>}
              </td>
              <td>{t(`type.${p.type}`)}</td>
              <td>{p.enterpriseName ?? t('zoneOwner')}</td>
              <td>
                {p.incidentCategories.length
                  ? p.incidentCategories.map((c) => t(`category.${c}`)).join('、')
                  : t('allIncidents')}
              </td>
              <td className="nowrap">
                {p.published ? `v${p.published.number} ${p.published.label}` : t('common.none')}
              </td>
              <td className="nowrap">{p.published?.evaluationDueOn ?? t('common.none')}</td>
              <td>{p.open ? <PlanStatusBadge status={p.open.status} /> : t('common.none')}</td>
            </tr>
          )}
        />
      )}
      <Dialog open={creating} title={t('new')} onClose={() => setCreating(false)}>
        {creating && <PlanCreateForm onDone={() => setCreating(false)} />}
      </Dialog>
    </div>
  );
}

/** "Which plan and level apply?": the server's suggestion, most specific plan first. */
function SuggestPanel() {
  const { t } = usePlansT();
  const enterprises = useAllEnterprises();
  const isZone = useIsZone();
  const [category, setCategory] = useState<IncidentCategory>('hazardous_chemical_leak');
  const [enterpriseId, setEnterpriseId] = useState('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [asked, setAsked] = useState<{
    category: IncidentCategory;
    enterpriseId?: string;
    severity: Severity | '';
  }>();
  const result = useQuery({
    queryKey: ['plans', 'suggest', asked],
    queryFn: ({ signal }) => fetchSuggestion(asked!, signal),
    enabled: Boolean(asked),
  });

  return (
    <section className="card plan-suggest" aria-labelledby="plan-suggest-title">
      <h2 id="plan-suggest-title" className="card__title">
        {t('suggest.title')}
      </h2>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setAsked({ category, enterpriseId: enterpriseId || undefined, severity });
        }}
      >
        <div className="field field--inline">
          <label htmlFor="suggest-category">{t('category.label')}</label>
          <select
            id="suggest-category"
            value={category}
            onChange={(e) => setCategory(e.target.value as IncidentCategory)}
          >
            {INCIDENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        {isZone && (
          <div className="field field--inline">
            <label htmlFor="suggest-enterprise">{t('suggest.enterprise')}</label>
            <select
              id="suggest-enterprise"
              value={enterpriseId}
              onChange={(e) => setEnterpriseId(e.target.value)}
            >
              <option value="">{t('suggest.noEnterprise')}</option>
              {(enterprises.data?.items ?? []).map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field field--inline">
          <label htmlFor="suggest-severity">{t('severity.label')}</label>
          <select
            id="suggest-severity"
            value={severity}
            onChange={(e) => setSeverity(e.target.value as Severity | '')}
          >
            <option value="">{t('common.none')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            {t('suggest.ask')}
          </button>
        </div>
      </form>
      {result.isError && <ErrorNotice error={result.error} compact />}
      {result.data && (
        <ol className="plan-suggest__list" data-testid="plan-suggestion">
          {result.data.items.length === 0 && <li>{t('suggest.none')}</li>}
          {result.data.items.map((item) => (
            <li key={item.plan.id}>
              <span className="chip">{t(`match.${item.match}`)}</span>{' '}
              <Link
                to={`/plans/${item.plan.id}?version=${item.versionId}${item.level ? `&level=${item.level.id}` : ''}`}
              >
                {item.plan.title}
              </Link>
              {item.level ? (
                <span className="plan-suggest__level">
                  {' → '}
                  {item.level.name}
                  {item.level.policy && ` · ${t('level.pages')} ${item.level.policy.name}`}
                </span>
              ) : (
                <span className="cell-sub"> {t('suggest.noLevel')}</span>
              )}
            </li>
          ))}
          {result.data.onSite.map((p) => (
            <li key={p.id}>
              <span className="chip">{t('type.on_site')}</span> <Link to={`/plans/${p.id}`}>{p.title}</Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function PlanCreateForm({ onDone }: { onDone: () => void }) {
  const { t } = usePlansT();
  const navigate = useNavigate();
  const isZone = useIsZone();
  const enterprises = useAllEnterprises();
  const [owner, setOwner] = useState('zone');
  const [type, setType] = useState<PlanType>('special');
  const [title, setTitle] = useState('');
  const [code, setCode] = useState('');
  const [hazards, setHazards] = useState<PlanHazard[]>([]);
  const [categories, setCategories] = useState<IncidentCategory[]>([]);
  const create = useMutation({
    mutationFn: () =>
      createPlan({
        ...(isZone ? { enterpriseId: owner === 'zone' ? null : owner } : {}),
        type,
        title,
        code,
        hazards,
        incidentCategories: categories,
      }),
    onSuccess: (plan) => {
      onDone();
      void navigate(`/plans/${plan.id}`);
    },
  });
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((x) => x !== value) : [...list, value];

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      {isZone && (
        <div className="field">
          <label htmlFor="new-plan-owner">{t('owner')}</label>
          <select id="new-plan-owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
            <option value="zone">{t('zoneOwner')}</option>
            {(enterprises.data?.items ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <ChoiceField
        id="new-plan-type"
        label={t('typeLabel')}
        value={type}
        values={PLAN_TYPES}
        text={(x) => t(`type.${x}`)}
        onChange={setType}
      />
      <div className="field">
        <label htmlFor="new-plan-title">{t('planTitle')}</label>
        <input id="new-plan-title" required value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="new-plan-code">{t('code')}</label>
        <input id="new-plan-code" value={code} onChange={(e) => setCode(e.target.value)} />
      </div>
      <fieldset className="field plan-checks">
        <legend>{t('hazards')}</legend>
        {PLAN_HAZARDS.map((h) => (
          <label key={h}>
            <input
              type="checkbox"
              checked={hazards.includes(h)}
              onChange={() => setHazards(toggle(hazards, h))}
            />{' '}
            {t(`hazard.${h}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="field plan-checks">
        <legend>{t('appliesTo')}</legend>
        {INCIDENT_CATEGORIES.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={categories.includes(c)}
              onChange={() => setCategories(toggle(categories, c))}
            />{' '}
            {t(`category.${c}`)}
          </label>
        ))}
      </fieldset>
      {create.isError && <ErrorNotice error={create.error} compact />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('create')}
        </button>
      </div>
    </form>
  );
}
