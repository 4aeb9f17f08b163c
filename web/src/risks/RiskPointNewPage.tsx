import { useNavigate } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { PageHeader } from '../components/PageHeader';
import { useSaveRiskPoint } from './api';
import { useRisksT } from './i18n';
import { RiskPointForm } from './RiskPointForm';

/** Records a risk point; it is assessed on its own page. */
export function RiskPointNewPage() {
  const { t } = useRisksT();
  const navigate = useNavigate();
  const session = useSession();
  const save = useSaveRiskPoint();
  return (
    <div className="page page--narrow">
      <PageHeader title={t('newPoint')}>{t('subtitle')}</PageHeader>
      <RiskPointForm
        officer={session?.user.role === 'enterprise_officer'}
        busy={save.isPending}
        error={save.error}
        onSubmit={(input) => save.mutate(input, { onSuccess: (p) => void navigate(`/risks/${p.id}`) })}
        onCancel={() => void navigate('/risks')}
      />
    </div>
  );
}
