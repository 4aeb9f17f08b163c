import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { EditDialog, type Editing } from '../components/EditDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { ChoiceFilter, FilterBar, SearchField, usePagedSearch } from '../components/ListControls';
import { ActionsHeading, ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { EditDeleteButtons, RecordFormActions, useRecordSave } from '../components/RecordForm';
import {
  EDITABLE_RESOURCE_STATUSES,
  isResourceOut,
  RESOURCE_STATUSES,
  RESOURCE_TYPES,
  type ResourceType,
  type ResourceView,
} from '../contracts';
import { telHref } from '../lib/format';
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
    // Out on an incident, the status is the room's to change (released there).
    ...(isResourceOut(d.status as ResourceView['status'])
      ? {}
      : { status: d.status as ResourceView['status'] }),
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
  const [draft, setDraft] = useState<Draft>(() => toDraft(resource));
  const { save, submit } = useRecordSave(
    'resources',
    () => saveResource(resource?.id ?? null, fromDraft(draft)),
    onDone,
  );
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
          disabled={isResourceOut(draft.status as ResourceView['status'])}
          onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value }))}
        >
          {(isResourceOut(draft.status as ResourceView['status'])
            ? RESOURCE_STATUSES
            : EDITABLE_RESOURCE_STATUSES
          ).map((x) => (
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
      <RecordFormActions save={save} saveLabel={t('resources.save')} onCancel={onDone} />
    </form>
  );
}

/** The resource register: search, filter, expiry flags, edit, import and export. */
export function ResourcesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const { search, setSearch, q, page, setPage, resetsPage } = usePagedSearch();
  const [type, setType] = useState<ResourceType | ''>('');
  const [onlyExpiring, setOnlyExpiring] = useState(false);
  const [editing, setEditing] = useState<Editing<ResourceView>>(null);
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
            <Link className="button button--small" to="/resources/sensitive-targets">
              {t('resources.sensitiveTargets')}
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
      <FilterBar search>
        <SearchField
          id="resource-search"
          label={t('resources.searchLabel')}
          placeholder={t('resources.searchPlaceholder')}
          value={search}
          onChange={setSearch}
        />
        <ChoiceFilter
          id="resource-type-filter"
          label={t('resources.typeLabel')}
          value={type}
          onChange={resetsPage(setType)}
          choices={RESOURCE_TYPES.map((x) => ({ value: x, label: t(`resources.type.${x}`) }))}
        />
        <label className="field field--inline">
          <input
            type="checkbox"
            checked={onlyExpiring}
            onChange={(e) => resetsPage(setOnlyExpiring)(e.target.checked)}
          />
          {t('resources.onlyExpiring')}
        </label>
      </FilterBar>
      <QueryState query={query} />
      {remove.error && <ErrorNotice error={remove.error} compact />}
      {query.data && (
        <ListTable
          testId="resource-table"
          busy={query.isFetching}
          columns={[
            t('resources.name'),
            t('resources.typeLabel'),
            t('resources.quantity'),
            t('resources.statusLabel'),
            t('resources.custodian'),
            t('resources.nextInspectionOn'),
            t('resources.expiresOn'),
            <ActionsHeading key="actions" />,
          ]}
          items={query.data.items}
          empty={q || type || onlyExpiring ? t('common.noMatches') : t('resources.empty')}
          paging={{ page: page, pageSize: PAGE_SIZE, total: query.data.total, onPage: setPage }}
          row={(r) => {
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
                    <EditDeleteButtons
                      editLabel={t('resources.edit')}
                      deleteLabel={t('resources.delete')}
                      deleteConfirm={t('resources.deleteConfirm', { name: r.name })}
                      onEdit={() => setEditing(r)}
                      onDelete={() => remove.mutate(r.id)}
                    />
                  )}
                </td>
              </tr>
            );
          }}
        />
      )}
      <EditDialog
        editing={editing}
        addTitle={t('resources.addTitle')}
        editTitle={t('resources.editTitle')}
        onClose={() => setEditing(null)}
      >
        {(resource) => <ResourceForm resource={resource} onDone={() => setEditing(null)} />}
      </EditDialog>
    </div>
  );
}
