import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import type { DisposalCardView, PlanDetailView, PlanVersionView } from '../contracts';
import { useZoneName } from '../lib/use-zone-name';
import { addCard, deleteCard, fetchPlan, fetchVersion, updateCard, type CardInput } from './api';
import './plans.css';
import { usePlansT } from './i18n';

/** The version's disposal cards (应急处置卡), editable in a draft, printable always. */
export function CardsSection({
  plan,
  version,
  editable,
}: {
  plan: PlanDetailView;
  version: PlanVersionView;
  editable: boolean;
}) {
  const { t } = usePlansT();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<DisposalCardView | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => deleteCard(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans', 'version', version.id] }),
  });
  if (!version.cards.length && !editable) return null;
  return (
    <section className="plan-block">
      <h2>
        {t('cards.title')}
        {version.cards.length > 0 && (
          <Link
            className="button button--small plan-print-link"
            to={`/plans/${plan.id}/versions/${version.id}/cards`}
          >
            {t('cards.print')}
          </Link>
        )}
      </h2>
      <div className="disposal-cards">
        {version.cards.map((c) =>
          editing !== 'new' && editing?.id === c.id ? (
            <CardEditor key={c.id} versionId={version.id} card={c} onDone={() => setEditing(null)} />
          ) : (
            <div key={c.id}>
              <DisposalCard card={c} />
              {editable && (
                <div className="form__actions no-print">
                  <button type="button" className="button button--small" onClick={() => setEditing(c)}>
                    {t('edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    onClick={() => remove.mutate(c.id)}
                  >
                    {t('remove')}
                  </button>
                </div>
              )}
            </div>
          ),
        )}
      </div>
      {remove.isError && <ErrorNotice error={remove.error} compact />}
      {editable &&
        (editing === 'new' ? (
          <CardEditor versionId={version.id} onDone={() => setEditing(null)} />
        ) : (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            {t('cards.add')}
          </button>
        ))}
    </section>
  );
}

export function DisposalCard({ card }: { card: DisposalCardView }) {
  const { t } = usePlansT();
  return (
    <article className="disposal-card" data-testid="disposal-card">
      <header className="disposal-card__header">
        <h3>{card.title}</h3>
        <p>
          {t('cards.post')}：{card.post}
        </p>
      </header>
      {card.hazards && (
        <p>
          <strong>{t('cards.hazards')}：</strong>
          {card.hazards}
        </p>
      )}
      <strong>{t('cards.steps')}</strong>
      <ol>
        {card.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      {card.precautions.length > 0 && (
        <>
          <strong>{t('cards.precautions')}</strong>
          <ul>
            {card.precautions.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </>
      )}
      {card.contacts.length > 0 && (
        <p className="disposal-card__contacts">
          <strong>{t('cards.contacts')}：</strong>
          {card.contacts.map((c) => `${c.name} ${c.phone}`).join('；')}
        </p>
      )}
    </article>
  );
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

function CardEditor({
  versionId,
  card,
  onDone,
}: {
  versionId: string;
  card?: DisposalCardView;
  onDone: () => void;
}) {
  const { t } = usePlansT();
  const queryClient = useQueryClient();
  const [post, setPost] = useState(card?.post ?? '');
  const [title, setTitle] = useState(card?.title ?? '');
  const [hazards, setHazards] = useState(card?.hazards ?? '');
  const [steps, setSteps] = useState((card?.steps ?? []).join('\n'));
  const [precautions, setPrecautions] = useState((card?.precautions ?? []).join('\n'));
  const [contacts, setContacts] = useState(
    (card?.contacts ?? []).map((c) => `${c.name} ${c.phone}`).join('\n'),
  );
  const save = useMutation({
    mutationFn: () => {
      const body: CardInput = {
        post,
        title,
        hazards,
        steps: lines(steps),
        precautions: lines(precautions),
        // One "name phone" per line; the phone is the last word.
        contacts: lines(contacts).map((l) => {
          const at = l.lastIndexOf(' ');
          return at > 0 ? { name: l.slice(0, at).trim(), phone: l.slice(at + 1) } : { name: l, phone: '' };
        }),
      };
      return card ? updateCard(card.id, body) : addCard(versionId, body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['plans', 'version', versionId] });
      onDone();
    },
  });
  return (
    <form
      className="form card"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="field">
        <label htmlFor="card-post">{t('cards.post')}</label>
        <input id="card-post" required value={post} onChange={(e) => setPost(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="card-title">{t('cards.cardTitle')}</label>
        <input id="card-title" required value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="card-hazards">{t('cards.hazards')}</label>
        <input id="card-hazards" value={hazards} onChange={(e) => setHazards(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="card-steps">{t('cards.steps')}</label>
        <textarea id="card-steps" required value={steps} onChange={(e) => setSteps(e.target.value)} />
        <span className="field__hint">{t('onePerLine')}</span>
      </div>
      <div className="field">
        <label htmlFor="card-precautions">{t('cards.precautions')}</label>
        <textarea
          id="card-precautions"
          value={precautions}
          onChange={(e) => setPrecautions(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="card-contacts">{t('cards.contacts')}</label>
        <textarea id="card-contacts" value={contacts} onChange={(e) => setContacts(e.target.value)} />
        <span className="field__hint">{t('cards.contactsHint')}</span>
      </div>
      {save.isError && <ErrorNotice error={save.error} compact />}
      <div className="form__actions">
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('save')}
        </button>
      </div>
    </form>
  );
}

/** The cards of a version on paper: one card per block, cut along the border and carried. */
export function CardsPrintPage() {
  const { t } = usePlansT();
  const { id = '', versionId = '' } = useParams();
  const zoneName = useZoneName();
  const plan = useQuery({ queryKey: ['plans', 'plan', id], queryFn: ({ signal }) => fetchPlan(id, signal) });
  const version = useQuery({
    queryKey: ['plans', 'version', versionId],
    queryFn: ({ signal }) => fetchVersion(versionId, signal),
  });
  useEffect(() => {
    if (!plan.data) return;
    const previous = document.title;
    document.title = `${t('cards.title')} · ${plan.data.title}`;
    return () => {
      document.title = previous;
    };
  }, [plan.data, t]);
  if (plan.isPending || version.isPending) return <Loading />;
  if (plan.isError) return <ErrorNotice error={plan.error} />;
  if (version.isError) return <ErrorNotice error={version.error} />;
  return (
    <div className="plans-print">
      <div className="plans-print__toolbar no-print">
        <Link to={`/plans/${id}?version=${versionId}`} className="button">
          {t('back')}
        </Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('printNow')}
        </button>
      </div>
      <p className="plans-print__meta">
        {plan.data.enterpriseName ?? zoneName} · {plan.data.title} · v{version.data.number}{' '}
        {version.data.label} · {t(`status.${version.data.status}`)}
      </p>
      <div className="disposal-cards disposal-cards--print" data-testid="cards-print">
        {version.data.cards.map((c) => (
          <DisposalCard key={c.id} card={c} />
        ))}
      </div>
    </div>
  );
}
