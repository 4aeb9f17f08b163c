import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorNotice } from '../components/ErrorNotice';
import { checkInByLink, fetchLinkRollCall } from './api';
import { useRollCallT } from './i18n';
import './rollcall.css';

/**
 * On the responder's link page: when a roll call is open in the incident, one button per
 * assembly point checks them in there (again to move). The signed link is the credential.
 */
export function LinkCheckIn({ token }: { token: string }) {
  const { t } = useRollCallT();
  const queryClient = useQueryClient();
  const key = ['rollcall-link', token];
  const rc = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchLinkRollCall(token, signal),
    refetchInterval: 30_000,
  });
  const checkIn = useMutation({
    mutationFn: (pointId: string) => checkInByLink(token, pointId),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  if (!rc.data?.rollCallId) return null;
  const here = rc.data.points.find((p) => p.id === rc.data.checkedInAt);
  return (
    <section className="rollcall-link" aria-labelledby="rollcall-link-title" data-testid="rollcall-link">
      <h2 id="rollcall-link-title">{t('link.title')}</h2>
      <p>{here ? t('link.checkedIn', { code: here.code, label: here.label }) : t('link.prompt')}</p>
      <div className="rollcall-link__points">
        {rc.data.points.map((p) => (
          <button
            key={p.id}
            type="button"
            className={`button${p.id === rc.data.checkedInAt ? ' button--primary' : ''}`}
            disabled={checkIn.isPending}
            onClick={() => checkIn.mutate(p.id)}
          >
            {t('link.at', { code: p.code, label: p.label })}
          </button>
        ))}
      </div>
      {checkIn.isError && <ErrorNotice error={checkIn.error} compact />}
    </section>
  );
}
