import '../hazards/hazards.css';
import './inspections.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import {
  CHECK_RESULTS,
  type CheckResult,
  type HazardLevel,
  RECHECK_RESULTS,
  type RecheckResult,
} from '../contracts';
import { useEnforcementT } from '../enforcement/i18n';
import { type ItemAnswer, type RecheckAnswer, useInspectionRecord, useSaveAnswers } from './api';

/**
 * The checklist runner: pass / fail / not applicable per item, with a note and, for a failure,
 * where it was seen and its level; for a spot check, whether each re-inspected closed hazard
 * holds or has recurred. Completing turns every failure and recurrence into a hazard.
 */
export function InspectionRunPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { t: te } = useEnforcementT();
  const role = useSession()?.user.role;
  // Violations found by the zone's inspection can become an enforcement case.
  const canEnforce = role === 'inspector' || role === 'zone_admin';
  const record = useInspectionRecord(id);
  const save = useSaveAnswers(id, false);
  const complete = useSaveAnswers(id, true);
  // Only what the inspector changed is held here; the rest comes from the saved record.
  const [edits, setEdits] = useState<Record<string, Partial<ItemAnswer>>>({});
  const [recheckEdits, setRecheckEdits] = useState<Record<string, Partial<RecheckAnswer>>>({});

  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorNotice error={record.error} />;
  const r = record.data;
  const open = r.status === 'open';
  const answers: Record<string, ItemAnswer> = Object.fromEntries(
    r.items.map((i) => [
      i.itemId,
      { itemId: i.itemId, result: i.result, note: i.note ?? '', ...edits[i.itemId] } as ItemAnswer,
    ]),
  );
  const set = (itemId: string, patch: Partial<ItemAnswer>) =>
    setEdits((e) => ({ ...e, [itemId]: { ...e[itemId], ...patch } }));
  const rechecks = r.rechecks.map((c) => ({
    hazardId: c.hazardId,
    result: c.result,
    note: c.note ?? '',
    ...recheckEdits[c.hazardId],
  }));
  const setRecheck = (hazardId: string, patch: Partial<RecheckAnswer>) =>
    setRecheckEdits((e) => ({ ...e, [hazardId]: { ...e[hazardId], ...patch } }));
  const payload = {
    items: Object.values(answers).map((a) => ({ ...a, note: a.note || undefined })),
    // Only answered ones: the server takes an unanswered recheck as a mistake, not as "not yet".
    rechecks: rechecks.flatMap((c) =>
      c.result ? [{ hazardId: c.hazardId, result: c.result, note: c.note || undefined }] : [],
    ),
  };

  return (
    <div className="page page--narrow">
      <PageHeader
        title={`${r.enterpriseName} · ${t(`inspections.kind.${r.kind}`)}`}
        actions={
          <>
            {r.status === 'completed' && canEnforce && r.items.some((i) => i.result === 'fail') && (
              <Link
                className="button button--primary"
                to={`/enforcement/new?inspection=${r.id}`}
                data-testid="inspection-enforce"
              >
                {te('fromInspection')}
              </Link>
            )}
            <Link className="button" to="/inspections">
              {t('inspections.back')}
            </Link>
          </>
        }
      >
        {r.inspector ?? t('inspections.unassigned')} · {t(`inspections.status.${r.status}`)}
        {r.dueOn && ` · ${t('inspections.duePeriod', { from: r.dueOn, to: r.dueBy ?? '…' })}`}
      </PageHeader>
      <ol className="checklist" data-testid="checklist">
        {r.items.map((item) => {
          const a = answers[item.itemId];
          return (
            <li key={item.itemId} className={`checklist__item checklist__item--${a?.result ?? 'open'}`}>
              <div className="checklist__text">{item.text}</div>
              <div className="checklist__choices" role="radiogroup" aria-label={item.text}>
                {CHECK_RESULTS.map((res) => (
                  <label key={res} className="checklist__choice">
                    <input
                      type="radio"
                      name={`item-${item.itemId}`}
                      value={res}
                      disabled={!open}
                      checked={a?.result === res}
                      onChange={() => set(item.itemId, { result: res as CheckResult })}
                    />
                    {t(`inspections.result.${res}`)}
                  </label>
                ))}
              </div>
              {a?.result === 'fail' && open && (
                <div className="form__row">
                  <input
                    aria-label={t('inspections.note')}
                    placeholder={t('inspections.note')}
                    value={a.note ?? ''}
                    onChange={(e) => set(item.itemId, { note: e.target.value })}
                  />
                  <input
                    aria-label={t('hazards.field.place')}
                    placeholder={t('hazards.field.place')}
                    value={a.place ?? ''}
                    onChange={(e) => set(item.itemId, { place: e.target.value })}
                  />
                  <select
                    aria-label={t('hazards.field.level')}
                    value={a.level ?? 'general'}
                    onChange={(e) => set(item.itemId, { level: e.target.value as HazardLevel })}
                  >
                    <option value="general">{t('hazards.level.general')}</option>
                    <option value="major">{t('hazards.level.major')}</option>
                  </select>
                  {a.level === 'major' && (
                    <textarea
                      aria-label={t('hazards.field.harmAnalysis')}
                      placeholder={t('hazards.field.harmAnalysis')}
                      rows={2}
                      value={a.harmAnalysis ?? ''}
                      onChange={(e) => set(item.itemId, { harmAnalysis: e.target.value })}
                    />
                  )}
                </div>
              )}
              {item.hazardId && (
                <Link to={`/hazards/${item.hazardId}`} className="cell-sub">
                  {t('inspections.hazardCreated')}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
      {r.rechecks.length > 0 && (
        <section className="card" data-testid="rechecks">
          <h2 className="card__title">{t('inspections.recheck.title')}</h2>
          <ol className="recheck-list">
            {rechecks.map((c) => {
              const item = r.rechecks.find((x) => x.hazardId === c.hazardId)!;
              return (
                <li
                  key={c.hazardId}
                  className={`recheck-list__item recheck-list__item--${c.result ?? 'open'}`}
                >
                  <div className="checklist__text">
                    <Link to={`/hazards/${c.hazardId}`}>{item.hazardCode}</Link> {item.description}
                  </div>
                  <div className="checklist__choices" role="radiogroup" aria-label={item.hazardCode}>
                    {RECHECK_RESULTS.map((res) => (
                      <label key={res} className="checklist__choice">
                        <input
                          type="radio"
                          name={`recheck-${c.hazardId}`}
                          value={res}
                          disabled={!open}
                          checked={c.result === res}
                          onChange={() => setRecheck(c.hazardId, { result: res as RecheckResult })}
                        />
                        {t(`inspections.recheck.${res}`)}
                      </label>
                    ))}
                  </div>
                  {c.result === 'recurred' && open && (
                    <input
                      aria-label={t('inspections.recheck.note')}
                      placeholder={t('inspections.recheck.note')}
                      value={c.note ?? ''}
                      onChange={(e) => setRecheck(c.hazardId, { note: e.target.value })}
                    />
                  )}
                  {item.newHazardId && (
                    <Link to={`/hazards/${item.newHazardId}`} className="cell-sub">
                      {t('inspections.hazardCreated')}
                    </Link>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {r.items.length === 0 && r.rechecks.length === 0 && (
        <p className="cell-sub">{t('inspections.recheck.nothing')}</p>
      )}
      {(save.isError || complete.isError) && <ErrorNotice error={save.error ?? complete.error} />}
      {open && (
        <div className="form__actions">
          <button
            type="button"
            className="button"
            disabled={save.isPending}
            onClick={() => save.mutate(payload)}
          >
            {t('inspections.save')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={complete.isPending}
            onClick={() => complete.mutate(payload)}
          >
            {t('inspections.complete')}
          </button>
        </div>
      )}
    </div>
  );
}
