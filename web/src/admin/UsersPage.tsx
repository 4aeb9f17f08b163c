import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setUserActive } from '../api/endpoints';
import { useAllEnterprises, usePublicConfig, useUsers } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { ChoiceFilter, FilterBar, SearchField, usePagedSearch } from '../components/ListControls';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { ROLES, type Role, type UserView } from '../contracts';
import { formatDateTime } from '../lib/format';
import { PasswordResetForm } from './PasswordResetForm';
import { UserCreateForm } from './UserCreateForm';

const PAGE_SIZE = 20;

type DialogState =
  { kind: 'create' } | { kind: 'reset'; user: UserView } | { kind: 'deactivate'; user: UserView } | null;

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const config = usePublicConfig();
  const enterprises = useAllEnterprises();
  const { search, setSearch, q, page, setPage, resetsPage } = usePagedSearch();
  const [role, setRole] = useState<Role | ''>('');
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const users = useUsers({ q, role, page, pageSize: PAGE_SIZE });
  const timeZone = config.data?.timeZone ?? 'Asia/Shanghai';

  const enterpriseNames = useMemo(
    () => new Map(enterprises.data?.items.map((e) => [e.id, e.name]) ?? []),
    [enterprises.data],
  );

  const activation = useMutation({
    mutationFn: ({ user, active }: { user: UserView; active: boolean }) => setUserActive(user.id, active),
    onSuccess: async (user) => {
      setDialog(null);
      setNotice(
        user.active ? t('users.activated', { name: user.name }) : t('users.deactivated', { name: user.name }),
      );
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });

  const closeDialog = () => {
    setDialog(null);
    activation.reset();
  };

  return (
    <div className="page">
      <PageHeader
        title={t('users.title')}
        actions={
          <button
            type="button"
            className="button button--primary"
            onClick={() => setDialog({ kind: 'create' })}
          >
            {t('users.create')}
          </button>
        }
      >
        {t('users.subtitle')}
      </PageHeader>

      {notice && (
        <div className="notice notice--success" role="status">
          <span>{notice}</span>
          <button
            type="button"
            className="notice__dismiss"
            aria-label={t('common.close')}
            onClick={() => setNotice(null)}
          >
            ×
          </button>
        </div>
      )}
      {activation.isError && !dialog && <ErrorNotice error={activation.error} />}

      <FilterBar search>
        <SearchField
          id="user-search"
          label={t('users.searchLabel')}
          placeholder={t('users.searchPlaceholder')}
          value={search}
          onChange={setSearch}
        />
        <ChoiceFilter
          id="user-role"
          label={t('users.role')}
          value={role}
          onChange={resetsPage(setRole)}
          choices={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
      </FilterBar>

      <QueryState query={users} />
      {users.data && (
        <ListTable
          testId="user-table"
          busy={users.isFetching}
          columns={[
            t('users.name'),
            t('users.email'),
            t('users.role'),
            t('users.enterprise'),
            t('users.status'),
            t('users.createdAt'),
            t('common.actions'),
          ]}
          items={users.data.items}
          empty={t('common.noMatches')}
          paging={{ page, pageSize: PAGE_SIZE, total: users.data.total, onPage: setPage }}
          row={(user) => {
            const isSelf = user.id === session?.user.id;
            return (
              <tr key={user.id} className={user.active ? undefined : 'table__row--muted'}>
                <td>
                  <span className="cell-title">{user.name}</span>
                  {isSelf && <span className="cell-sub"> {t('users.you')}</span>}
                </td>
                <td>{user.email}</td>
                <td>{t(`roles.${user.role}`)}</td>
                <td>
                  {user.enterpriseId
                    ? (enterpriseNames.get(user.enterpriseId) ?? user.enterpriseId)
                    : t('common.none')}
                </td>
                <td>
                  <span className={`status status--${user.active ? 'active' : 'inactive'}`}>
                    {user.active ? t('users.active') : t('users.inactive')}
                  </span>
                </td>
                <td className="nowrap">{formatDateTime(user.createdAt, i18n.language, timeZone)}</td>
                <td>
                  <div className="table__actions">
                    {/* An admin cannot lock themselves out of the console. */}
                    {!isSelf &&
                      (user.active ? (
                        <button
                          type="button"
                          className="button button--small button--danger"
                          onClick={() => setDialog({ kind: 'deactivate', user })}
                        >
                          {t('users.deactivate')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button button--small"
                          disabled={activation.isPending}
                          onClick={() => activation.mutate({ user, active: true })}
                        >
                          {t('users.activate')}
                        </button>
                      ))}
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setDialog({ kind: 'reset', user })}
                    >
                      {t('users.resetPassword')}
                    </button>
                  </div>
                </td>
              </tr>
            );
          }}
        />
      )}

      <Dialog open={dialog?.kind === 'create'} title={t('users.createTitle')} onClose={closeDialog}>
        <UserCreateForm
          onCancel={closeDialog}
          onCreated={(user) => {
            setDialog(null);
            setNotice(t('users.created', { name: user.name }));
          }}
        />
      </Dialog>

      <Dialog open={dialog?.kind === 'reset'} title={t('users.resetTitle')} onClose={closeDialog}>
        {dialog?.kind === 'reset' && (
          <PasswordResetForm
            user={dialog.user}
            onCancel={closeDialog}
            onDone={() => {
              setNotice(t('users.passwordReset', { name: dialog.user.name }));
              setDialog(null);
            }}
          />
        )}
      </Dialog>

      <Dialog open={dialog?.kind === 'deactivate'} title={t('users.deactivateTitle')} onClose={closeDialog}>
        {dialog?.kind === 'deactivate' && (
          <div className="form">
            <p className="form__intro">
              {t('users.deactivateConfirm', { name: dialog.user.name, email: dialog.user.email })}
            </p>
            {activation.isError && <ErrorNotice error={activation.error} compact />}
            <div className="form__actions">
              <button type="button" className="button" onClick={closeDialog}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={activation.isPending}
                onClick={() => activation.mutate({ user: dialog.user, active: false })}
              >
                {t('users.deactivate')}
              </button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
