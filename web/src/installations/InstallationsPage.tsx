import './installations.css';
import { Link } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { INSTALLATION_EDITOR_ROLES, useInstallations, useInstallationStates } from './api';
import { figure, gradeKey } from './grade';
import { useInstallationsT } from './i18n';
import { useAlarmsLive } from './use-alarms-live';

/** The register: every unit with its identification and grade, and its alarm state. */
export function InstallationsPage() {
  const { t } = useInstallationsT();
  useAlarmsLive();
  const list = useInstallations();
  const states = useInstallationStates();
  const session = useSession();
  const editor = session ? INSTALLATION_EDITOR_ROLES.includes(session.user.role) : false;
  const stateOf = new Map((states.data ?? []).map((s) => [s.installationId, s]));
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        actions={
          editor && (
            <Link to="/installations/new" className="button button--primary" data-testid="new-installation">
              {t('form.newTitle')}
            </Link>
          )
        }
      >
        {t('subtitle')}
      </PageHeader>
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="table" data-testid="installations-table">
          <thead>
            <tr>
              <th>{t('column.code')}</th>
              <th>{t('column.name')}</th>
              <th>{t('column.enterprise')}</th>
              <th>{t('column.kind')}</th>
              <th>{t('column.ratioSum')}</th>
              <th>{t('column.r')}</th>
              <th>{t('column.grade')}</th>
              <th>{t('column.alarms')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((i) => {
              const state = stateOf.get(i.id);
              return (
                <tr key={i.id}>
                  <td>{i.code}</td>
                  <td>
                    <Link to={`/installations/${i.id}`}>{i.name}</Link>
                  </td>
                  <td>{i.enterpriseName}</td>
                  <td>{t(`kind.${i.kind}`)}</td>
                  <td>{figure(i.assessment.ratioSum)}</td>
                  <td>{i.assessment.grade === null ? '—' : figure(i.assessment.r)}</td>
                  <td>
                    <span className={`grade-badge grade-badge--${i.assessment.grade ?? 'none'}`}>
                      {t(gradeKey(i.assessment.grade))}
                    </span>
                  </td>
                  <td>
                    <span className={`alarm-state alarm-state--${state?.state ?? 'normal'}`}>
                      {t(`alarmState.${state?.state ?? 'normal'}`)}
                      {state ? ` (${state.openAlarms})` : ''}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
