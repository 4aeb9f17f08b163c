import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { FileOpenButton } from '../components/FileOpenButton';
import { type FileView, type ModelApplicationDetail } from '../contracts';
import { uploadFile } from '../hazards/api';
import { useApplication, useApplicationStep } from './api';
import { useCultureT } from './i18n';
import './culture.css';
import { Prerequisites, REVIEWERS, StatusBadge } from './shared';

interface ItemDraft {
  selfScore: string;
  selfNote: string;
  evidence: FileView[];
  reviewScore: string;
  reviewNote: string;
}

function drafts(detail: ModelApplicationDetail): Record<string, ItemDraft> {
  return Object.fromEntries(
    detail.application.items.map((i) => [
      i.code,
      {
        selfScore: i.selfScore === null ? '' : String(i.selfScore),
        selfNote: i.selfNote,
        evidence: i.evidence,
        reviewScore: i.reviewScore === null ? '' : String(i.reviewScore),
        reviewNote: i.reviewNote,
      },
    ]),
  );
}

/** An application: the enterprise's self-assessment, the zone's review, and the decision. */
export function CultureApplicationPage() {
  const { id = '' } = useParams();
  const application = useApplication(id);
  return (
    <div className="page">
      <QueryState query={application} />
      {application.data && (
        // A new state starts the form afresh; a save keeps what is typed (and any error shown).
        <ApplicationView
          key={`${application.data.application.id}:${application.data.application.status}`}
          detail={application.data}
        />
      )}
    </div>
  );
}

