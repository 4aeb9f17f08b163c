import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import {
  RESPONSIBILITY_KINDS,
  firstResponsibleLine,
  type ResponsibilityEntry,
  type ResponsibilityKind,
} from '../contracts';
import { useZoneName } from '../lib/use-zone-name';
import {
  downloadResponsibilityXlsx,
  fetchResponsibilityList,
  fetchResponsibilityLists,
  ownerKey,
  saveResponsibilityList,
} from './api';
import { useCanEdit } from './hooks';
import './plans.css';
import { usePlansT } from './i18n';

/** Every responsibility list the caller may read: the zone's and each enterprise's. */
export function ResponsibilityListsPage() {
  const { t, i18n } = usePlansT();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const lists = useQuery({
    queryKey: ['plans', 'responsibility', 'all'],
    queryFn: ({ signal }) => fetchResponsibilityLists(signal),
  });
  return (
    <div className="page">
      <PageHeader title={t('responsibility.title')}>{t('responsibility.subtitle')}</PageHeader>
      {lists.isPending && <Loading />}
      {lists.isError && <ErrorNotice error={lists.error} onRetry={() => void lists.refetch()} />}
      {lists.data && (
        <div className="table-wrap">
          <table className="table" data-testid="responsibility-table">
            <thead>
              <tr>
                <th scope="col">{t('owner')}</th>
                <th scope="col">{t('responsibility.firstResponsible')}</th>
                <th scope="col">{t('responsibility.entries')}</th>
                <th scope="col">{t('responsibility.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {lists.data.map((l) => (
                <tr key={l.enterpriseId ?? 'zone'}>
                  <td>
                    <Link className="cell-title" to={`/responsibility/${ownerKey(l.enterpriseId)}`}>
                      {l.enterpriseName ?? t('responsibility.zoneList')}
                    </Link>
                  </td>
                  <td>
                    {l.firstResponsible
                      ? firstResponsibleLine(
                          { legalRepresentative: l.firstResponsible, actualController: l.actualController },
                          lang,
                        )
                      : t('common.none')}
                  </td>
                  <td>{l.entryCount}</td>
                  <td>{l.updatedAt?.slice(0, 10) ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

const EMPTY: ResponsibilityEntry = {
  kind: 'department',
  unit: '',
  post: null,
  holder: null,
  phone: null,
  industries: [],
  duties: [],
};

/** One owner's list: printable as it stands, exportable to XLSX, editable by its owner. */
export function ResponsibilityListPage() {
  const { t, i18n } = usePlansT();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { owner = 'zone' } = useParams();
  const zoneName = useZoneName();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['plans', 'responsibility', owner],
    queryFn: ({ signal }) => fetchResponsibilityList(owner, signal),
  });
  const canEdit = useCanEdit(list.data ? list.data.enterpriseId : undefined);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<ResponsibilityEntry[]>([]);
  const save = useMutation({
    mutationFn: () =>
      saveResponsibilityList(
        owner,
        draft.map((e) => ({ ...e, duties: e.duties.map((d) => d.trim()).filter(Boolean) })),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['plans', 'responsibility'] });
      setEditing(false);
    },
  });
  const exportXlsx = useMutation({ mutationFn: () => downloadResponsibilityXlsx(owner) });

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  const l = list.data;
  const kinds: ResponsibilityKind[] = l.enterpriseId ? ['department', 'post'] : [...RESPONSIBILITY_KINDS];
  const setEntry = (i: number, patch: Partial<ResponsibilityEntry>) =>
    setDraft(draft.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const split = (s: string) =>
    s
      .split(/\n|、/)
      .map((x) => x.trim())
      .filter(Boolean);

  return (
    <div className="page responsibility-page">
      <p className="no-print">
        <Link to="/responsibility">← {t('responsibility.title')}</Link>
      </p>
      <PageHeader
        title={`${l.enterpriseName ?? zoneName} ${t('responsibility.title')}`}
        actions={
          <span className="no-print">
            <button type="button" className="button" onClick={() => window.print()}>
              {t('printNow')}
            </button>{' '}
            <button type="button" className="button" onClick={() => exportXlsx.mutate()}>
              {t('responsibility.exportXlsx')}
            </button>{' '}
            {canEdit && !editing && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  setDraft(list.data.entries);
                  setEditing(true);
                }}
              >
                {t('edit')}
              </button>
            )}
          </span>
        }
      >
        {l.firstResponsible
          ? t('responsibility.firstResponsibleIs', {
              name: firstResponsibleLine(
                { legalRepresentative: l.firstResponsible, actualController: l.actualController },
                lang,
              ),
            })
          : t('responsibility.zonePrinciple')}
      </PageHeader>
      {exportXlsx.isError && <ErrorNotice error={exportXlsx.error} compact />}
      {l.plans.length > 0 && (
        <p className="no-print">
          {t('responsibility.plans')}：
          {l.plans.map((p, i) => (
            <span key={p.id}>
              {i > 0 && '、'}
              <Link to={`/plans/${p.id}`}>{p.title}</Link>
            </span>
          ))}
        </p>
      )}
      {!editing ? (
        <table className="table responsibility-table" data-testid="responsibility-list">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('responsibility.kind')}</th>
              <th scope="col">{t('responsibility.unit')}</th>
              <th scope="col">{t('responsibility.post')}</th>
              <th scope="col">{t('responsibility.holder')}</th>
              {!l.enterpriseId && <th scope="col">{t('responsibility.industries')}</th>}
              <th scope="col">{t('responsibility.duties')}</th>
            </tr>
          </thead>
          <tbody>
            {l.entries.length === 0 && (
              <tr>
                <td colSpan={7} className="table__empty">
                  {t('responsibility.empty')}
                </td>
              </tr>
            )}
            {l.entries.map((e, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>{t(`responsibility.kinds.${e.kind}`)}</td>
                <td>{e.unit}</td>
                <td>{e.post ?? ''}</td>
                <td>
                  {e.holder ?? ''}
                  {e.phone && <div className="cell-sub">{e.phone}</div>}
                </td>
                {!l.enterpriseId && <td>{e.industries.join('、')}</td>}
                <td>
                  <ol className="duties">
                    {e.duties.map((d, j) => (
                      <li key={j}>{d}</li>
                    ))}
                  </ol>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          {draft.map((e, i) => (
            <fieldset key={i} className="card responsibility-editor">
              <legend>#{i + 1}</legend>
              <div className="plan-grid">
                <div className="field">
                  <label htmlFor={`r-${i}-kind`}>{t('responsibility.kind')}</label>
                  <select
                    id={`r-${i}-kind`}
                    value={e.kind}
                    onChange={(ev) => setEntry(i, { kind: ev.target.value as ResponsibilityKind })}
                  >
                    {kinds.map((k) => (
                      <option key={k} value={k}>
                        {t(`responsibility.kinds.${k}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`r-${i}-unit`}>{t('responsibility.unit')}</label>
                  <input
                    id={`r-${i}-unit`}
                    required
                    value={e.unit}
                    onChange={(ev) => setEntry(i, { unit: ev.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`r-${i}-post`}>{t('responsibility.post')}</label>
                  <input
                    id={`r-${i}-post`}
                    value={e.post ?? ''}
                    onChange={(ev) => setEntry(i, { post: ev.target.value || null })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`r-${i}-holder`}>{t('responsibility.holder')}</label>
                  <input
                    id={`r-${i}-holder`}
                    value={e.holder ?? ''}
                    onChange={(ev) => setEntry(i, { holder: ev.target.value || null })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`r-${i}-phone`}>{t('responsibility.phone')}</label>
                  <input
                    id={`r-${i}-phone`}
                    value={e.phone ?? ''}
                    onChange={(ev) => setEntry(i, { phone: ev.target.value || null })}
                  />
                </div>
              </div>
              {e.kind === 'supervision' && (
                <div className="field">
                  <label htmlFor={`r-${i}-industries`}>{t('responsibility.industries')}</label>
                  <input
                    id={`r-${i}-industries`}
                    value={e.industries.join('、')}
                    onChange={(ev) => setEntry(i, { industries: split(ev.target.value) })}
                  />
                </div>
              )}
              <div className="field">
                <label htmlFor={`r-${i}-duties`}>{t('responsibility.duties')}</label>
                <textarea
                  id={`r-${i}-duties`}
                  required
                  value={e.duties.join('\n')}
                  onChange={(ev) => setEntry(i, { duties: ev.target.value.split('\n') })}
                />
                <span className="field__hint">{t('onePerLine')}</span>
              </div>
              <button
                type="button"
                className="button button--small"
                onClick={() => setDraft(draft.filter((_, j) => j !== i))}
              >
                {t('remove')}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => setDraft([...draft, { ...EMPTY, kind: kinds[0]! }])}
          >
            {t('responsibility.addEntry')}
          </button>
          {save.isError && <ErrorNotice error={save.error} compact />}
          <div className="form__actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft(l.entries);
                setEditing(false);
              }}
            >
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('save')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
