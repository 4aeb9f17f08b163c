import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

export function DirectoryTabs() {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('directory.title')}>
      <NavLink end to="/directory" className="button button--small">
        {t('directory.contacts')}
      </NavLink>
      <NavLink to="/directory/teams" className="button button--small">
        {t('directory.teams')}
      </NavLink>
      <NavLink to="/directory/rotations" className="button button--small">
        {t('directory.rotations')}
      </NavLink>
    </nav>
  );
}
