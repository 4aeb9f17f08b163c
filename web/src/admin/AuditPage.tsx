import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAudit, type AuditFilter } from '../api/endpoints';
import { queryKeys, usePublicConfig, useUsers } from '../api/queries';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { AUDIT_ACTION_TEXT, AUDIT_ENTITY_TEXT, systemActorText, type AuditEntryView } from '../contracts';
import { useRecordText } from '../incidents/timeline-text';
import { formatDateTime, zonedDayBoundary } from '../lib/format';
import { changedFields, formatJson } from './audit-diff';

const PAGE_SIZE = 50;

interface FilterForm {
  entity: string;
  action: string;
  userId: string;
  fromDay: string;
  toDay: string;
}

const EMPTY_FILTER: FilterForm = { entity: '', action: '', userId: '', fromDay: '', toDay: '' };

/** Date inputs give calendar days; the API wants instants, taken on the zone's clock. */
function toQuery(form: FilterForm, timeZone: string, page: number): AuditFilter {
  return {
    entity: form.entity.trim(),
    action: form.action.trim(),
    userId: form.userId,
    from: form.fromDay ? (zonedDayBoundary(form.fromDay, timeZone) ?? undefined) : undefined,
    to: form.toDay ? (zonedDayBoundary(form.toDay, timeZone, true) ?? undefined) : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const config = usePublicConfig();
  const timeZone = config.data?.timeZone ?? 'Asia/Shanghai';
  // Everyone who can act is a user; the list names them in the user filter.
  const users = useUsers({ pageSize: 200 });
  const [draft, setDraft] = useState<FilterForm>(EMPTY_FILTER);
  const [applied, setApplied] = useState<FilterForm>(EMPTY_FILTER);
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const filter = toQuery(applied, timeZone, page);
  const rangeInvalid = Boolean(draft.fromDay && draft.toDay && draft.fromDay > draft.toDay);

  const audit = useQuery({
    queryKey: queryKeys.audit(filter),
    queryFn: ({ signal }) => fetchAudit(filter, signal),
    placeholderData: keepPreviousData,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (rangeInvalid) return;
    setApplied(draft);
    setPage(1);
  };
  const onReset = () => {
    setDraft(EMPTY_FILTER);
    setApplied(EMPTY_FILTER);
    setPage(1);
  };
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const set = (key: keyof FilterForm) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const words = useRecordText();
  const byLabel = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1], i18n.language);
  const entityOptions = Object.keys(AUDIT_ENTITY_TEXT)
    .map((e): [string, string] => [e, words.auditEntity(e)])
    .sort(byLabel);
  const actionOptions = Object.keys(AUDIT_ACTION_TEXT)
    .map((a): [string, string] => [a, words.auditAction(a)])
    .sort(byLabel);

  return (
    <div className="page">
      <PageHeader title={t('audit.title')}>{t('audit.subtitle', { timeZone })}</PageHeader>

      <form
        className="filters"
        role="search"
        onSubmit={onSubmit}
        onReset={onReset}
        data-testid="audit-filters"
      >
        <div className="field field--inline">
          <label htmlFor="audit-entity">{t('audit.entity')}</label>
          <select id="audit-entity" value={draft.entity} onChange={(e) => set('entity')(e.target.value)}>
            <option value="">{t('audit.anyEntity')}</option>
            {entityOptions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="audit-action">{t('audit.action')}</label>
          <select id="audit-action" value={draft.action} onChange={(e) => set('action')(e.target.value)}>
            <option value="">{t('audit.anyAction')}</option>
            {actionOptions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="audit-user">{t('audit.user')}</label>
          <select id="audit-user" value={draft.userId} onChange={(e) => set('userId')(e.target.value)}>
            <option value="">{t('audit.anyUser')}</option>
            {users.data?.items.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <input
            id="audit-from"
            type="date"
            value={draft.fromDay}
            onChange={(e) => set('fromDay')(e.target.value)}
          />
        </div>
        <div className="field field--inline">
          <label htmlFor="audit-to">{t('audit.to')}</label>
          <input
            id="audit-to"
            type="date"
            value={draft.toDay}
            min={draft.fromDay || undefined}
            aria-invalid={rangeInvalid}
            onChange={(e) => set('toDay')(e.target.value)}
          />
        </div>
        <div className="filters__actions">
          <button type="submit" className="button button--primary" disabled={rangeInvalid}>
            {t('common.apply')}
          </button>
          <button type="reset" className="button">
            {t('common.reset')}
          </button>
        </div>
        {rangeInvalid && (
          <p className="field__error filters__error" role="alert">
            {t('audit.rangeInvalid')}
          </p>
        )}
      </form>

      {audit.isPending && <Loading />}
      {audit.isError && <ErrorNotice error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.data && (
        <>
          <div className="table-wrap">
            <table className="table table--audit" data-testid="audit-table" aria-busy={audit.isFetching}>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t('audit.details')}</span>
                  </th>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.user')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.ip')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.length === 0 && (
                  <tr>
                    <td colSpan={6} className="table__empty">
                      {t('common.noMatches')}
                    </td>
                  </tr>
                )}
                {audit.data.items.map((entry) => (
                  <AuditRow
                    key={entry.id}
                    entry={entry}
                    open={expanded.has(entry.id)}
                    onToggle={() => toggle(entry.id)}
                    when={formatDateTime(entry.at, i18n.language, timeZone)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={audit.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}

function AuditRow({
  entry,
  open,
  onToggle,
  when,
}: {
  entry: AuditEntryView;
  open: boolean;
  onToggle: () => void;
  when: string;
}) {
  const { t } = useTranslation();
  const words = useRecordText();
  const detailsId = `audit-details-${entry.id}`;
  const changed = open ? changedFields(entry.before, entry.after) : [];
  const hasDocuments = entry.before != null || entry.after != null;
  return (
    <Fragment>
      <tr className={open ? 'table__row--open' : undefined}>
        <td>
          <button
            type="button"
            className="disclosure"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={open ? t('audit.hideDetails') : t('audit.showDetails')}
            onClick={onToggle}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        </td>
        <td className="nowrap">{when}</td>
        <td>
          {/* Actions by the system itself (demo seeding, scheduled jobs) carry the role "system". */}
          {entry.role === 'system' || !entry.userEmail ? (
            <span data-testid="audit-actor">{systemActorText(entry.userEmail ?? '', words.lang)}</span>
          ) : (
            <span data-testid="audit-actor">{entry.userEmail}</span>
          )}
          {entry.role && entry.role !== 'system' && <div className="cell-sub">{words.role(entry.role)}</div>}
        </td>
        <td data-testid="audit-action" title={entry.action}>
          {words.auditAction(entry.action)}
        </td>
        <td data-testid="audit-entity">
          {words.auditEntity(entry.entity)}
          {entry.entityLabel ? (
            <div className="cell-sub" title={entry.entityId ?? undefined}>
              {entry.entityLabel}
            </div>
          ) : (
            entry.entityId && <div className="cell-sub mono">{entry.entityId}</div>
          )}
        </td>
        <td className="mono">{entry.ip ?? ''}</td>
      </tr>
      {open && (
        <tr id={detailsId} className="table__details">
          <td colSpan={6}>
            {changed.length > 0 && (
              <p className="audit-changed">
                {t('audit.changedFields')}{' '}
                {changed.map((field) => (
                  <code key={field} className="chip">
                    {field}
                  </code>
                ))}
              </p>
            )}
            {hasDocuments ? (
              <div className="audit-diff">
                <figure>
                  <figcaption>{t('audit.before')}</figcaption>
                  <pre data-testid="audit-before">{formatJson(entry.before) || t('common.none')}</pre>
                </figure>
                <figure>
                  <figcaption>{t('audit.after')}</figcaption>
                  <pre data-testid="audit-after">{formatJson(entry.after) || t('common.none')}</pre>
                </figure>
              </div>
            ) : (
              <p className="cell-sub">{t('audit.noDocuments')}</p>
            )}
            {entry.requestId && (
              <p className="cell-sub">
                {t('audit.requestId')} <span className="mono">{entry.requestId}</span>
              </p>
            )}
          </td>
        </tr>
      )}
    </Fragment>
  );
}
