import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { Tabs } from '../components/Tabs';

function DirectoryTabs() {
  const { t } = useTranslation();
  return (
    <Tabs
      label={t('directory.title')}
      tabs={[
        { to: '/directory', label: t('directory.contacts'), end: true },
        { to: '/directory/teams', label: t('directory.teams') },
        { to: '/directory/rotations', label: t('directory.rotations') },
      ]}
    />
  );
}

/** The directory's title, its add button for those who may write, and its tabs. */
export function DirectoryHeader({
  canWrite,
  addLabel,
  onAdd,
}: {
  canWrite: boolean;
  addLabel: string;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('directory.title')}
        actions={
          canWrite && (
            <button type="button" className="button button--primary button--small" onClick={onAdd}>
              {addLabel}
            </button>
          )
        }
      />
      <DirectoryTabs />
    </>
  );
}
