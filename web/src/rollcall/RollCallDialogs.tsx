import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useSession } from '../auth/session-hooks';
import type { RollCallCandidates, Role, RollCallView } from '../contracts';
import { closeRollCall, fetchCandidates, nameMissing, openRollCall, reportCount } from './api';
import { useRollCallT } from './i18n';
import { rollCallKeys } from './use-roll-calls';

function useBoardRefresh(incidentId: string) {
  const queryClient = useQueryClient();
  return (view: RollCallView) =>
    queryClient.setQueryData(rollCallKeys.forIncident(incidentId), (list: RollCallView[] | undefined) => [
      view,
      ...(list ?? []).filter((r) => r.id !== view.id),
    ]);
}

const toggle = (set: ReadonlySet<string>, id: string) => {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
};

/** Opens a roll call: the assembly points (drawn or registered) and the enterprises concerned, the suggested ones ticked. */
export function OpenDialog({
  open,
  incidentId,
  onClose,
}: {
  open: boolean;
  incidentId: string;
  onClose: () => void;
}) {
  const { t } = useRollCallT();
  return (
    <Dialog open={open} title={t('open.title')} onClose={onClose}>
      <OpenForm incidentId={incidentId} onClose={onClose} />
    </Dialog>
  );
}

function OpenForm({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const { t } = useRollCallT();
  const candidates = useQuery({
    queryKey: rollCallKeys.candidates(incidentId),
    queryFn: ({ signal }) => fetchCandidates(incidentId, signal),
    staleTime: 0,
  });
  if (candidates.isPending) return <Loading label={t('loading')} />;
  if (candidates.isError)
    return <ErrorNotice error={candidates.error} onRetry={() => void candidates.refetch()} />;
  return <OpenChoices incidentId={incidentId} candidates={candidates.data} onClose={onClose} />;
}

function OpenChoices({
  incidentId,
  candidates,
  onClose,
}: {
  incidentId: string;
  candidates: RollCallCandidates;
  onClose: () => void;
}) {
  const { t } = useRollCallT();
  const refresh = useBoardRefresh(incidentId);
  const key = (p: { source: string; sourceId: string }) => `${p.source}:${p.sourceId}`;
  const [points, setPoints] = useState<ReadonlySet<string>>(
    () => new Set(candidates.points.filter((p) => p.source === 'room').map(key)),
  );
  const [enterprises, setEnterprises] = useState<ReadonlySet<string>>(
    () => new Set(candidates.enterprises.filter((e) => e.suggested).map((e) => e.enterpriseId)),
  );
  const submit = useMutation({
    mutationFn: () =>
      openRollCall(incidentId, {
        points: candidates.points
          .filter((p) => points.has(key(p)))
          .map((p) => ({ source: p.source, sourceId: p.sourceId })),
        enterpriseIds: [...enterprises],
      }),
    onSuccess: (view) => {
      refresh(view);
      onClose();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  return (
    <form className="form rollcall-form" onSubmit={onSubmit} data-testid="rollcall-open-form">
      <p className="form__intro">{t('open.intro')}</p>
      <fieldset className="rollcall-form__group">
        <legend>{t('open.points')}</legend>
        {candidates.points.length === 0 && <p className="rollcall__empty">{t('open.noPoints')}</p>}
        {candidates.points.map((p) => (
          <label key={key(p)} className="rollcall-form__choice">
            <input
              type="checkbox"
              checked={points.has(key(p))}
              onChange={() => setPoints(toggle(points, key(p)))}
            />
            <span>{p.label || t('unnamedPoint')}</span>
            <span className="rollcall__muted">
              {t(`open.source.${p.source}`)} · {t('open.distance', { metres: p.distanceM })}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="rollcall-form__group">
        <legend>{t('open.enterprises')}</legend>
        <p className="field__hint">{t('open.enterprisesHint', { radius: candidates.radiusM })}</p>
        <div className="rollcall-form__scroll">
          {candidates.enterprises.map((e) => (
            <label key={e.enterpriseId} className="rollcall-form__choice">
              <input
                type="checkbox"
                checked={enterprises.has(e.enterpriseId)}
                onChange={() => setEnterprises(toggle(enterprises, e.enterpriseId))}
              />
              <span>{e.name}</span>
              <span className="rollcall__muted">
                {t('open.distance', { metres: e.distanceM })}
                {e.reason && ` · ${t(`open.reason.${e.reason}`)}`}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {submit.isError && <ErrorNotice error={submit.error} compact />}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('actions.cancel')}
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={submit.isPending || points.size === 0 || enterprises.size === 0}
        >
          {t('open.submit', { points: points.size, enterprises: enterprises.size })}
        </button>
      </div>
    </form>
  );
}

/** Enters an enterprise's headcount and how many are accounted for at a point; officers only their own. */
export function CountDialog({
  open,
  rollCall,
  role,
  onClose,
}: {
  open: boolean;
  rollCall: RollCallView;
  role: Role | undefined;
  onClose: () => void;
}) {
  const { t } = useRollCallT();
  return (
    <Dialog open={open} title={t('count.title')} onClose={onClose}>
      <CountForm rollCall={rollCall} role={role} onClose={onClose} />
    </Dialog>
  );
}

function CountForm({
  rollCall: rc,
  role,
  onClose,
}: {
  rollCall: RollCallView;
  role: Role | undefined;
  onClose: () => void;
}) {
  const { t } = useRollCallT();
  const id = useId();
  const session = useSession();
  const refresh = useBoardRefresh(rc.incidentId);
  const choices =
    role === 'enterprise_officer'
      ? rc.enterprises.filter((e) => e.enterpriseId === session?.user.enterpriseId)
      : rc.enterprises;
  const [enterpriseId, setEnterpriseId] = useState(choices[0]?.enterpriseId ?? '');
  const entry = rc.enterprises.find((e) => e.enterpriseId === enterpriseId);
  const [pointId, setPointId] = useState(entry?.pointId ?? rc.points[0]?.id ?? '');
  const atPoint = entry?.counts.find((c) => c.pointId === pointId)?.accounted;
  const [expected, setExpected] = useState(entry?.expected?.toString() ?? '');
  const [accounted, setAccounted] = useState(atPoint?.toString() ?? '');
  const submit = useMutation({
    mutationFn: () =>
      reportCount(rc.id, { enterpriseId, pointId, expected: Number(expected), accounted: Number(accounted) }),
    onSuccess: (view) => {
      refresh(view);
      onClose();
    },
  });
  const pick = (next: string) => {
    setEnterpriseId(next);
    const e = rc.enterprises.find((x) => x.enterpriseId === next);
    if (e) {
      setPointId(e.pointId);
      setExpected(e.expected?.toString() ?? '');
      setAccounted(e.counts.find((c) => c.pointId === e.pointId)?.accounted.toString() ?? '');
    }
  };
  const valid = enterpriseId && pointId && /^\d+$/.test(expected) && /^\d+$/.test(accounted);
  if (!choices.length) return <p className="rollcall__empty">{t('count.notConcerned')}</p>;
  return (
    <form
      className="form rollcall-form"
      data-testid="rollcall-count-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-e`}>{t('enterprise')}</label>
        <select id={`${id}-e`} value={enterpriseId} onChange={(e) => pick(e.target.value)}>
          {choices.map((e) => (
            <option key={e.enterpriseId} value={e.enterpriseId}>
              {e.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-p`}>{t('point')}</label>
        <select id={`${id}-p`} value={pointId} onChange={(e) => setPointId(e.target.value)}>
          {rc.points.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code} {p.label}
            </option>
          ))}
        </select>
      </div>
      <div className="rollcall-form__numbers">
        <div className="field">
          <label htmlFor={`${id}-x`}>{t('count.expected')}</label>
          <input
            id={`${id}-x`}
            inputMode="numeric"
            value={expected}
            onChange={(e) => setExpected(e.target.value.trim())}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-a`}>{t('count.accounted')}</label>
          <input
            id={`${id}-a`}
            inputMode="numeric"
            value={accounted}
            onChange={(e) => setAccounted(e.target.value.trim())}
          />
        </div>
      </div>
      <p className="field__hint">{t('count.hint')}</p>
      {submit.isError && <ErrorNotice error={submit.error} compact />}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('actions.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={!valid || submit.isPending}>
          {t('count.submit')}
        </button>
      </div>
    </form>
  );
}

/** Closes with the numbers as they stand; optionally carries the missing into a supplementary report. */
export function CloseDialog({
  open,
  rollCall,
  onClose,
}: {
  open: boolean;
  rollCall: RollCallView;
  onClose: () => void;
}) {
  const { t } = useRollCallT();
  const refresh = useBoardRefresh(rollCall.incidentId);
  const [carry, setCarry] = useState(rollCall.totals.missing > 0);
  const submit = useMutation({
    mutationFn: () => closeRollCall(rollCall.id, carry),
    onSuccess: (view) => {
      refresh(view);
      onClose();
    },
  });
  const totals = rollCall.totals;
  return (
    <Dialog open={open} title={t('close.title')} onClose={onClose}>
      <form
        className="form rollcall-form"
        data-testid="rollcall-close-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit.mutate();
        }}
      >
        <p className="form__intro">
          {t('close.summary', {
            expected: totals.expected,
            accounted: totals.accounted,
            missing: totals.missing,
          })}
        </p>
        {totals.reported < totals.enterprises && (
          <p className="notice notice--caution notice--compact">
            {t('close.unreported', { number: totals.enterprises - totals.reported })}
          </p>
        )}
        <label className="rollcall-form__choice">
          <input type="checkbox" checked={carry} onChange={() => setCarry(!carry)} />
          <span>{t('close.carry', { missing: totals.missing })}</span>
        </label>
        <p className="field__hint">{t('close.carryHint')}</p>
        {submit.isError && <ErrorNotice error={submit.error} compact />}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={submit.isPending}>
            {t('close.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Names a missing person (officers: of their own enterprise). */
export function MissingForm({ rollCall: rc }: { rollCall: RollCallView }) {
  const { t } = useRollCallT();
  const id = useId();
  const session = useSession();
  const refresh = useBoardRefresh(rc.incidentId);
  const officer = session?.user.role === 'enterprise_officer';
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [enterpriseId, setEnterpriseId] = useState(officer ? (session?.user.enterpriseId ?? '') : '');
  const submit = useMutation({
    mutationFn: () =>
      nameMissing(rc.id, {
        name: name.trim(),
        note: note.trim() || undefined,
        enterpriseId: enterpriseId || undefined,
      }),
    onSuccess: (view) => {
      refresh(view);
      setName('');
      setNote('');
    },
  });
  return (
    <form
      className="rollcall-missing-form"
      data-testid="rollcall-missing-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) submit.mutate();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-n`}>{t('missingForm.name')}</label>
        <input id={`${id}-n`} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
      </div>
      {!officer && (
        <div className="field">
          <label htmlFor={`${id}-e`}>{t('enterprise')}</label>
          <select id={`${id}-e`} value={enterpriseId} onChange={(e) => setEnterpriseId(e.target.value)}>
            <option value="">{t('missingForm.noEnterprise')}</option>
            {rc.enterprises.map((e) => (
              <option key={e.enterpriseId} value={e.enterpriseId}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-o`}>{t('missingForm.note')}</label>
        <input id={`${id}-o`} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" className="button button--small" disabled={!name.trim() || submit.isPending}>
        {t('missingForm.submit')}
      </button>
      {submit.isError && <ErrorNotice error={submit.error} compact />}
    </form>
  );
}
