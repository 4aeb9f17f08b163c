import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import {
  accountedPercent,
  type IncidentView,
  type Role,
  type RollCallEnterpriseView,
  type RollCallView,
  type TypedRoomEvent,
} from '../contracts';
import { useZoneTime } from '../incidents/ui';
import { clearMissing } from './api';
import { CloseDialog, CountDialog, MissingForm, OpenDialog } from './RollCallDialogs';
import { useRollCallT } from './i18n';
import { currentRollCall, rollCallKeys, useRollCalls } from './use-roll-calls';
import './rollcall.css';

const COMMAND: readonly Role[] = ['zone_admin', 'commander'];
const REPORTERS: readonly Role[] = ['zone_admin', 'commander', 'enterprise_officer'];

type Dialog = 'open' | 'count' | 'close' | null;

/**
 * The roll call at the assembly points (清点人数), at a glance: how many are accounted for of
 * those expected, per point and per enterprise, who is missing by name, and when each last
 * reported. It follows the room live; commanders open and close it, reporters enter counts.
 */
export function RollCallBoard({
  incident,
  events,
  role,
}: {
  incident: IncidentView;
  events: readonly TypedRoomEvent[];
  role: Role | undefined;
}) {
  const { t } = useRollCallT();
  const query = useRollCalls(incident.id, events);
  const [dialog, setDialog] = useState<Dialog>(null);
  const rc = currentRollCall(query.data);
  const open = rc?.status === 'open';
  const canCommand = !!role && COMMAND.includes(role) && incident.status !== 'closed';
  const canReport = !!role && REPORTERS.includes(role);

  return (
    <section className="room-panel rollcall" aria-labelledby="rollcall-title" data-testid="rollcall-board">
      <header className="rollcall__header">
        <h2 id="rollcall-title" className="room-panel__title">
          {t('title')}
        </h2>
        {rc && (
          <span className={`rollcall__status rollcall__status--${rc.status}`} data-testid="rollcall-status">
            {t(`status.${rc.status}`)}
          </span>
        )}
        <div className="rollcall__actions">
          {canCommand && !open && (
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => setDialog('open')}
            >
              {t('actions.open')}
            </button>
          )}
          {open && canReport && (
            <button type="button" className="button button--small" onClick={() => setDialog('count')}>
              {t('actions.count')}
            </button>
          )}
          {open && canCommand && (
            <button type="button" className="button button--small" onClick={() => setDialog('close')}>
              {t('actions.close')}
            </button>
          )}
        </div>
      </header>
      {query.isPending && <Loading label={t('loading')} />}
      {query.isError && <ErrorNotice error={query.error} compact onRetry={() => void query.refetch()} />}
      {query.isSuccess && !rc && <p className="rollcall__empty">{t('none')}</p>}
      {rc && <Board rollCall={rc} canReport={canReport && open} />}
      <OpenDialog open={dialog === 'open'} incidentId={incident.id} onClose={() => setDialog(null)} />
      {rc && open && (
        <>
          <CountDialog open={dialog === 'count'} rollCall={rc} role={role} onClose={() => setDialog(null)} />
          <CloseDialog open={dialog === 'close'} rollCall={rc} onClose={() => setDialog(null)} />
        </>
      )}
    </section>
  );
}

/** The room tab's name, with how many are still missing while a roll call is open. */
export function RollCallTabLabel({
  incidentId,
  events,
}: {
  incidentId: string;
  events: readonly TypedRoomEvent[];
}) {
  const { t } = useRollCallT();
  const rc = currentRollCall(useRollCalls(incidentId, events).data);
  const missing = rc?.status === 'open' ? rc.totals.missing : 0;
  return (
    <>
      {t('title')}
      {missing > 0 && <span className="room-panel__count">{missing}</span>}
    </>
  );
}

function Board({ rollCall: rc, canReport }: { rollCall: RollCallView; canReport: boolean }) {
  const { t } = useRollCallT();
  const zoneTime = useZoneTime();
  const totals = rc.final ?? rc.totals;
  return (
    <div className="rollcall__board">
      <div className="rollcall__totals" data-testid="rollcall-totals">
        <Progress label={t('overall')} expected={totals.expected} accounted={totals.accounted} big />
        <dl className="rollcall__facts">
          <Fact term={t('missing')} value={totals.missing} alert={totals.missing > 0} />
          <Fact
            term={t('reported')}
            value={t('reportedOf', { reported: totals.reported, total: totals.enterprises })}
          />
          <Fact term={t('checkedIn')} value={totals.checkedIn} />
          <Fact
            term={t('allAccountedAt')}
            value={rc.allAccountedAt ? zoneTime(rc.allAccountedAt) : t('notYet')}
          />
          {rc.final && <Fact term={t('closedAt')} value={zoneTime(rc.closedAt)} />}
        </dl>
        {rc.final && <p className="rollcall__final">{t('finalNote')}</p>}
      </div>

      <h3 className="rollcall__subtitle">{t('byPoint')}</h3>
      <ul className="rollcall__points" data-testid="rollcall-points">
        {rc.points.map((p) => (
          <li key={p.id} className="rollcall-point" data-testid="rollcall-point" data-code={p.code}>
            <div className="rollcall-point__head">
              <span className="rollcall-point__code">{p.code}</span>
              <span className="rollcall-point__label">{p.label || t('unnamedPoint')}</span>
            </div>
            <Progress expected={p.expected} accounted={p.accounted} />
            <p className="rollcall-point__meta">
              {t('pointLine', { missing: p.missing, checkedIn: p.checkedIn })}
              {' · '}
              {p.lastReportAt ? t('lastReport', { time: zoneTime(p.lastReportAt) }) : t('noReport')}
            </p>
            <CheckIns rollCall={rc} pointId={p.id} />
          </li>
        ))}
      </ul>

      <h3 className="rollcall__subtitle">{t('byEnterprise')}</h3>
      <table className="rollcall__table" data-testid="rollcall-enterprises">
        <thead>
          <tr>
            <th scope="col">{t('enterprise')}</th>
            <th scope="col">{t('point')}</th>
            <th scope="col" className="num">
              {t('expected')}
            </th>
            <th scope="col" className="num">
              {t('accounted')}
            </th>
            <th scope="col" className="num">
              {t('missing')}
            </th>
            <th scope="col">{t('progress')}</th>
            <th scope="col">{t('lastReportColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {rc.enterprises.map((e) => (
            <EnterpriseRow key={e.enterpriseId} rollCall={rc} row={e} />
          ))}
        </tbody>
      </table>

      <MissingPersons rollCall={rc} canReport={canReport} />
    </div>
  );
}

