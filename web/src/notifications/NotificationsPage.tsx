import { useState } from 'react';
import { Link } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { PanelTabs } from '../components/Tabs';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPreferencesView,
  isNotificationKind,
  isAlwaysTexted,
} from '../contracts';
import {
  type NotificationFilter,
  useMarkAllRead,
  useMarkRead,
  useNotificationList,
  useNotificationPreferences,
  useSaveNotificationPreferences,
} from './api';
import { alertPermission, askForAlerts, type AlertPermission } from './browser-alerts';
import { useNotificationsT } from './i18n';
import { kindLabel, notificationLink } from './model';
import { NotificationItem } from './NotificationBell';

const PAGE_SIZE = 20;

function useLang() {
  const { i18n } = useNotificationsT();
  return i18n.language === 'en' ? ('en' as const) : ('zh-CN' as const);
}

function Inbox() {
  const { t } = useNotificationsT();
  const lang = useLang();
  const session = useSession();
  const config = usePublicConfig();
  const timeZone = config.data?.timeZone ?? 'Asia/Shanghai';
  const [filter, setFilter] = useState<NotificationFilter>({
    kind: '',
    unread: false,
    page: 1,
    pageSize: PAGE_SIZE,
  });
  const list = useNotificationList(filter);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const role = session?.user.role ?? 'responder';

  return (
    <section aria-label={t('page.inbox')}>
      <div className="notification-filters">
        <label className="field field--inline">
          <span className="field__label">{t('page.kind')}</span>
          <select
            value={filter.kind ?? ''}
            data-testid="notification-kind-filter"
            onChange={(e) =>
              setFilter((f) => ({
                ...f,
                page: 1,
                kind: isNotificationKind(e.target.value) ? e.target.value : '',
              }))
            }
          >
            <option value="">{t('page.allKinds')}</option>
            {NOTIFICATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="notification-check">
          <input
            type="checkbox"
            checked={filter.unread ?? false}
            onChange={(e) => setFilter((f) => ({ ...f, page: 1, unread: e.target.checked }))}
          />
          {t('page.unreadOnly')}
        </label>
        <span className="notification-filters__spacer" />
        {list.data && (
          <span className="notification-filters__count">
            {t('page.unreadCount', { count: list.data.unread })}
          </span>
        )}
        <button
          type="button"
          className="button button--small"
          disabled={!list.data?.unread || markAllRead.isPending}
          onClick={() => markAllRead.mutate()}
        >
          {t('page.markAllRead')}
        </button>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {(markRead.isError || markAllRead.isError) && (
        <ErrorNotice error={markRead.error ?? markAllRead.error} compact />
      )}
      {list.data && list.data.items.length === 0 && <p className="notification-empty">{t('page.empty')}</p>}
      <ul className="notification-list" data-testid="notification-list">
        {list.data?.items.map((n) => {
          const link = notificationLink(n, role);
          return (
            <li
              key={n.id}
              className={`notification notification--row${n.readAt ? '' : ' notification--unread'}`}
            >
              <div className="notification__main">
                <span className="notification__kind">
                  {isNotificationKind(n.kind) ? kindLabel(n.kind, lang) : n.kind}
                </span>
                <NotificationItem n={n} timeZone={timeZone} />
              </div>
              <div className="notification__actions">
                {link && (
                  <Link
                    className="button button--small"
                    to={link}
                    onClick={() => {
                      if (!n.readAt) markRead.mutate(n.id);
                    }}
                  >
                    {t('page.open')}
                  </Link>
                )}
                {n.readAt ? (
                  <span className="notification__read">{t('page.read')}</span>
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    disabled={markRead.isPending}
                    onClick={() => markRead.mutate(n.id)}
                  >
                    {t('page.markRead')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination
          page={filter.page ?? 1}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onPage={(page) => setFilter((f) => ({ ...f, page }))}
        />
      )}
    </section>
  );
}

function Preferences() {
  const prefs = useNotificationPreferences();
  if (prefs.isPending) return <Loading />;
  if (prefs.isError) return <ErrorNotice error={prefs.error} onRetry={() => void prefs.refetch()} />;
  return <PreferencesForm initial={prefs.data} />;
}

function PreferencesForm({ initial }: { initial: NotificationPreferencesView }) {
  const { t } = useNotificationsT();
  const lang = useLang();
  const save = useSaveNotificationPreferences();
  const [quiet, setQuiet] = useState(initial.quiet);
  const [sms, setSms] = useState<Set<NotificationKind>>(() => new Set(initial.smsKinds));
  const [permission, setPermission] = useState<AlertPermission>(alertPermission);

  return (
    <section aria-label={t('page.preferences')} className="notification-prefs">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ quiet, smsKinds: NOTIFICATION_KINDS.filter((k) => sms.has(k)) });
        }}
      >
        <p className="notification-prefs__intro">{t('prefs.intro')}</p>
        <label className="notification-check">
          <input
            type="checkbox"
            checked={quiet}
            data-testid="notification-quiet"
            onChange={(e) => {
              setQuiet(e.target.checked);
              save.reset();
            }}
          />
          {t('prefs.quiet')}
        </label>
        <table className="table notification-prefs__table">
          <thead>
            <tr>
              <th scope="col">{t('prefs.kind')}</th>
              <th scope="col">{t('prefs.sms')}</th>
            </tr>
          </thead>
          <tbody>
            {NOTIFICATION_KINDS.map((k) => {
              const always = isAlwaysTexted(k);
              return (
                <tr key={k}>
                  <td>{kindLabel(k, lang)}</td>
                  <td>
                    <label className="notification-check">
                      <input
                        type="checkbox"
                        data-kind={k}
                        checked={always || (!quiet && sms.has(k))}
                        disabled={always || quiet}
                        onChange={(e) => {
                          const next = new Set(sms);
                          if (e.target.checked) next.add(k);
                          else next.delete(k);
                          setSms(next);
                          save.reset();
                        }}
                      />
                      {always ? t('prefs.always') : t('prefs.sms')}
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {save.isError && <ErrorNotice error={save.error} compact />}
        {save.isSuccess && (
          <p className="notice notice--success notice--compact" role="status">
            {t('prefs.saved')}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('prefs.save')}
        </button>
      </form>
      <div className="notification-prefs__browser">
        <h2 className="card__title">{t('prefs.browserTitle')}</h2>
        <p>
          {permission === 'granted'
            ? t('prefs.browserOn')
            : permission === 'denied'
              ? t('prefs.browserDenied')
              : permission === 'unsupported'
                ? t('prefs.browserUnsupported')
                : t('prefs.browserOff')}
        </p>
        {permission === 'default' && (
          <button type="button" className="button" onClick={() => void askForAlerts().then(setPermission)}>
            {t('prompt.enable')}
          </button>
        )}
      </div>
    </section>
  );
}

/** The notification centre: every notification, filtered and paged, and the user's preferences. */
export function NotificationsPage() {
  const { t } = useNotificationsT();
  return (
    <div className="page">
      <PageHeader title={t('page.title')}>{t('page.subtitle')}</PageHeader>
      <PanelTabs
        label={t('page.tabs')}
        tabs={[
          { id: 'inbox', label: t('page.inbox'), panel: <Inbox /> },
          { id: 'preferences', label: t('page.preferences'), panel: <Preferences /> },
        ]}
      />
    </div>
  );
}
