import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePublicConfig } from '../api/queries';
import type { NotificationView, Role } from '../contracts';
import { formatDateTime } from '../lib/format';
import { DesktopAlertsPrompt } from './DesktopAlertsPrompt';
import { useMarkAllRead, useMarkRead, useLatestNotifications } from './api';
import { useNotificationsT } from './i18n';
import './notifications.css';
import { notificationLink, wordNotification } from './model';
import { useNotificationsLive } from './use-notifications-live';

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2zm4 4a2 2 0 0 0 4 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** One notification as a row of the panel or the page: unread mark, words, time. */
export function NotificationItem({ n, timeZone }: { n: NotificationView; timeZone: string }) {
  const { t, i18n } = useNotificationsT();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { title, body } = wordNotification(n, lang);
  return (
    <>
      <span className="notification__head">
        {!n.readAt && <span className="notification__dot" aria-label={t('bell.unread')} />}
        {n.urgent && <span className="notification__urgent">{t('bell.urgent')}</span>}
        <span className="notification__title">{title}</span>
      </span>
      {body && <span className="notification__body">{body}</span>}
      <time className="notification__time" dateTime={n.createdAt}>
        {formatDateTime(n.createdAt, i18n.language, timeZone)}
      </time>
    </>
  );
}

/**
 * The header's bell: the unread count, live over `/live`, and a panel of the latest
 * notifications, each opening the record it is about (and marking it read).
 */
export function NotificationBell({ role }: { role: Role }) {
  const { t } = useNotificationsT();
  useNotificationsLive(role);
  const latest = useLatestNotifications();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const config = usePublicConfig();
  const timeZone = config.data?.timeZone ?? 'Asia/Shanghai';
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const unread = latest.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const choose = (n: NotificationView) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    const link = notificationLink(n, role);
    void navigate(link ?? '/notifications');
  };

  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread ? t('bell.labelUnread', { count: unread }) : t('bell.label')}
        data-testid="notification-bell"
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="bell__count" data-testid="notification-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          className="bell__panel"
          id={panelId}
          role="region"
          aria-label={t('bell.panelTitle')}
          data-testid="notification-panel"
        >
          <div className="bell__panel-head">
            <strong>{t('bell.panelTitle')}</strong>
            <button
              type="button"
              className="button button--small"
              disabled={unread === 0 || markAllRead.isPending}
              onClick={() => markAllRead.mutate()}
            >
              {t('bell.markAllRead')}
            </button>
          </div>
          <DesktopAlertsPrompt />
          {latest.isError && <p className="bell__empty">{t('bell.error')}</p>}
          {latest.data && latest.data.items.length === 0 && <p className="bell__empty">{t('bell.empty')}</p>}
          <ul className="bell__list">
            {latest.data?.items.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  className={`notification${n.readAt ? '' : ' notification--unread'}`}
                  data-testid="notification-item"
                  onClick={() => choose(n)}
                >
                  <NotificationItem n={n} timeZone={timeZone} />
                </button>
              </li>
            ))}
          </ul>
          <Link className="bell__all" to="/notifications" onClick={() => setOpen(false)}>
            {t('bell.viewAll')}
          </Link>
        </div>
      )}
    </div>
  );
}
