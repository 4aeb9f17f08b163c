import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllEnterprises, usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import type { ContactView } from '../contracts';
import { telHref } from '../lib/format';
import { useDebounced } from '../lib/use-debounced';
import { ImportExportBar } from '../resources/ImportExportBar';
import '../resources/resources.css';
import { deleteContact, fetchContacts, saveContact } from './api';
import { certificationAlert, fromContactDraft, toContactDraft, type ContactDraft } from './contact-form';
import { DirectoryTabs } from './DirectoryTabs';

const PAGE_SIZE = 25;
export const DIRECTORY_WRITERS = ['zone_admin', 'commander', 'enterprise_officer'];

/** YYYY-MM-DD today in the zone's time zone. */
export function zoneToday(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

function ContactForm({ contact, onDone }: { contact: ContactView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<ContactDraft>(() => toContactDraft(contact));
  const save = useMutation({
    mutationFn: () => saveContact(contact?.id ?? null, fromContactDraft(draft)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['contacts'] });
      onDone();
    },
  });
  const set = (key: keyof ContactDraft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
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
      {save.error && <ErrorNotice error={save.error} compact />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('directory.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
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
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ContactView | 'new' | null>(null);
  const q = useDebounced(search.trim());
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
      <PageHeader
        title={t('directory.title')}
        actions={
          canWrite && (
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => setEditing('new')}
            >
              {t('directory.add')}
            </button>
          )
        }
      />
      <DirectoryTabs />
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
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="contact-search">{t('resources.searchLabel')}</label>
          <input
            id="contact-search"
            type="search"
            placeholder={t('directory.searchPlaceholder')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
          />
        </div>
      </form>
      {query.isPending && <Loading />}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {remove.error && <ErrorNotice error={remove.error} compact />}
      {query.data && (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="contact-table" aria-busy={query.isFetching}>
              <thead>
                <tr>
                  <th scope="col">{t('directory.name')}</th>
                  <th scope="col">{t('directory.organization')}</th>
                  <th scope="col">{t('directory.phones')}</th>
                  <th scope="col">{t('directory.skills')}</th>
                  <th scope="col">{t('directory.certifications')}</th>
                  <th scope="col">{t('directory.owner')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.length === 0 && (
                  <tr>
                    <td colSpan={7} className="table__empty">
                      {q ? t('common.noMatches') : t('directory.empty')}
                    </td>
                  </tr>
                )}
                {query.data.items.map((c) => {
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
                      <td>
                        {c.enterpriseId ? (enterpriseName.get(c.enterpriseId) ?? '') : t('directory.zone')}
                      </td>
                      <td className="nowrap">
                        {canWrite && (
                          <>
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => setEditing(c)}
                            >
                              {t('directory.edit')}
                            </button>{' '}
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => {
                                if (window.confirm(t('directory.deleteConfirm', { name: c.name })))
                                  remove.mutate(c.id);
                              }}
                            >
                              {t('directory.delete')}
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
        title={editing === 'new' ? t('directory.addTitle') : t('directory.editTitle')}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <ContactForm
            key={editing === 'new' ? 'new' : editing.id}
            contact={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
    </div>
  );
}
