import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { navigationFor, PAGE_PATHS } from '../auth/access';
import { useLogout, useRefreshCurrentUser, useSession } from '../auth/session-hooks';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useZoneName } from '../lib/use-zone-name';
import { NotificationBell } from '../notifications/NotificationBell';
import { NavIcon } from './icons';

/** Header, role-fitted sidebar and the page. Only rendered behind RequireSession. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const config = usePublicConfig();
  const logout = useLogout();
  const zoneName = useZoneName();
  useRefreshCurrentUser(session);
  if (!session) return null;
  const { user } = session;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="shell__header">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__zone">{zoneName}</span>
          {config.data?.demoMode && (
            <span className="demo-badge" title={t('app.demoModeHint')}>
              {t('app.demoMode')}
            </span>
          )}
        </div>
        <div className="shell__tools">
          <NotificationBell role={user.role} />
          <div className="current-user" data-testid="current-user">
            <span className="current-user__name">{user.name}</span>
            <span className="current-user__role">{t(`roles.${user.role}`)}</span>
          </div>
          <LanguageSwitcher className="language-switcher--dark" />
          <button type="button" className="button button--ghost" onClick={logout}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
      <nav className="shell__nav" aria-label={t('nav.label')}>
        <ul>
          {navigationFor(user.role).map((page) => (
            <li key={page}>
              <NavLink to={PAGE_PATHS[page]} className="nav-link" data-testid={`nav-${page}`}>
                <NavIcon page={page} />
                <span>{t(`nav.${page}`)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
