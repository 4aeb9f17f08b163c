import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import type {
  CapSeverity,
  IncidentView,
  MapFeatureView,
  TypedRoomEvent,
  WarningAction,
  WarningPreview,
  WarningView,
} from '../contracts';
import { CAP_SEVERITIES, WARNING_ACTIONS } from '../contracts';
import { useZoneTime } from '../incidents/ui';
import { cancelWarning, fetchWarnings, previewWarning, sendWarning } from './api';
import { useWarningsT } from './i18n';
import { areaOptions, assemblyPoints } from './warning-areas';
import './warnings.css';

/** Room events after which the board asks again: a warning sent, a person's answer, a call-out ended. */
const BOARD_EVENTS = new Set([
  'warning.sent',
  'callout.recipient_updated',
  'callout.ended',
  'callout.tier_paged',
]);
/** While pages are on their way, the board looks again this often for the provider's delivery states. */
const POLL_MS = 3000;

const warningsKey = (incidentId: string) => ['incidents', incidentId, 'warnings'] as const;

/**
 * The room's geo-targeted warning: choose an area, see who and what is inside it with counts,
 * send the warning through the call-out ladder, and follow delivery and acknowledgement per
 * target on the board. A drill pages its roster only, and says so before sending.
 */
export function WarningPanel({
  incident,
  features,
  events,
  canCommand,
}: {
  incident: IncidentView;
  features: MapFeatureView[] | undefined;
  events: TypedRoomEvent[];
  canCommand: boolean;
}) {
  const options = useMemo(() => areaOptions(features, events), [features, events]);
  const points = useMemo(() => assemblyPoints(features), [features]);
  const closed = incident.status === 'closed';
  return (
    <div className="warning-panel" data-testid="warning-panel">
      {canCommand && !closed && <WarningForm incident={incident} options={options} points={points} />}
      <WarningBoard incidentId={incident.id} events={events} canCommand={canCommand && !closed} />
    </div>
  );
}

