import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { levelName } from '../level-name';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { CalloutView, IncidentView, PageFailure } from '../../contracts';
import { incidentKeys } from '../queries';
import { useNow, useZoneTime } from '../ui';
import { CalloutDialog } from './CalloutDialog';
import {
  displayChannel,
  displayState,
  pageFailure,
  reachedBy,
  secondsWaiting,
  stateCounts,
  awaitingProvider,
  currentQuorum,
  type BoardCallout,
  type BoardRecipient,
} from './callout-board';
import { cancelCallout, fetchCallouts } from './callouts-api';
import './callouts.css';

/** How often the board looks again while pages are still on their way to the provider. */
const PENDING_POLL_MS = 2000;

/** Rows shown per call-out before "show all": a zone-wide call-out can page thousands. */
const VISIBLE_ROWS = 30;

/** Provider error codes the board explains in words; others are shown by number. */
const EXPLAINED_CODES = new Set([21211, 21614, 21610, 30003, 30005, 30006]);
const EXPLAINED_STATUSES = new Set(['failed', 'undelivered', 'busy', 'no-answer']);

export function useCallouts(incidentId: string) {
  return useQuery<BoardCallout[]>({
    queryKey: incidentKeys.callouts(incidentId),
    queryFn: ({ signal }) => fetchCallouts(incidentId, signal),
    refetchInterval: (query) => (awaitingProvider(query.state.data) ? PENDING_POLL_MS : false),
  });
}

/**
 * The call-out board: every call-out of the incident, and for each person paged their state,
 * channel and how long they have taken, following the room's `callout.*` events live.
 */
export function CalloutBoard({ incident, canCall }: { incident: IncidentView; canCall: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const callouts = useCallouts(incident.id);
  const [dialogOpen, setDialogOpen] = useState(false);
  const closed = incident.status === 'closed';

  const store = (c: CalloutView) =>
    queryClient.setQueryData<BoardCallout[]>(incidentKeys.callouts(incident.id), (list) =>
      list ? [c, ...list.filter((x) => x.id !== c.id)] : [c],
    );
  const cancel = useMutation({ mutationFn: cancelCallout, onSuccess: store });

  const active = callouts.data?.filter((c) => c.status === 'active').length ?? 0;
  return (
    <section
      className="room-panel callout-board"
      aria-labelledby="callout-board-title"
      data-testid="callout-board"
    >
      <div className="room-panel__head">
        <h2 id="callout-board-title" className="room-panel__title">
          {t('incidents.callouts.title')}
          {callouts.data && <span className="room-panel__count">{active}</span>}
        </h2>
        {canCall && !closed && (
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => setDialogOpen(true)}
            data-testid="callout-open-dialog"
          >
            {t('incidents.callouts.callOut')}
          </button>
        )}
      </div>
      {callouts.isError && (
        <ErrorNotice error={callouts.error} compact onRetry={() => void callouts.refetch()} />
      )}
      {cancel.isError && <ErrorNotice error={cancel.error} compact />}
      {callouts.data?.length === 0 && <p className="work-list__empty">{t('incidents.callouts.empty')}</p>}
      <div className="callout-board__list">
        {callouts.data?.map((c) => (
          <CalloutCard
            key={c.id}
            callout={c}
            onCancel={canCall ? () => cancel.mutate(c.id) : undefined}
            cancelling={cancel.isPending && cancel.variables === c.id}
          />
        ))}
      </div>
      {canCall && (
        <CalloutDialog
          open={dialogOpen}
          incident={incident}
          onClose={() => setDialogOpen(false)}
          onSent={(c) => {
            store(c);
            setDialogOpen(false);
          }}
        />
      )}
    </section>
  );
}

