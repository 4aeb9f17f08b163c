import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../api/client';
import { usePublicConfig } from '../api/queries';
import { ErrorNotice } from '../components/ErrorNotice';
import type { ProviderHealthView } from '../contracts';
import { formatDateTime } from '../lib/format';

/** A provider's breaker moves within seconds of a failure; the panel follows it. */
const REFRESH_MS = 5_000;

const fetchHealth = (signal?: AbortSignal) =>
  apiRequest<ProviderHealthView[]>('/api/admin/providers', { signal });

/**
 * The SMS and voice providers as the workers see them: up (sends go to it), down (passed over for
 * the next provider able to reach each number) or probing, with their sends and failures.
 */
export function ProviderHealth() {
  const { t, i18n } = useTranslation();
  const config = usePublicConfig();
  const timeZone = config.data?.timeZone ?? 'Asia/Shanghai';
  const health = useQuery({
    queryKey: ['admin-providers'],
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: REFRESH_MS,
  });
  if (health.isError) return <ErrorNotice error={health.error} onRetry={() => void health.refetch()} />;
  if (!health.data) return null;
  return (
    <section
      className="provider-health"
      aria-label={t('queues.providers.title')}
      data-testid="provider-health"
    >
      <h2 className="queues__subtitle">{t('queues.providers.title')}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('queues.providers.provider')}</th>
              <th scope="col">{t('queues.providers.state')}</th>
              <th scope="col">{t('queues.providers.sent')}</th>
              <th scope="col">{t('queues.providers.failed')}</th>
              <th scope="col">{t('queues.providers.lastFailure')}</th>
            </tr>
          </thead>
          <tbody>
            {health.data.map((p) => (
              <tr key={p.provider} data-testid="provider-row" data-provider={p.provider} data-state={p.state}>
                <th scope="row">{t(`incidents.callouts.provider.${p.provider}`)}</th>
                <td>
                  {p.configured
                    ? t(`queues.providers.states.${p.state}`)
                    : t('queues.providers.notConfigured')}
                  {p.openedAt && p.state !== 'closed' && (
                    <span className="queues__id">{formatDateTime(p.openedAt, i18n.language, timeZone)}</span>
                  )}
                </td>
                <td>{p.sent}</td>
                <td>{t('queues.providers.failures', { count: p.failed, recent: p.recentFailures })}</td>
                <td>{p.lastFailure ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
