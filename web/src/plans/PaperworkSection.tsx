import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { PLAN_REVIEW_KINDS, type PlanReviewKind, type PlanVersionView } from '../contracts';
import { recordNeighbourNotice, recordReview, recordSignature } from './api';
import { usePlansT } from './i18n';

type Form = 'review' | 'signature' | 'neighbours' | null;

/**
 * A version's paperwork (MEM Order 2 Art. 21, 24): the expert review or discussion, the
 * principal's signature, and whether and when the neighbours were told. Publication needs the
 * first two; the server says which is missing.
 */
export function PaperworkSection({ version, canEdit }: { version: PlanVersionView; canEdit: boolean }) {
  const { t } = usePlansT();
  const [form, setForm] = useState<Form>(null);
  const { review, signature, neighbourNotice: notice } = version;
  const inPreparation = version.status === 'draft' || version.status === 'in_review';
  const close = () => setForm(null);
  return (
    <section className="plan-block" data-testid="plan-paperwork">
      <h2>{t('paperwork.title')}</h2>
      <dl className="facts">
        <dt>{t('paperwork.review')}</dt>
        <dd>
          {review ? (
            <>
              {t(`paperwork.kind.${review.kind}`)} · {review.heldOn}
              <br />
              {review.members
                .map((m) => (m.affiliation ? `${m.name}（${m.affiliation}）` : m.name))
                .join('、')}
              <p className="plan-text">{review.conclusion}</p>
            </>
          ) : (
            t('paperwork.notReviewed')
          )}
          {canEdit && inPreparation && (
            <button type="button" className="button button--small" onClick={() => setForm('review')}>
              {review ? t('paperwork.correct') : t('paperwork.recordReview')}
            </button>
          )}
        </dd>
        <dt>{t('paperwork.signature')}</dt>
        <dd>
          {signature ? `${signature.signedBy} · ${signature.signedOn}` : t('paperwork.notSigned')}
          {canEdit && version.status === 'in_review' && review && (
            <>
              {' '}
              <button type="button" className="button button--small" onClick={() => setForm('signature')}>
                {signature ? t('paperwork.correct') : t('paperwork.recordSignature')}
              </button>
            </>
          )}
        </dd>
        <dt>{t('paperwork.neighbours')}</dt>
        <dd>
          {!notice.required
            ? t('paperwork.neighboursNotConcerned')
            : notice.notifiedOn
              ? `${notice.notifiedOn} · ${notice.notified.join('、')}${notice.how ? ` · ${notice.how}` : ''}`
              : t('paperwork.neighboursOwed')}
          {canEdit && version.status !== 'superseded' && (
            <>
              {' '}
              <button type="button" className="button button--small" onClick={() => setForm('neighbours')}>
                {t('paperwork.recordNeighbours')}
              </button>
            </>
          )}
        </dd>
      </dl>
      <Dialog open={form === 'review'} title={t('paperwork.recordReview')} onClose={close}>
        {form === 'review' && <ReviewForm version={version} onDone={close} />}
      </Dialog>
      <Dialog open={form === 'signature'} title={t('paperwork.recordSignature')} onClose={close}>
        {form === 'signature' && <SignatureForm version={version} onDone={close} />}
      </Dialog>
      <Dialog open={form === 'neighbours'} title={t('paperwork.recordNeighbours')} onClose={close}>
        {form === 'neighbours' && <NeighboursForm version={version} onDone={close} />}
      </Dialog>
    </section>
  );
}

/** Saves through `save` and refreshes the plan queries; the form shows the server's words on failure. */
function useSave<T>(save: (body: T) => Promise<unknown>, onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
      onDone();
    },
  });
}

