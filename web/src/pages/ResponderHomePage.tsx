import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchMe } from '../api/endpoints';
import { queryKeys, usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../lib/format';
import { MyCallouts } from '../responder/MyCallouts';

/** A responder's home: their call-outs, open ones first, then who the system knows them as. */
export function ResponderHomePage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const config = usePublicConfig();
  const me = useQuery({
    queryKey: [...queryKeys.me, session?.token],
    queryFn: ({ signal }) => fetchMe(signal),
    enabled: session !== null,
    staleTime: Infinity,
  });
  const timeZone = config.data?.timeZone ?? 'Asia/Shanghai';

  return (
    <div className="page page--narrow">
      <PageHeader title={t('home.title')} />
      <MyCallouts />
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title" className="card__title">
          {t('home.profile')}
        </h2>
        {me.isPending && <Loading />}
        {me.isError && <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />}
        {me.data && (
          <dl className="facts" data-testid="profile">
            <dt>{t('users.name')}</dt>
            <dd>{me.data.name}</dd>
            <dt>{t('users.email')}</dt>
            <dd>{me.data.email}</dd>
            <dt>{t('users.role')}</dt>
            <dd>{t(`roles.${me.data.role}`)}</dd>
            <dt>{t('users.createdAt')}</dt>
            <dd>{formatDateTime(me.data.createdAt, i18n.language, timeZone)}</dd>
          </dl>
        )}
      </section>
    </div>
  );
}
