import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { RESOURCE_STATUSES, RESOURCE_TYPES, type ResourceType, type ResourceView } from '../contracts';
import { telHref } from '../lib/format';
import { useDebounced } from '../lib/use-debounced';
import { deleteResource, fetchResources, saveResource, type ResourceInput } from './api';
import { AlertBadge } from './AlertBadge';
import { ImportExportBar } from './ImportExportBar';
import './resources.css';

const PAGE_SIZE = 25;
const WRITERS = ['zone_admin', 'commander', 'enterprise_officer'];

type Draft = Record<keyof Omit<ResourceInput, 'location' | 'enterpriseId'> | 'lat' | 'lng', string>;

function toDraft(r: ResourceView | null): Draft {
  return {
    type: r?.type ?? 'supplies',
    name: r?.name ?? '',
    model: r?.model ?? '',
    quantity: String(r?.quantity ?? 1),
    unit: r?.unit ?? '',
    status: r?.status ?? 'available',
    custodian: r?.custodian ?? '',
    custodianPhone: r?.custodianPhone ?? '',
    lat: r ? String(r.location.lat) : '',
    lng: r ? String(r.location.lng) : '',
    address: r?.address ?? '',
    lastInspectedOn: r?.lastInspectedOn ?? '',
    nextInspectionOn: r?.nextInspectionOn ?? '',
    expiresOn: r?.expiresOn ?? '',
    notes: r?.notes ?? '',
  };
}

function fromDraft(d: Draft): Partial<ResourceInput> {
  return {
    type: d.type as ResourceType,
    name: d.name,
    model: d.model,
    quantity: Number(d.quantity),
    unit: d.unit,
    status: d.status as ResourceView['status'],
    custodian: d.custodian,
    custodianPhone: d.custodianPhone || null,
    location: { lat: Number(d.lat), lng: Number(d.lng) },
    address: d.address,
    lastInspectedOn: d.lastInspectedOn || null,
    nextInspectionOn: d.nextInspectionOn || null,
    expiresOn: d.expiresOn || null,
    notes: d.notes,
  };
}