function Actions({ busy, ready, onCancel }: { busy: boolean; ready: boolean; onCancel: () => void }) {
  const { t } = usePlansT();
  return (
    <div className="form__actions">
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button button--primary" disabled={!ready || busy}>
        {busy ? t('common.saving') : t('save')}
      </button>
    </div>
  );
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function ReviewForm({ version, onDone }: { version: PlanVersionView; onDone: () => void }) {
  const { t } = usePlansT();
  const r = version.review;
  const [kind, setKind] = useState<PlanReviewKind>(r?.kind ?? 'expert_review');
  const [heldOn, setHeldOn] = useState(r?.heldOn ?? '');
  const [members, setMembers] = useState(
    (r?.members ?? []).map((m) => (m.affiliation ? `${m.name} / ${m.affiliation}` : m.name)).join('\n'),
  );
  const [conclusion, setConclusion] = useState(r?.conclusion ?? '');
  const save = useSave(recordReview.bind(null, version.id), onDone);
  const ready = Boolean(heldOn && lines(members).length && conclusion.trim());
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && !save.isPending)
          save.mutate({
            kind,
            heldOn,
            conclusion: conclusion.trim(),
            members: lines(members).map((l) => {
              const [name, ...rest] = l.split('/');
              return { name: name!.trim(), affiliation: rest.join('/').trim() };
            }),
          });
      }}
    >
      <p className="card__hint">{t('paperwork.reviewHint')}</p>
      <div className="field">
        <label htmlFor="review-kind">{t('paperwork.kindLabel')}</label>
        <select id="review-kind" value={kind} onChange={(e) => setKind(e.target.value as PlanReviewKind)}>
          {PLAN_REVIEW_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`paperwork.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="review-on">{t('paperwork.heldOn')}</label>
        <input
          id="review-on"
          type="date"
          required
          value={heldOn}
          onChange={(e) => setHeldOn(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="review-members">{t('paperwork.members')}</label>
        <textarea
          id="review-members"
          rows={4}
          required
          placeholder={t('paperwork.membersPlaceholder')}
          value={members}
          onChange={(e) => setMembers(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="review-conclusion">{t('paperwork.conclusion')}</label>
        <textarea
          id="review-conclusion"
          rows={3}
          required
          maxLength={5000}
          value={conclusion}
          onChange={(e) => setConclusion(e.target.value)}
        />
      </div>
      {save.isError && <ErrorNotice error={save.error} compact />}
      <Actions busy={save.isPending} ready={ready} onCancel={onDone} />
    </form>
  );
}

function SignatureForm({ version, onDone }: { version: PlanVersionView; onDone: () => void }) {
  const { t } = usePlansT();
  const [signedBy, setSignedBy] = useState(version.signature?.signedBy ?? '');
  const [signedOn, setSignedOn] = useState(version.signature?.signedOn ?? '');
  const save = useSave(recordSignature.bind(null, version.id), onDone);
  const ready = Boolean(signedBy.trim() && signedOn);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && !save.isPending) save.mutate({ signedBy: signedBy.trim(), signedOn });
      }}
    >
      <p className="card__hint">{t('paperwork.signatureHint')}</p>
      <div className="field">
        <label htmlFor="signed-by">{t('paperwork.signedBy')}</label>
        <input
          id="signed-by"
          required
          maxLength={50}
          value={signedBy}
          onChange={(e) => setSignedBy(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="signed-on">{t('paperwork.signedOn')}</label>
        <input
          id="signed-on"
          type="date"
          required
          value={signedOn}
          onChange={(e) => setSignedOn(e.target.value)}
        />
      </div>
      {save.isError && <ErrorNotice error={save.error} compact />}
      <Actions busy={save.isPending} ready={ready} onCancel={onDone} />
    </form>
  );
}

function NeighboursForm({ version, onDone }: { version: PlanVersionView; onDone: () => void }) {
  const { t } = usePlansT();
  const n = version.neighbourNotice;
  const [required, setRequired] = useState(n.required);
  const [notifiedOn, setNotifiedOn] = useState(n.notifiedOn ?? '');
  const [notified, setNotified] = useState(n.notified.join('\n'));
  const [how, setHow] = useState(n.how);
  const save = useSave(recordNeighbourNotice.bind(null, version.id), onDone);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (save.isPending) return;
        save.mutate(
          required
            ? { required, notifiedOn: notifiedOn || null, notified: lines(notified), how: how.trim() }
            : { required, notifiedOn: null, notified: [], how: '' },
        );
      }}
    >
      <p className="card__hint">{t('paperwork.neighboursHint')}</p>
      <label className="field field--inline field--check">
        <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
        {t('paperwork.concernsNeighbours')}
      </label>
      {required && (
        <>
          <div className="field">
            <label htmlFor="neighbours-on">{t('paperwork.notifiedOn')}</label>
            <input
              id="neighbours-on"
              type="date"
              value={notifiedOn}
              onChange={(e) => setNotifiedOn(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="neighbours-who">{t('paperwork.notified')}</label>
            <textarea
              id="neighbours-who"
              rows={3}
              placeholder={t('paperwork.notifiedPlaceholder')}
              value={notified}
              onChange={(e) => setNotified(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="neighbours-how">{t('paperwork.how')}</label>
            <input
              id="neighbours-how"
              maxLength={1000}
              value={how}
              onChange={(e) => setHow(e.target.value)}
            />
          </div>
        </>
      )}
      {save.isError && <ErrorNotice error={save.error} compact />}
      <Actions busy={save.isPending} ready onCancel={onDone} />
    </form>
  );
}