function ApplicationView({ detail }: { detail: ModelApplicationDetail }) {
  const { t } = useCultureT();
  const session = useSession();
  const role = session?.user.role;
  const a = detail.application;
  const editable = role === 'enterprise_officer' && (a.status === 'draft' || a.status === 'returned');
  const reviewing = role !== undefined && REVIEWERS.includes(role) && a.status === 'submitted';
  const deciding = role === 'zone_admin' && a.status === 'submitted';
  const step = useApplicationStep(a.id);
  const [items, setItems] = useState(() => drafts(detail));
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const blocked = detail.prerequisites.some((p) => !p.ok);
  const change = (code: string, patch: Partial<ItemDraft>) =>
    setItems((all) => ({ ...all, [code]: { ...all[code]!, ...patch } }));
  const upload = async (code: string, files: FileList | null) => {
    if (!files?.length) return;
    setUploadError(null);
    try {
      const added: FileView[] = [];
      for (const f of Array.from(files)) added.push(await uploadFile(f));
      change(code, { evidence: [...items[code]!.evidence, ...added] });
    } catch (e) {
      setUploadError(e);
    }
  };
  const selfBody = {
    items: detail.criteria.items
      .filter((c) => items[c.code]!.selfScore !== '')
      .map((c) => ({
        code: c.code,
        selfScore: Number(items[c.code]!.selfScore),
        selfNote: items[c.code]!.selfNote,
        evidenceFileIds: items[c.code]!.evidence.map((f) => f.id),
      })),
  };
  const reviewBody = {
    items: detail.criteria.items
      .filter((c) => items[c.code]!.reviewScore !== '')
      .map((c) => ({
        code: c.code,
        reviewScore: Number(items[c.code]!.reviewScore),
        reviewNote: items[c.code]!.reviewNote,
      })),
  };
  return (
    <>
      <PageHeader title={t('application.title', { enterprise: a.enterpriseName, year: a.year })}>
        <StatusBadge status={a.status} />
      </PageHeader>
      <p>
        <Link to={`/culture/programme?year=${a.year}`}>{t('application.back')}</Link>
      </p>
      {a.status === 'returned' && a.returnNote && (
        <p className="notice notice--warning">{t('application.returnNote', { note: a.returnNote })}</p>
      )}
      {(a.status === 'awarded' || a.status === 'declined') && (
        <p className="notice">
          {a.decisionReason && t('application.decision', { reason: a.decisionReason })}{' '}
          {a.validUntil && t('application.validUntil', { date: a.validUntil })}
        </p>
      )}
      <h2 className="culture-h2">{t('programme.prerequisites')}</h2>
      <Prerequisites checks={detail.prerequisites} />
      <p className="culture-note">
        {t('programme.totalPoints', {
          total: detail.criteria.totalPoints,
          pass: detail.criteria.passScore,
          years: detail.criteria.incidentYears,
          validity: detail.criteria.validityYears,
        })}
      </p>
      <div className="table-wrap">
        <table className="table culture-items" data-testid="culture-items">
          <thead>
            <tr>
              <th scope="col">{t('programme.item')}</th>
              <th scope="col">{t('programme.points')}</th>
              <th scope="col">{t('application.selfScore')}</th>
              <th scope="col">{t('application.evidenceFiles')}</th>
              <th scope="col">{t('application.reviewScore')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.criteria.items.map((c) => {
              const d = items[c.code]!;
              return (
                <tr key={c.code} data-code={c.code}>
                  <td>
                    <strong>{c.code}</strong> {c.section}
                    <div>{c.title}</div>
                    <div className="field__hint">{c.evidence}</div>
                  </td>
                  <td className="num">{c.points}</td>
                  <td>
                    {editable ? (
                      <>
                        <input
                          aria-label={`${c.code} ${t('application.selfScore')}`}
                          className="culture-input--score"
                          type="number"
                          min="0"
                          max={c.points}
                          step="0.5"
                          value={d.selfScore}
                          onChange={(e) => change(c.code, { selfScore: e.target.value })}
                        />
                        <textarea
                          aria-label={`${c.code} ${t('application.selfNote')}`}
                          rows={2}
                          value={d.selfNote}
                          onChange={(e) => change(c.code, { selfNote: e.target.value })}
                        />
                      </>
                    ) : (
                      <>
                        <span className="num">{d.selfScore || '—'}</span>
                        {d.selfNote && <div className="culture-note">{d.selfNote}</div>}
                      </>
                    )}
                  </td>
                  <td>
                    {d.evidence.map((f) => (
                      <FileOpenButton key={f.id} file={f} className="button button--small culture-file" />
                    ))}
                    {editable && (
                      <label className="button button--small culture-upload">
                        {t('application.addEvidence')}
                        <input
                          type="file"
                          accept="image/*,application/pdf"
                          multiple
                          className="visually-hidden"
                          onChange={(e) => {
                            void upload(c.code, e.target.files);
                            e.target.value = '';
                          }}
                        />
                      </label>
                    )}
                  </td>
                  <td>
                    {reviewing ? (
                      <>
                        <input
                          aria-label={`${c.code} ${t('application.reviewScore')}`}
                          className="culture-input--score"
                          type="number"
                          min="0"
                          max={c.points}
                          step="0.5"
                          value={d.reviewScore}
                          onChange={(e) => change(c.code, { reviewScore: e.target.value })}
                        />
                        <textarea
                          aria-label={`${c.code} ${t('application.reviewNote')}`}
                          rows={2}
                          value={d.reviewNote}
                          onChange={(e) => change(c.code, { reviewNote: e.target.value })}
                        />
                      </>
                    ) : (
                      <>
                        <span className="num">{d.reviewScore || '—'}</span>
                        {d.reviewNote && <div className="culture-note">{d.reviewNote}</div>}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('application.total')}</th>
              <td className="num">{detail.criteria.totalPoints}</td>
              <td className="num" data-testid="self-total">
                {a.selfTotal}
              </td>
              <td />
              <td className="num" data-testid="review-total">
                {a.reviewTotal}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {Boolean(uploadError) && <ErrorNotice error={uploadError} />}
      {step.isError && <ErrorNotice error={step.error} />}
      {editable && (
        <div className="form__actions">
          <button
            type="button"
            className="button"
            disabled={step.isPending}
            onClick={() => step.mutate([{ kind: 'items', body: selfBody }])}
          >
            {t('application.saveSelf')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={step.isPending || blocked}
            onClick={() => step.mutate([{ kind: 'items', body: selfBody }, { kind: 'submit' }])}
          >
            {t('application.submit')}
          </button>
          {blocked && <span className="culture-blocked">{t('application.blocked')}</span>}
        </div>
      )}
      {reviewing && (
        <div className="culture-review">
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={step.isPending}
              onClick={() => step.mutate([{ kind: 'review', body: reviewBody }])}
            >
              {t('application.saveReview')}
            </button>
          </div>
          <div className="field">
            <label htmlFor="ap-return">{t('application.returnNoteLabel')}</label>
            <textarea id="ap-return" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="form__actions">
            <button
              type="button"
              className="button"
              disabled={step.isPending || !note.trim()}
              onClick={() => step.mutate([{ kind: 'return', body: { note } }])}
            >
              {t('application.return')}
            </button>
          </div>
          {deciding && (
            <>
              <div className="field">
                <label htmlFor="ap-reason">{t('application.reason')}</label>
                <textarea
                  id="ap-reason"
                  rows={2}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </div>
              <div className="form__actions">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={step.isPending}
                  onClick={() =>
                    step.mutate([
                      { kind: 'review', body: reviewBody },
                      { kind: 'decision', body: { decision: 'award', ...(reason.trim() ? { reason } : {}) } },
                    ])
                  }
                >
                  {t('application.award')}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={step.isPending || !reason.trim()}
                  title={reason.trim() ? undefined : t('application.declineNeedsReason')}
                  onClick={() => step.mutate([{ kind: 'decision', body: { decision: 'decline', reason } }])}
                >
                  {t('application.decline')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </>
  );
}
