import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import {
  HAZARD_EVALUATORS,
  type HazardDetailView,
  type HazardEvaluatorKind,
  STOPPAGE_SCOPES,
  type StoppageScope,
} from '../contracts';
import { useHazardStep } from './api';
import { SupervisionBadge } from './badges';

/** The enterprise records its own steps; a zone admin may act for it (as the server allows). */
const ENTERPRISE_SIDE = ['enterprise_officer', 'zone_admin'];
const REGULATOR_SIDE = ['inspector', 'zone_admin'];

/**
 * Closing a major hazard (Order 16 Art. 16, 18): the stoppage while it is fixed, the evaluation
 * of the fix, the application to resume production and the regulator's review, and the listed
 * supervision (挂牌督办). The server decides; the forms are offered to whoever it would accept.
 */
export function MajorClosing({ hazard: h }: { hazard: HazardDetailView }) {
  const { t } = useTranslation();
  const role = useSession()?.user.role ?? '';
  const step = useHazardStep(h.id);
  const open = h.status !== 'closed';
  const fixing = h.status === 'rectifying' || h.status === 'submitted';
  const applied = h.resumption && h.resumption.decision !== 'refused';
  const enterprise = ENTERPRISE_SIDE.includes(role);
  const today = new Date().toISOString().slice(0, 10);

  const [stop, setStop] = useState({
    scope: 'partial' as StoppageScope,
    what: '',
    peopleWithdrawn: true,
    from: today,
  });
  const [evaluation, setEvaluation] = useState({
    by: 'technical_staff' as HazardEvaluatorKind,
    evaluator: '',
    date: today,
    passed: true,
    conclusion: '',
  });
  const [note, setNote] = useState('');
  const [review, setReview] = useState('');
  const [listing, setListing] = useState({ body: '', deadline: '' });

  return (
    <section className="card major-closing" aria-labelledby="hz-major-closing" data-testid="major-closing">
      <h2 id="hz-major-closing" className="card__title">
        {t('hazards.closing.title')}
      </h2>
      {step.isError && <ErrorNotice error={step.error} />}

      <h3>{t('hazards.closing.supervision')}</h3>
      {h.listedSupervision ? (
        <p>
          <SupervisionBadge listed={h.listedSupervision} />{' '}
          {t('hazards.listedBadge', {
            body: h.listedSupervision.body,
            deadline: h.listedSupervision.deadline,
          })}
          {REGULATOR_SIDE.includes(role) && open && (
            <>
              {' '}
              <button
                type="button"
                className="button button--small"
                disabled={step.isPending}
                onClick={() => step.mutate({ path: 'supervision', method: 'DELETE' })}
              >
                {t('hazards.closing.lift')}
              </button>
            </>
          )}
        </p>
      ) : (
        REGULATOR_SIDE.includes(role) &&
        open && (
          <form
            className="form form--inline"
            onSubmit={(e) => {
              e.preventDefault();
              step.mutate({ path: 'supervision', method: 'PUT', body: listing });
            }}
          >
            <div className="form__row">
              <div className="field">
                <label htmlFor="mc-body">{t('hazards.closing.body')}</label>
                <input
                  id="mc-body"
                  required
                  value={listing.body}
                  onChange={(e) => setListing({ ...listing, body: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor="mc-deadline">{t('hazards.closing.deadline')}</label>
                <input
                  id="mc-deadline"
                  type="date"
                  required
                  value={listing.deadline}
                  onChange={(e) => setListing({ ...listing, deadline: e.target.value })}
                />
              </div>
            </div>
            <button type="submit" className="button button--small" disabled={step.isPending}>
              {t('hazards.closing.list')}
            </button>
          </form>
        )
      )}

      <h3>{t('hazards.closing.stoppage')}</h3>
      {h.stoppage ? (
        <dl className="details">
          <dt>{t(`hazards.closing.scope.${h.stoppage.scope}`)}</dt>
          <dd>{h.stoppage.what}</dd>
          <dt>{t('hazards.closing.from')}</dt>
          <dd>
            {h.stoppage.from}
            {h.stoppage.until && ` – ${h.stoppage.until}`}
          </dd>
          {h.stoppage.peopleWithdrawn && (
            <>
              <dt>{t('hazards.closing.peopleWithdrawn')}</dt>
              <dd>✓</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="cell-sub">{t('hazards.closing.noStoppage')}</p>
      )}
      {enterprise && open && !applied && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            step.mutate({ path: 'stoppage', method: 'PUT', body: stop });
          }}
        >
          <div className="form__row">
            <div className="field">
              <label htmlFor="mc-scope">{t('hazards.closing.stoppage')}</label>
              <select
                id="mc-scope"
                value={stop.scope}
                onChange={(e) => setStop({ ...stop, scope: e.target.value as StoppageScope })}
              >
                {STOPPAGE_SCOPES.map((s) => (
                  <option key={s} value={s}>
                    {t(`hazards.closing.scope.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="mc-what">{t('hazards.closing.what')}</label>
              <input
                id="mc-what"
                required
                value={stop.what}
                onChange={(e) => setStop({ ...stop, what: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="mc-from">{t('hazards.closing.from')}</label>
              <input
                id="mc-from"
                type="date"
                required
                value={stop.from}
                onChange={(e) => setStop({ ...stop, from: e.target.value })}
              />
            </div>
          </div>
          <label className="field--check">
            <input
              type="checkbox"
              checked={stop.peopleWithdrawn}
              onChange={(e) => setStop({ ...stop, peopleWithdrawn: e.target.checked })}
            />{' '}
            {t('hazards.closing.peopleWithdrawn')}
          </label>
          <button type="submit" className="button button--small" disabled={step.isPending}>
            {t('hazards.closing.recordStoppage')}
          </button>
        </form>
      )}

      <h3>{t('hazards.closing.evaluation')}</h3>
      {h.evaluation ? (
        <dl className="details" data-testid="major-evaluation">
          <dt>{t('hazards.closing.evaluator')}</dt>
          <dd>
            {h.evaluation.evaluator} · {t(`hazards.closing.by.${h.evaluation.by}`)} · {h.evaluation.date}
          </dd>
          <dt>{t('hazards.closing.conclusion')}</dt>
          <dd>
            <strong>{t(h.evaluation.passed ? 'hazards.closing.passed' : 'hazards.closing.failed')}</strong> ·{' '}
            {h.evaluation.conclusion}
          </dd>
        </dl>
      ) : (
        <p className="notice notice--warning">{t('hazards.closing.noEvaluation')}</p>
      )}
      {enterprise && fixing && !applied && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            step.mutate({ path: 'evaluation', method: 'PUT', body: evaluation });
          }}
        >
          <div className="form__row">
            <div className="field">
              <label htmlFor="mc-by">{t('hazards.closing.evaluator')}</label>
              <select
                id="mc-by"
                value={evaluation.by}
                onChange={(e) => setEvaluation({ ...evaluation, by: e.target.value as HazardEvaluatorKind })}
              >
                {HAZARD_EVALUATORS.map((b) => (
                  <option key={b} value={b}>
                    {t(`hazards.closing.by.${b}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="mc-evaluator">{t('hazards.closing.evaluator')}</label>
              <input
                id="mc-evaluator"
                required
                value={evaluation.evaluator}
                onChange={(e) => setEvaluation({ ...evaluation, evaluator: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="mc-date">{t('hazards.closing.date')}</label>
              <input
                id="mc-date"
                type="date"
                required
                value={evaluation.date}
                onChange={(e) => setEvaluation({ ...evaluation, date: e.target.value })}
              />
            </div>
          </div>
          <div className="field">
            <label htmlFor="mc-conclusion">{t('hazards.closing.conclusion')}</label>
            <textarea
              id="mc-conclusion"
              rows={2}
              required
              value={evaluation.conclusion}
              onChange={(e) => setEvaluation({ ...evaluation, conclusion: e.target.value })}
            />
          </div>
          <label className="field--check">
            <input
              type="checkbox"
              checked={evaluation.passed}
              onChange={(e) => setEvaluation({ ...evaluation, passed: e.target.checked })}
            />{' '}
            {t('hazards.closing.passed')}
          </label>
          <button type="submit" className="button button--small" disabled={step.isPending}>
            {t('hazards.closing.recordEvaluation')}
          </button>
        </form>
      )}

      {h.stoppage && (
        <>
          <h3>{t('hazards.closing.resumption')}</h3>
          {h.resumption ? (
            <dl className="details" data-testid="major-resumption">
              <dt>{t(`hazards.closing.decision.${h.resumption.decision}`)}</dt>
              <dd>{h.resumption.note}</dd>
              {h.resumption.reviewNote && (
                <>
                  <dt>{t('hazards.closing.reviewNote')}</dt>
                  <dd>
                    {h.resumption.reviewNote} · {h.resumption.reviewedBy}
                  </dd>
                </>
              )}
            </dl>
          ) : (
            <p className="notice notice--warning">{t('hazards.closing.noResumption')}</p>
          )}
          {enterprise && fixing && !applied && h.evaluation?.passed && (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                step.mutate(
                  { path: 'resumption', method: 'POST', body: { note } },
                  { onSuccess: () => setNote('') },
                );
              }}
            >
              <div className="field">
                <label htmlFor="mc-note">{t('hazards.closing.note')}</label>
                <textarea
                  id="mc-note"
                  rows={2}
                  required
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
              </div>
              <button
                type="submit"
                className="button button--small button--primary"
                disabled={step.isPending}
              >
                {t('hazards.closing.apply')}
              </button>
            </form>
          )}
          {role === 'inspector' && h.resumption?.decision === 'pending' && (
            <div className="form">
              <div className="field">
                <label htmlFor="mc-review">{t('hazards.closing.reviewNote')}</label>
                <textarea
                  id="mc-review"
                  rows={2}
                  value={review}
                  onChange={(e) => setReview(e.target.value)}
                />
              </div>
              <div className="form__actions">
                {(['refuse', 'approve'] as const).map((decision) => (
                  <button
                    key={decision}
                    type="button"
                    className={`button ${decision === 'refuse' ? 'button--danger' : 'button--primary'}`}
                    disabled={step.isPending || !review.trim()}
                    onClick={() =>
                      step.mutate(
                        { path: 'resumption/review', method: 'POST', body: { decision, note: review } },
                        { onSuccess: () => setReview('') },
                      )
                    }
                  >
                    {t(`hazards.closing.${decision}`)}
                  </button>
                ))}
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