function EnterpriseRow({ rollCall, row: e }: { rollCall: RollCallView; row: RollCallEnterpriseView }) {
  const { t } = useRollCallT();
  const zoneTime = useZoneTime();
  const point = rollCall.points.find((p) => p.id === e.pointId);
  const elsewhere = e.counts.filter((c) => c.pointId !== e.pointId && c.accounted > 0);
  return (
    <tr data-testid="rollcall-enterprise" data-enterprise-id={e.enterpriseId}>
      <th scope="row">{e.name}</th>
      <td>
        {point?.code}
        {elsewhere.map((c) => (
          <span key={c.pointId} className="rollcall__elsewhere">
            {t('elsewhere', {
              code: rollCall.points.find((p) => p.id === c.pointId)?.code ?? '',
              count: c.accounted,
            })}
          </span>
        ))}
      </td>
      <td className="num">{e.expected ?? '—'}</td>
      <td className="num">{e.expected === null ? '—' : e.accounted}</td>
      <td className={`num${e.missing ? ' rollcall__alert' : ''}`}>{e.missing ?? '—'}</td>
      <td>
        {e.expected === null ? (
          <span className="rollcall__waiting">{t('waiting')}</span>
        ) : (
          <Progress expected={e.expected} accounted={e.accounted} />
        )}
      </td>
      <td>
        {e.lastReportAt
          ? t('reportedVia', {
              time: zoneTime(e.lastReportAt),
              channel: t(`channel.${e.lastChannel ?? 'console'}`),
            })
          : '—'}
      </td>
    </tr>
  );
}

function CheckIns({ rollCall, pointId }: { rollCall: RollCallView; pointId: string }) {
  const { t } = useRollCallT();
  const here = rollCall.checkIns.filter((c) => c.pointId === pointId);
  if (!here.length) return null;
  return (
    <p className="rollcall-point__checkins">
      {t('checkedInHere')} {here.map((c) => c.name).join(t('separator'))}
    </p>
  );
}

function MissingPersons({ rollCall: rc, canReport }: { rollCall: RollCallView; canReport: boolean }) {
  const { t } = useRollCallT();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (personId: string) => clearMissing(rc.id, personId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rollCallKeys.forIncident(rc.incidentId) }),
  });
  const names = new Map(rc.enterprises.map((e) => [e.enterpriseId, e.name]));
  return (
    <div className="rollcall__missing" data-testid="rollcall-missing">
      <h3 className="rollcall__subtitle">{t('missingPersons')}</h3>
      {rc.missingPersons.length === 0 ? (
        <p className="rollcall__empty">{t('noMissingNamed')}</p>
      ) : (
        <ul className="rollcall__missing-list">
          {rc.missingPersons.map((m) => (
            <li key={m.id}>
              <strong>{m.name}</strong>
              {m.enterpriseId && <span className="rollcall__muted"> · {names.get(m.enterpriseId)}</span>}
              {m.note && <span className="rollcall__muted"> · {m.note}</span>}
              {canReport && (
                <button
                  type="button"
                  className="button button--small rollcall__found"
                  onClick={() => remove.mutate(m.id)}
                  disabled={remove.isPending}
                >
                  {t('actions.found')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.isError && <ErrorNotice error={remove.error} compact />}
      {canReport && <MissingForm rollCall={rc} />}
    </div>
  );
}

function Fact({ term, value, alert }: { term: string; value: string | number; alert?: boolean }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd className={alert ? 'rollcall__alert' : undefined}>{value}</dd>
    </div>
  );
}

/** A bar to 100 %: green when everyone is accounted for, amber on the way. */
function Progress({
  expected,
  accounted,
  label,
  big,
}: {
  expected: number;
  accounted: number;
  label?: string;
  big?: boolean;
}) {
  const { t } = useRollCallT();
  const percent = accountedPercent({ expected, accounted });
  const done = expected > 0 && accounted >= expected;
  return (
    <div className={`rollcall-progress${big ? ' rollcall-progress--big' : ''}`}>
      <div
        className="rollcall-progress__track"
        role="progressbar"
        aria-label={label ?? t('progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div
          className={`rollcall-progress__bar${done ? ' rollcall-progress__bar--done' : ''}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <span className="rollcall-progress__text" data-testid="rollcall-progress-text">
        {t('ofExpected', { accounted, expected, percent })}
      </span>
    </div>
  );
}
