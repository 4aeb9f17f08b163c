import './installations.css';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { PageHeader } from '../components/PageHeader';
import { useSaveInstallation } from './api';
import { useInstallationsT } from './i18n';
import { InstallationForm } from './InstallationForm';

/** Registers a unit; its points and the gateway key are added on its page. */
export function InstallationNewPage() {
  const { t } = useInstallationsT();
  const navigate = useNavigate();
  const session = useSession();
  const save = useSaveInstallation();
  return (
    <div className="page">
      <PageHeader title={t('form.newTitle')}>{t('subtitle')}</PageHeader>
      <InstallationForm
        chooseEnterprise={session?.user.role !== 'enterprise_officer'}
        busy={save.isPending}
        error={save.error}
        onSubmit={(input) =>
          save.mutate(input, { onSuccess: (i) => void navigate(`/installations/${i.id}`) })
        }
        onCancel={() => void navigate('/installations')}
      />
    </div>
  );
}
