import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllEnterprises, usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { EditDialog, type Editing } from '../components/EditDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { FilterBar, SearchField, usePagedSearch } from '../components/ListControls';
import { EditDeleteButtons, RecordFormActions, useRecordSave } from '../components/RecordForm';
import { ActionsHeading, ListTable, QueryState } from '../components/ListTable';
import type { ContactView } from '../contracts';
import { telHref } from '../lib/format';
import { ImportExportBar } from '../resources/ImportExportBar';
import '../resources/resources.css';
import { deleteContact, fetchContacts, saveContact } from './api';
import { certificationAlert, fromContactDraft, toContactDraft, type ContactDraft } from './contact-form';
import { DirectoryHeader } from './DirectoryTabs';

const PAGE_SIZE = 25;
export const DIRECTORY_WRITERS = ['zone_admin', 'commander', 'enterprise_officer'];

/** YYYY-MM-DD today in the zone's time zone. */
export function zoneToday(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

function ContactForm({ contact, onDone }: { contact: ContactView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ContactDraft>(() => toContactDraft(contact));
  const { save, submit } = useRecordSave(
    'contacts',
    () => saveContact(contact?.id ?? null, fromContactDraft(draft)),
    onDone,
  );
  const set = (key: keyof ContactDraft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  return (
    <form onSubmit={submit} className="form-grid" data-testid="contact-form">
      <div className="field">
        <label htmlFor="contact-name">{t('directory.name')}</label>
        <input id="contact-name" value={draft.name} onChange={set('name')} required />
      </div>
      <div className="field">
        <label htmlFor="contact-org">{t('directory.organization')}</label>
        <input id="contact-org" value={draft.organization} onChange={set('organization')} />
      </div>
      <div className="field">
        <label htmlFor="contact-post">{t('directory.post')}</label>
        <input id="contact-post" value={draft.post} onChange={set('post')} />
      </div>
      <div className="field">
        <label htmlFor="contact-phones">{t('directory.phones')}</label>
        <input id="contact-phones" value={draft.phones} onChange={set('phones')} required />
        <small>{t('directory.phonesHint')}</small>
      </div>
      <div className="field">
        <label htmlFor="contact-skills">{t('directory.skills')}</label>
        <input id="contact-skills" value={draft.skills} onChange={set('skills')} />
        <small>{t('directory.skillsHint')}</small>
      </div>
      <div className="field">
        <label htmlFor="contact-certs">{t('directory.certifications')}</label>
        <textarea id="contact-certs" rows={3} value={draft.certifications} onChange={set('certifications')} />
        <small>{t('directory.certificationsHint')}</small>
      </div>
      <div className="field">
        <label htmlFor="contact-language">{t('directory.language')}</label>
        <select id="contact-language" value={draft.language} onChange={set('language')}>
          <option value="zh-CN">中文</option>
          <option value="en">English</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="contact-notes">{t('directory.notes')}</label>
        <input id="contact-notes" value={draft.notes} onChange={set('notes')} />
      </div>
      <RecordFormActions save={save} saveLabel={t('directory.save')} onCancel={onDone} />
    </form>
  );
}

/** The contact directory: search, view, edit, import and export; scoped by the API. */
export function ContactsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const config = usePublicConfig();
  const enterprises = useAllEnterprises();
  const { search, setSearch, q, page, setPage } = usePagedSearch();
  const [editing, setEditing] = useState<Editing<ContactView>>(null);
  const filter = { q, page, pageSize: PAGE_SIZE };
  const query = useQuery({
    queryKey: ['contacts', 'list', filter],
    queryFn: ({ signal }) => fetchContacts(filter, signal),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: deleteContact,
    onSuccess: () => client.invalidateQueries({ queryKey: ['contacts'] }),
  });
  const canWrite = session ? DIRECTORY_WRITERS.includes(session.user.role) : false;
  const today = zoneToday(config.data?.timeZone ?? 'Asia/Shanghai');
  const enterpriseName = useMemo(
    () => new Map((enterprises.data?.items ?? []).map((e) => [e.id, e.name])),
    [enterprises.data],
  );

  return (
    <div className="page">
      <DirectoryHeader canWrite={canWrite} addLabel={t('directory.add')} onAdd={() => setEditing('new')} />
      <ImportExportBar
        base="/api/contacts"
        name="contacts"
        formats={['csv', 'xlsx']}
        canImport={canWrite}
        onImported={() => void client.invalidateQueries({ queryKey: ['contacts'] })}
        labels={{
          import: t('directory.import'),
          imported: (r) => t('directory.imported', { created: r.created, updated: r.updated }),
          importFailed: t('directory.importFailed'),
          export: { csv: t('directory.exportCsv'), xlsx: t('directory.exportXlsx') },
        }}
      />
      <FilterBar search>
        <SearchField
          id="contact-search"
          label={t('resources.searchLabel')}
          placeholder={t('directory.searchPlaceholder')}
          value={search}
          onChange={setSearch}
        />
      </FilterBar>
      <QueryState query={query} />
      {remove.error && <ErrorNotice error={remove.error} compact />}
      {query.data && (
        <ListTable
          testId="contact-table"
          busy={query.isFetching}
          columns={[
            t('directory.name'),
            t('directory.organization'),
            t('directory.phones'),
            t('directory.skills'),
            t('directory.certifications'),
            t('directory.owner'),
            <ActionsHeading key="actions" />,
          ]}
          items={query.data.items}
          empty={q ? t('common.noMatches') : t('directory.empty')}
          paging={{ page: page, pageSize: PAGE_SIZE, total: query.data.total, onPage: setPage }}
          row={(c) => {
            const alert = certificationAlert(c, today);
            return (
              <tr key={c.id}>
                <td>
                  <div className="cell-title">{c.name}</div>
                  <div className="cell-sub">{c.post}</div>
                </td>
                <td>{c.organization}</td>
                <td className="nowrap">
                  {c.phones.map((p) => (
                    <div key={p}>
                      <a href={telHref(p) ?? undefined}>{p}</a>
                    </div>
                  ))}
                </td>
                <td>{c.skills.join('、')}</td>
                <td>
                  {c.certifications.map((x) => (
                    <div key={x.name} className="cell-sub">
                      {x.name}
                      {x.expiresOn ? ` (${x.expiresOn})` : ''}
                    </div>
                  ))}
                  {alert !== 'ok' && (
                    <span className={`alert-badge alert-badge--${alert}`}>
                      {alert === 'expired' ? t('directory.certExpired') : t('directory.certExpiring')}
                    </span>
                  )}
                </td>
                <td>{c.enterpriseId ? (enterpriseName.get(c.enterpriseId) ?? '') : t('directory.zone')}</td>
                <td className="nowrap">
                  {canWrite && (
                    <EditDeleteButtons
                      editLabel={t('directory.edit')}
                      deleteLabel={t('directory.delete')}
                      deleteConfirm={t('directory.deleteConfirm', { name: c.name })}
                      onEdit={() => setEditing(c)}
                      onDelete={() => remove.mutate(c.id)}
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
        addTitle={t('directory.addTitle')}
        editTitle={t('directory.editTitle')}
        onClose={() => setEditing(null)}
      >
        {(contact) => <ContactForm contact={contact} onDone={() => setEditing(null)} />}
      </EditDialog>
    </div>
  );
}