function WarningForm({
  incident,
  options,
  points,
}: {
  incident: IncidentView;
  options: ReturnType<typeof areaOptions>;
  points: MapFeatureView[];
}) {
  const { t } = useWarningsT();
  const client = useQueryClient();
  const [areaKey, setAreaKey] = useState('');
  const [text, setText] = useState('');
  const [action, setAction] = useState<WarningAction>('shelter_in_place');
  const [pointId, setPointId] = useState('');
  const [severity, setSeverity] = useState<CapSeverity>('Severe');
  const chosen = options.find((o) => o.key === areaKey);
  const preview = useMutation({ mutationFn: () => previewWarning(incident.id, chosen!.area) });
  const send = useMutation({
    mutationFn: () =>
      sendWarning(incident.id, {
        area: chosen!.area,
        text,
        action,
        severity,
        ...(action === 'evacuate' && pointId ? { assemblyPointId: pointId } : {}),
      }),
    onSuccess: (w) => {
      client.setQueryData<{ items: WarningView[]; total: number }>(warningsKey(incident.id), (d) => ({
        items: [w, ...(d?.items ?? [])],
        total: (d?.total ?? 0) + 1,
      }));
      preview.reset();
      setText('');
    },
  });
  const shown: WarningPreview | undefined = preview.data;

  return (
    <section className="warning-form" aria-labelledby="warning-form-title">
      <h3 id="warning-form-title">{t('title')}</h3>
      <p className="room-panel__meta">{t('intro')}</p>
      {options.length === 0 ? (
        <p className="notice notice--info notice--compact">{t('noAreas')}</p>
      ) : (
        <div className="warning-form__row">
          <label className="field">
            <span>{t('area')}</span>
            <select
              value={areaKey}
              data-testid="warning-area"
              onChange={(e) => {
                setAreaKey(e.target.value);
                preview.reset();
              }}
            >
              <option value="">{t('chooseArea')}</option>
              {options.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--small"
            disabled={!chosen || preview.isPending}
            onClick={() => preview.mutate()}
          >
            {preview.isPending ? t('previewing') : t('preview')}
          </button>
        </div>
      )}
      {preview.error && <ErrorNotice error={preview.error} compact />}
      {shown && <PreviewList preview={shown} />}
      {shown && shown.targets.length > 0 && (
        <form
          className="warning-form__send"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <label className="field">
            <span>{t('text')}</span>
            <textarea
              required
              minLength={2}
              maxLength={300}
              rows={2}
              value={text}
              placeholder={t('textPlaceholder')}
              data-testid="warning-text"
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <fieldset className="warning-form__actions">
            <legend>{t('action')}</legend>
            {WARNING_ACTIONS.map((a) => (
              <label key={a}>
                <input
                  type="radio"
                  name="warning-action"
                  checked={action === a}
                  onChange={() => setAction(a)}
                />{' '}
                {t(`actions.${a}`)}
              </label>
            ))}
          </fieldset>
          {action === 'evacuate' && (
            <label className="field">
              <span>{t('assemblyPoint')}</span>
              <select required value={pointId} onChange={(e) => setPointId(e.target.value)}>
                <option value="">{points.length ? '' : t('noAssemblyPoints')}</option>
                {points.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label || p.id.slice(0, 8)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span>{t('severity')}</span>
            <select value={severity} onChange={(e) => setSeverity(e.target.value as CapSeverity)}>
              {CAP_SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`severities.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="button button--primary"
            disabled={send.isPending || shown.counts.phones === 0}
            data-testid="warning-send"
          >
            {send.isPending ? t('sending') : incident.isDrill ? t('sendDrill') : t('send')}
          </button>
          {send.error && <ErrorNotice error={send.error} compact />}
        </form>
      )}
    </section>
  );
}

function PreviewList({ preview }: { preview: WarningPreview }) {
  const { t } = useWarningsT();
  const c = preview.counts;
  if (preview.targets.length === 0)
    return <p className="notice notice--info notice--compact">{t('nobodyInside')}</p>;
  return (
    <div className="warning-preview" data-testid="warning-preview">
      <p className="warning-preview__counts" data-testid="warning-counts">
        <strong>
          {t('counts', {
            enterprises: c.enterprises,
            targets: c.sensitiveTargets,
            people: c.zonePeople,
            phones: c.phones,
          })}
        </strong>
      </p>
      {c.sensitiveTargets > 0 && (
        <p className="room-panel__meta">
          {t('population', { day: c.populationDay, night: c.populationNight })}
        </p>
      )}
      {preview.isDrill && c.outsideRoster > 0 && (
        <p className="notice notice--warning notice--compact">
          {t('outsideRoster', { count: c.outsideRoster })}
        </p>
      )}
      <ul className="warning-targets">
        {preview.targets.map((target) => (
          <li key={`${target.kind}:${target.refId}`}>
            <span className={`warning-kind warning-kind--${target.kind}`}>
              {t(`targetKind.${target.kind}`)}
            </span>{' '}
            <strong>{target.name}</strong>
            <span className="room-panel__meta">
              {' '}
              {target.people.length === 0
                ? t('noPhone')
                : target.people
                    .map(
                      (p) =>
                        `${p.name} ${p.phone}${preview.isDrill && !p.onRoster ? ` (${t('notOnRoster')})` : ''}`,
                    )
                    .join('；')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function WarningBoard({
  incidentId,
  events,
  canCommand,
}: {
  incidentId: string;
  events: TypedRoomEvent[];
  canCommand: boolean;
}) {
  const { t } = useWarningsT();
  const client = useQueryClient();
  const time = useZoneTime();
  const query = useQuery({
    queryKey: warningsKey(incidentId),
    queryFn: ({ signal }) => fetchWarnings(incidentId, signal),
    refetchInterval: (q) =>
      q.state.data?.items.some((w) =>
        w.targets.some((x) => x.people.some((p) => p.state === 'pending' || p.state === 'notified')),
      )
        ? POLL_MS
        : false,
  });
  const lastSeq = useMemo(() => {
    for (let i = events.length - 1; i >= 0; i--) if (BOARD_EVENTS.has(events[i]!.type)) return events[i]!.seq;
    return 0;
  }, [events]);
  useEffect(() => {
    if (lastSeq) void client.invalidateQueries({ queryKey: warningsKey(incidentId) });
  }, [lastSeq, client, incidentId]);
  const cancel = useMutation({
    mutationFn: (id: string) => cancelWarning(id, t('cancelDefault')),
    onSuccess: () => client.invalidateQueries({ queryKey: warningsKey(incidentId) }),
  });

  return (
    <section className="warning-board" aria-labelledby="warning-board-title" data-testid="warning-board">
      <h3 id="warning-board-title">{t('board')}</h3>
      {query.error && <ErrorNotice error={query.error} compact />}
      {query.data?.items.length === 0 && <p className="room-panel__meta">{t('none')}</p>}
      {query.data?.items.map((w) => {
        const people = w.targets.flatMap((x) => x.people).filter((p) => p.state !== 'not_paged');
        const done = people.filter((p) => p.state === 'acknowledged').length;
        return (
          <article key={w.id} className="warning-card" data-testid="warning-card">
            <header className="warning-card__head">
              <span className={`warning-type warning-type--${w.msgType}`}>{t(`msgType.${w.msgType}`)}</span>
              {w.isDrill && <span className="warning-type warning-type--drill">{t('drill')}</span>}
              <strong>{w.area.label || w.event}</strong>
              <span>{t(`actions.${w.action}`)}</span>
              <span className="room-panel__meta">
                {t('sentBy', { name: w.sentBy, time: time(w.sentAt) })}
              </span>
              <span className="warning-card__ack" data-testid="warning-ack">
                {t('acknowledged', { done, total: people.length })}
              </span>
              <a href={w.capUrl} target="_blank" rel="noreferrer" className="button button--small">
                {t('cap')}
              </a>
              {canCommand && w.msgType !== 'Cancel' && (
                <button
                  type="button"
                  className="button button--small"
                  disabled={cancel.isPending}
                  onClick={() => cancel.mutate(w.referencesId ?? w.id)}
                >
                  {t('cancel')}
                </button>
              )}
            </header>
            <p className="warning-card__text">{w.text}</p>
            <table className="warning-card__table">
              <tbody>
                {w.targets.map((target) =>
                  target.people.map((p, i) => (
                    <tr key={`${target.refId}:${p.phone}`} data-testid="warning-row">
                      {i === 0 && (
                        <td rowSpan={target.people.length}>
                          <span className={`warning-kind warning-kind--${target.kind}`}>
                            {t(`targetKind.${target.kind}`)}
                          </span>{' '}
                          {target.name}
                        </td>
                      )}
                      <td>
                        {p.name} <span className="room-panel__meta">{p.phone}</span>
                      </td>
                      <td className={`warning-state warning-state--${p.state}`} data-testid="warning-state">
                        {t(`state.${p.state}`)}
                      </td>
                      <td className="room-panel__meta">
                        {p.lastDelivery &&
                          t('delivery', {
                            channel: t(`channel.${p.lastDelivery.channel}`),
                            status: p.lastDelivery.status,
                          })}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </article>
        );
      })}
      {cancel.error && <ErrorNotice error={cancel.error} compact />}
    </section>
  );
}