function CalloutCard({
  callout,
  onCancel,
  cancelling,
}: {
  callout: BoardCallout;
  onCancel?: () => void;
  cancelling: boolean;
}) {
  const { t, i18n } = useTranslation();
  const zoneTime = useZoneTime();
  const nowMs = useNow();
  const [showAll, setShowAll] = useState(false);
  const counts = stateCounts(callout);
  const { quorum, policyQuorum } = currentQuorum(callout);
  const rows = showAll ? callout.recipients : callout.recipients.slice(0, VISIBLE_ROWS);

  return (
    <article
      className={`callout-card callout-card--${callout.status}`}
      data-testid="callout"
      data-callout-id={callout.id}
      data-status={callout.status}
    >
      <header className="callout-card__head">
        <div className="callout-card__title">
          <span className={`callout-status callout-status--${callout.status}`}>
            {t(`incidents.callouts.status.${callout.status}`)}
          </span>
          {callout.isDrill && <span className="drill-flag">{t('incidents.drill')}</span>}
          <time dateTime={callout.createdAt}>{zoneTime(callout.createdAt)}</time>
        </div>
        {onCancel && callout.status === 'active' && (
          <button
            type="button"
            className="button button--small button--danger"
            disabled={cancelling}
            data-testid="callout-cancel"
            onClick={() => {
              if (window.confirm(t('incidents.callouts.cancelConfirm'))) onCancel();
            }}
          >
            {t('incidents.callouts.cancel')}
          </button>
        )}
      </header>
      <p className="callout-card__message">
        {callout.responseLevel && (
          <strong className="callout-card__level" data-testid="callout-level">
            {levelName(callout.responseLevel, i18n.language)}
          </strong>
        )}
        {callout.message}
      </p>
      <p className="callout-card__summary" data-testid="callout-summary">
        {t('incidents.callouts.progress', {
          acknowledged: callout.acknowledged,
          total: callout.recipients.length,
          quorum,
        })}
        {callout.tiers.length > 1 &&
          ` · ${t('incidents.callouts.tierOf', { tier: callout.currentTier + 1, tiers: callout.tiers.length })}`}
        {policyQuorum !== null && ` · ${t('incidents.callouts.quorumFitted', { policyQuorum, quorum })}`}
        {(['declined', 'unreachable', 'failed'] as const).map((s) =>
          counts[s] ? ` · ${t(`incidents.callouts.state.${s}`)} ${counts[s]}` : '',
        )}
      </p>
      {callout.endReason && callout.status !== 'active' && (
        <p className="callout-card__ended">{t(`incidents.callouts.endReason.${callout.status}`)}</p>
      )}
      <table className="callout-table">
        <thead>
          <tr>
            <th scope="col">{t('incidents.callouts.col.name')}</th>
            <th scope="col">{t('incidents.callouts.col.tier')}</th>
            <th scope="col">{t('incidents.callouts.col.channel')}</th>
            <th scope="col">{t('incidents.callouts.col.state')}</th>
            <th scope="col">{t('incidents.callouts.col.time')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <RecipientRow key={r.id} recipient={r} nowMs={nowMs} ended={callout.status !== 'active'} />
          ))}
        </tbody>
      </table>
      {callout.recipients.length > VISIBLE_ROWS && (
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => setShowAll((v) => !v)}
        >
          {showAll
            ? t('incidents.callouts.showFewer')
            : t('incidents.callouts.showAll', { count: callout.recipients.length })}
        </button>
      )}
    </article>
  );
}

function RecipientRow({
  recipient: r,
  nowMs,
  ended,
}: {
  recipient: BoardRecipient;
  nowMs: number;
  /** Nobody is waited for any more once the call-out has ended. */
  ended: boolean;
}) {
  const { t } = useTranslation();
  const state = displayState(r);
  const channel = displayChannel(r);
  const answered = r.state === 'acknowledged' || r.state === 'declined';
  const seconds = answered || !ended ? secondsWaiting(r, nowMs) : null;
  const failure = answered ? null : pageFailure(r);
  const providers = reachedBy(r);
  return (
    <tr data-testid="callout-recipient" data-recipient-id={r.id} data-state={state}>
      <td>
        <span className="callout-table__name">{r.name}</span>
        <span className="callout-table__phone">{r.phone}</span>
      </td>
      <td>{r.tier + 1}</td>
      <td>
        {channel ? t(`incidents.callouts.channel.${channel}`) : '—'}
        {providers.length > 0 && (
          <span className="callout-table__provider" data-testid="callout-recipient-provider">
            {providers.map((p) => t(`incidents.callouts.provider.${p}`)).join(' · ')}
          </span>
        )}
      </td>
      <td>
        <span
          className={`recipient-state recipient-state--${state}`}
          title={r.lastError ?? undefined}
          data-testid="callout-recipient-state"
        >
          {t(`incidents.callouts.state.${state}`)}
        </span>
        {failure && (
          <span className="callout-table__failure" data-testid="callout-recipient-failure">
            {failureText(t, failure)}
          </span>
        )}
      </td>
      <td>
        {seconds === null
          ? '—'
          : answered
            ? t('incidents.callouts.answeredIn', { seconds })
            : t('incidents.callouts.waiting', { seconds })}
      </td>
    </tr>
  );
}

/** "SMS: not a mobile number (21614)": which page failed and why, in the console's language. */
function failureText(t: TFunction, f: PageFailure): string {
  const byStatus = EXPLAINED_STATUSES.has(f.status)
    ? t(`incidents.callouts.failure.status.${f.status as 'failed'}`)
    : f.status;
  const reason =
    f.code === null
      ? byStatus
      : EXPLAINED_CODES.has(f.code)
        ? t('incidents.callouts.failure.withCode', {
            reason: t(`incidents.callouts.failure.code.${String(f.code) as '21211'}`),
            code: f.code,
          })
        : t('incidents.callouts.failure.otherCode', { code: f.code });
  return t('incidents.callouts.failure.line', {
    channel: t(`incidents.callouts.channel.${f.channel}`),
    reason,
  });
}
