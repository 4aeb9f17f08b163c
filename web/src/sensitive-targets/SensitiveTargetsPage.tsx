import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { EditDialog, type Editing } from '../components/EditDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { ChoiceFilter, FilterBar, SearchField, usePagedSearch } from '../components/ListControls';
import { ActionsHeading, ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { EditDeleteButtons, RecordFormActions, useRecordSave } from '../components/RecordForm';
import { SENSITIVE_TARGET_KINDS, type SensitiveTargetKind, type SensitiveTargetView } from '../contracts';
import { telHref } from '../lib/format';
import { ImportExportBar } from '../resources/ImportExportBar';
import { deleteSensitiveTarget, fetchSensitiveTargets, saveSensitiveTarget } from './api';
import { useSensitiveTargetsT } from './i18n';
import './sensitive-targets.css';
import { SENSITIVE_TARGET_COLOURS } from './target-style';

const PAGE_SIZE = 25;
/** The register is the zone's: these roles keep it (the server decides; this only hides buttons). */
const KEEPERS = ['zone_admin', 'commander', 'inspector'];

type Field =
  | 'kind'
  | 'name'
  | 'address'
  | 'lat'
  | 'lng'
  | 'outline'
  | 'populationDay'
  | 'populationNight'
  | 'contactName'
  | 'contactPhone'
  | 'notes';
type Draft = Record<Field, string>;

function toDraft(x: SensitiveTargetView | null): Draft {
  return {
    kind: x?.kind ?? 'school',
    name: x?.name ?? '',
    address: x?.address ?? '',
    lat: x ? String(x.location.lat) : '',
    lng: x ? String(x.location.lng) : '',
    outline: x?.outline ? JSON.stringify(x.outline) : '',
    populationDay: String(x?.populationDay ?? 0),
    populationNight: String(x?.populationNight ?? 0),
    contactName: x?.contactName ?? '',
    contactPhone: x?.contactPhone ?? '',
    notes: x?.notes ?? '',
  };
}

/** An outline that is not JSON is sent as typed, so the server's 400 names the field. */
function parseOutline(text: string): unknown {
  if (!text.trim()) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function TargetForm({ target, onDone }: { target: SensitiveTargetView | null; onDone: () => void }) {
  const { t } = useSensitiveTargetsT();
  const [d, setDraft] = useState<Draft>(() => toDraft(target));
  const { save, submit } = useRecordSave(
    'sensitive-targets',
    () =>
      saveSensitiveTarget(target?.id ?? null, {
        kind: d.kind as SensitiveTargetKind,
        name: d.name,
        address: d.address,
        location: { lat: Number(d.lat), lng: Number(d.lng) },
        outline: parseOutline(d.outline) as SensitiveTargetView['outline'],
        populationDay: Number(d.populationDay),
        populationNight: Number(d.populationNight),
        contactName: d.contactName,
        contactPhone: d.contactPhone || null,
        notes: d.notes,
      }),
    onDone,
  );
  const field = (key: Field, label: string, type = 'text', extra: object = {}) => (
    <div className="field">
      <label htmlFor={`sensitive-${key}`}>{label}</label>
      <input
        id={`sensitive-${key}`}
        type={type}
        value={d[key]}
        onChange={(e) => setDraft((x) => ({ ...x, [key]: e.target.value }))}
        {...extra}
      />
    </div>
  );
  return (
    <form onSubmit={submit} className="form-grid">
      <div className="field">
        <label htmlFor="sensitive-kind">{t('kindLabel')}</label>
        <select
          id="sensitive-kind"
          value={d.kind}
          onChange={(e) => setDraft((x) => ({ ...x, kind: e.target.value }))}
        >
          {SENSITIVE_TARGET_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {field('name', t('name'), 'text', { required: true })}
      {field('address', t('address'))}
      {field('lat', t('lat'), 'number', { step: 'any', required: true })}
      {field('lng', t('lng'), 'number', { step: 'any', required: true })}
      {field('populationDay', t('populationDay'), 'number', { min: 0, step: 1 })}
      {field('populationNight', t('populationNight'), 'number', { min: 0, step: 1 })}
      {field('contactName', t('contactName'))}
      {field('contactPhone', t('contactPhone'), 'tel')}
      <div className="field">
        <label htmlFor="sensitive-outline">{t('outline')}</label>
        <textarea
          id="sensitive-outline"
          rows={3}
          value={d.outline}
          onChange={(e) => setDraft((x) => ({ ...x, outline: e.target.value }))}
        />
      </div>
      {field('notes', t('notes'))}
      <RecordFormActions save={save} saveLabel={t('save')} onCancel={onDone} />
    </form>
  );
}

/** The register of sensitive targets: search, filter by kind, edit, import and export. */
export function SensitiveTargetsPage() {
  const { t } = useSensitiveTargetsT();
  const session = useSession();
  const client = useQueryClient();
  const { search, setSearch, q, page, setPage, resetsPage } = usePagedSearch();
  const [kind, setKind] = useState<SensitiveTargetKind | ''>('');
  const [editing, setEditing] = useState<Editing<SensitiveTargetView>>(null);
  const filter = { q, kind: kind || undefined, page, pageSize: PAGE_SIZE };
  const query = useQuery({
    queryKey: ['sensitive-targets', 'list', filter],
    queryFn: ({ signal }) => fetchSensitiveTargets(filter, signal),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: deleteSensitiveTarget,
    onSuccess: () => client.invalidateQueries({ queryKey: ['sensitive-targets'] }),
  });
  const canWrite = session ? KEEPERS.includes(session.user.role) : false;

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        actions={
          <>
            <Link className="button button--small" to="/map">
              {t('openMap')}
            </Link>
            {canWrite && (
              <button
                type="button"
                className="button button--primary button--small"
                onClick={() => setEditing('new')}
              >
                {t('add')}
              </button>
            )}
          </>
        }
      >
        {t('subtitle')}
      </PageHeader>
      <ImportExportBar
        base="/api/sensitive-targets"
        name="sensitive-targets"
        formats={['csv', 'xlsx', 'geojson']}
        canImport={canWrite}
        onImported={() => void client.invalidateQueries({ queryKey: ['sensitive-targets'] })}
        labels={{
          import: t('import'),
          imported: (r) => t('imported', { created: r.created, updated: r.updated }),
          importFailed: t('importFailed'),
          export: { csv: t('exportCsv'), xlsx: t('exportXlsx'), geojson: t('exportGeoJson') },
        }}
      />
      <FilterBar search>
        <SearchField
          id="sensitive-search"
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          value={search}
          onChange={setSearch}
        />
        <ChoiceFilter
          id="sensitive-kind-filter"
          label={t('kindLabel')}
          value={kind}
          onChange={resetsPage(setKind)}
          choices={SENSITIVE_TARGET_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
      </FilterBar>
      <QueryState query={query} />
      {remove.error && <ErrorNotice error={remove.error} compact />}
      {query.data && (
        <ListTable
          testId="sensitive-target-table"
          busy={query.isFetching}
          columns={[
            t('name'),
            t('kindLabel'),
            t('population'),
            t('contactName'),
            t('notes'),
            <ActionsHeading key="actions" />,
          ]}
          items={query.data.items}
          empty={q || kind ? t('searchPlaceholder') : t('empty')}
          paging={{ page, pageSize: PAGE_SIZE, total: query.data.total, onPage: setPage }}
          row={(x) => {
            const tel = telHref(x.contactPhone);
            return (
              <tr key={x.id}>
                <td>
                  <div className="cell-title">{x.name}</div>
                  <div className="cell-sub">{x.address}</div>
                </td>
                <td className="nowrap">
                  <span
                    className="sensitive-legend__swatch sensitive-kind-dot"
                    style={{ background: SENSITIVE_TARGET_COLOURS[x.kind] }}
                    aria-hidden="true"
                  />{' '}
                  {t(`kind.${x.kind}`)}
                </td>
                <td className="nowrap">
                  {x.populationDay} / {x.populationNight}
                </td>
                <td>
                  {x.contactName}
                  {tel && x.contactPhone && (
                    <div className="cell-sub">
                      <a href={tel}>{x.contactPhone}</a>
                    </div>
                  )}
                </td>
                <td>{x.notes}</td>
                <td className="nowrap">
                  {canWrite && (
                    <EditDeleteButtons
                      editLabel={t('edit')}
                      deleteLabel={t('delete')}
                      deleteConfirm={t('deleteConfirm', { name: x.name })}
                      onEdit={() => setEditing(x)}
                      onDelete={() => remove.mutate(x.id)}
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
        addTitle={t('addTitle')}
        editTitle={t('editTitle')}
        onClose={() => setEditing(null)}
      >
        {(target) => <TargetForm target={target} onDone={() => setEditing(null)} />}
      </EditDialog>
    </div>
  );
}