function ResourceForm({ resource, onDone }: { resource: ResourceView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => toDraft(resource));
  const save = useMutation({
    mutationFn: () => saveResource(resource?.id ?? null, fromDraft(draft)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['resources'] });
      onDone();
    },
  });
  const field = (key: keyof Draft, label: string, type = 'text', extra: object = {}) => (
    <div className="field">
      <label htmlFor={`resource-${key}`}>{label}</label>
      <input
        id={`resource-${key}`}
        type={type}
        value={draft[key]}
        onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
        {...extra}
      />
    </div>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="form-grid">
      <div className="field">
        <label htmlFor="resource-type">{t('resources.typeLabel')}</label>
        <select
          id="resource-type"
          value={draft.type}
          onChange={(e) => setDraft((d) => ({ ...d, type: e.target.value }))}
        >
          {RESOURCE_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`resources.type.${x}`)}
            </option>
          ))}
        </select>
      </div>
      {field('name', t('resources.name'), 'text', { required: true })}
      {field('model', t('resources.model'))}
      {field('quantity', t('resources.quantity'), 'number', { min: 0, step: 'any' })}
      {field('unit', t('resources.unit'))}
      <div className="field">
        <label htmlFor="resource-status">{t('resources.statusLabel')}</label>
        <select
          id="resource-status"
          value={draft.status}
          onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value }))}
        >
          {RESOURCE_STATUSES.map((x) => (
            <option key={x} value={x}>
              {t(`resources.status.${x}`)}
            </option>
          ))}
        </select>
      </div>
      {field('custodian', t('resources.custodian'))}
      {field('custodianPhone', t('resources.custodianPhone'), 'tel')}
      {field('lat', t('resources.lat'), 'number', { step: 'any', required: true })}
      {field('lng', t('resources.lng'), 'number', { step: 'any', required: true })}
      {field('address', t('resources.address'))}
      {field('lastInspectedOn', t('resources.lastInspectedOn'), 'date')}
      {field('nextInspectionOn', t('resources.nextInspectionOn'), 'date')}
      {field('expiresOn', t('resources.expiresOn'), 'date')}
      {field('notes', t('resources.notes'))}
      {save.error && <ErrorNotice error={save.error} compact />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('resources.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The resource register: search, filter, expiry flags, edit, import and export. */
export function ResourcesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [type, setType] = useState<ResourceType | ''>('');
  const [onlyExpiring, setOnlyExpiring] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ResourceView | 'new' | null>(null);
  const q = useDebounced(search.trim());
  const filter = {
    q,
    types: type ? [type] : undefined,
    alert: onlyExpiring ? ('expiring' as const) : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const query = useQuery({
    queryKey: ['resources', 'list', filter],
    queryFn: ({ signal }) => fetchResources(filter, signal),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: deleteResource,
    onSuccess: () => client.invalidateQueries({ queryKey: ['resources'] }),
  });
  const canWrite = session ? WRITERS.includes(session.user.role) : false;

  return (
    <div className="page">
      <PageHeader
        title={t('resources.listTitle')}
        actions={
          <>
            <Link className="button button--small" to="/resources">
              {t('resources.openMap')}
            </Link>
            {canWrite && (
              <button
                type="button"
                className="button button--primary button--small"
                onClick={() => setEditing('new')}
              >
                {t('resources.add')}
              </button>
            )}
          </>
        }
      >
        {t('resources.listSubtitle')}
      </PageHeader>
      <ImportExportBar
        base="/api/resources"
        name="resources"
        formats={['csv', 'xlsx', 'geojson']}
        canImport={canWrite}
        onImported={() => void client.invalidateQueries({ queryKey: ['resources'] })}
        labels={{
          import: t('resources.import'),
          imported: (r) => t('resources.imported', { created: r.created, updated: r.updated }),
          importFailed: t('resources.importFailed'),
          export: {
            csv: t('resources.exportCsv'),
            xlsx: t('resources.exportXlsx'),
            geojson: t('resources.exportGeoJson'),
          },
        }}
      />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="resource-search">{t('resources.searchLabel')}</label>
          <input
            id="resource-search"
            type="search"
            placeholder={t('resources.searchPlaceholder')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
          />
        </div>
        <div className="field field--inline">
          <label htmlFor="resource-type-filter">{t('resources.typeLabel')}</label>
          <select
            id="resource-type-filter"
            value={type}
            onChange={(e) => {
              setType(e.target.value as ResourceType | '');
              setPage(1);
            }}
          >
            <option value="">{t('common.all')}</option>
            {RESOURCE_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`resources.type.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="field field--inline">
          <input
            type="checkbox"
            checked={onlyExpiring}
            onChange={(e) => {
              setOnlyExpiring(e.target.checked);
              setPage(1);
            }}
          />
          {t('resources.onlyExpiring')}
        </label>
      </form>
      {query.isPending && <Loading />}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {remove.error && <ErrorNotice error={remove.error} compact />}
      {query.data && (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="resource-table" aria-busy={query.isFetching}>
              <thead>
                <tr>
                  <th scope="col">{t('resources.name')}</th>
                  <th scope="col">{t('resources.typeLabel')}</th>
                  <th scope="col">{t('resources.quantity')}</th>
                  <th scope="col">{t('resources.statusLabel')}</th>
                  <th scope="col">{t('resources.custodian')}</th>
                  <th scope="col">{t('resources.nextInspectionOn')}</th>
                  <th scope="col">{t('resources.expiresOn')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.length === 0 && (
                  <tr>
                    <td colSpan={8} className="table__empty">
                      {q || type || onlyExpiring ? t('common.noMatches') : t('resources.empty')}
                    </td>
                  </tr>
                )}
                {query.data.items.map((r) => {
                  const tel = telHref(r.custodianPhone);
                  return (
                    <tr key={r.id}>
                      <td>
                        <div className="cell-title">{r.name}</div>
                        <div className="cell-sub">
                          {r.model} {r.address}
                        </div>
                      </td>
                      <td>{t(`resources.type.${r.type}`)}</td>
                      <td className="nowrap">
                        {r.quantity} {r.unit}
                      </td>
                      <td>{t(`resources.status.${r.status}`)}</td>
                      <td>
                        {r.custodian}
                        {tel && r.custodianPhone && (
                          <div className="cell-sub">
                            <a href={tel}>{r.custodianPhone}</a>
                          </div>
                        )}
                      </td>
                      <td className="nowrap">{r.nextInspectionOn ?? '—'}</td>
                      <td className="nowrap">
                        {r.expiresOn ?? '—'} <AlertBadge alert={r.alert} />
                      </td>
                      <td className="nowrap">
                        {canWrite && (
                          <>
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => setEditing(r)}
                            >
                              {t('resources.edit')}
                            </button>{' '}
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => {
                                if (window.confirm(t('resources.deleteConfirm', { name: r.name })))
                                  remove.mutate(r.id);
                              }}
                            >
                              {t('resources.delete')}
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={query.data.total} onPage={setPage} />
        </>
      )}
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? t('resources.addTitle') : t('resources.editTitle')}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <ResourceForm
            key={editing === 'new' ? 'new' : editing.id}
            resource={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
    </div>
  );
}
