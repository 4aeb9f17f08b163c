import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import {
  CULTURE_ACTIVITY_KINDS,
  isZoneRole,
  type CultureActivityKind,
  type CultureActivityView,
  type CultureYearStats,
  type FileView,
} from '../contracts';
import { fetchAllContacts } from '../directory/api';
import { PhotoInput, PhotoStrip } from '../hazards/photos';
import { useActivities, useActivityStats, useCreateActivity, useRemoveActivity } from './api';
import { useCultureT } from './i18n';
import './culture.css';
import { ACTIVITY_WRITERS, CultureTabs, YearField, organiserName, useYear } from './shared';

/** The year's publicity activities: counts, a month-by-month view, and the form to record one. */
export function CultureActivitiesPage() {
  const { t } = useCultureT();
  const session = useSession();
  const role = session?.user.role;
  const writer = role ? ACTIVITY_WRITERS.includes(role) : false;
  const [year, setYear] = useYear();
  const activities = useActivities(year);
  const stats = useActivityStats(year);
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('activities.subtitle')}</PageHeader>
      <CultureTabs />
      {writer && <ActivityForm />}
      <YearField year={year} setYear={setYear} />
      <QueryState query={stats} />
      {stats.data && <YearSummary stats={stats.data} zone={role ? isZoneRole(role) : false} />}
      <QueryState query={activities} />
      {activities.data && <ActivityMonths items={activities.data.items} writer={writer} />}
    </div>
  );
}

function YearSummary({ stats, zone }: { stats: CultureYearStats; zone: boolean }) {
  const { t } = useCultureT();
  const kinds = CULTURE_ACTIVITY_KINDS.filter((k) => stats.byKind[k]);
  return (
    <section className="culture-summary" data-testid="culture-summary">
      <p className="culture-summary__totals">
        <strong>{t('activities.total', { count: stats.total })}</strong>
        <span>{t('activities.participants', { count: stats.participants })}</span>
        {kinds.map((k) => (
          <span key={k} className="culture-kind">
            {t(`kind.${k}`)} {stats.byKind[k]}
          </span>
        ))}
      </p>
      <h2 className="culture-h2">{t('activities.byMonth')}</h2>
      <ol className="culture-months" aria-label={t('activities.byMonth')}>
        {stats.byMonth.map((n, i) => (
          <li
            key={i}
            className={n ? 'culture-months__cell culture-months__cell--on' : 'culture-months__cell'}
          >
            <a href={`#culture-month-${i + 1}`}>
              <span>{t('activities.month', { month: i + 1 })}</span>
              <strong>{n}</strong>
            </a>
          </li>
        ))}
      </ol>
      {zone && stats.byOrganiser.length > 0 && (
        <>
          <h2 className="culture-h2">{t('activities.byOrganiser')}</h2>
          <ListTable
            testId="culture-organisers"
            columns={[
              t('activities.organiser'),
              t('activities.count'),
              t('activities.people'),
              ...kinds.map((k) => t(`kind.${k}`)),
            ]}
            items={stats.byOrganiser}
            empty={t('activities.empty')}
            row={(o) => (
              <tr key={o.enterpriseId ?? 'zone'}>
                <td className="culture-organiser">{organiserName(o, t('zoneOrganiser'))}</td>
                <td className="num">{o.total}</td>
                <td className="num">{o.participants}</td>
                {kinds.map((k) => (
                  <td key={k} className="num">
                    {o.byKind[k] ?? ''}
                  </td>
                ))}
              </tr>
            )}
          />
        </>
      )}
    </section>
  );
}

/** The activities grouped under their months, newest month first. */
function ActivityMonths({ items, writer }: { items: CultureActivityView[]; writer: boolean }) {
  const { t } = useCultureT();
  const remove = useRemoveActivity();
  if (!items.length) return <p className="culture-empty">{t('activities.empty')}</p>;
  const months = [...new Set(items.map((a) => Number(a.heldOn.slice(5, 7))))];
  return (
    <div data-testid="culture-activities">
      {remove.isError && <ErrorNotice error={remove.error} />}
      {months.map((m) => (
        <section key={m} id={`culture-month-${m}`} className="culture-month">
          <h2 className="culture-h2">{t('activities.month', { month: m })}</h2>
          <ul className="culture-list">
            {items
              .filter((a) => Number(a.heldOn.slice(5, 7)) === m)
              .map((a) => (
                <li key={a.id} className="culture-card" data-testid="culture-activity">
                  <div className="culture-card__head">
                    <span className="culture-card__date">{a.heldOn}</span>
                    <span className="culture-kind">{t(`kind.${a.kind}`)}</span>
                    <strong className="culture-card__title">{a.title}</strong>
                  </div>
                  <p className="culture-card__meta">
                    {organiserName(a, t('zoneOrganiser'))} · {a.place} ·{' '}
                    {t('activities.participants', { count: a.participantCount })}
                    {a.participants.length > 0 && ` · ${a.participants.map((p) => p.name).join('、')}`}
                  </p>
                  <p className="culture-card__text">{a.description}</p>
                  <PhotoStrip photos={a.photos} />
                  {writer && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => window.confirm(t('activities.confirmDelete')) && remove.mutate(a.id)}
                    >
                      {t('activities.delete')}
                    </button>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ActivityForm() {
  const { t } = useCultureT();
  const create = useCreateActivity();
  const session = useSession();
  const ownEnterprise = session?.user.enterpriseId ?? null;
  const contacts = useQuery({
    queryKey: ['culture', 'contacts', ownEnterprise],
    queryFn: ({ signal }) => fetchAllContacts(signal),
  });
  const people = (contacts.data ?? []).filter((c) => c.enterpriseId === ownEnterprise);
  const [heldOn, setHeldOn] = useState('');
  const [kind, setKind] = useState<CultureActivityKind>('safety_month');
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [count, setCount] = useState('');
  const [named, setNamed] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<FileView[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        heldOn,
        kind,
        title,
        place,
        participantCount: Number(count),
        participantContactIds: named,
        description,
        photoFileIds: photos.map((p) => p.id),
      },
      {
        onSuccess: () => {
          setTitle('');
          setPlace('');
          setCount('');
          setNamed([]);
          setDescription('');
          setPhotos([]);
        },
      },
    );
  };
  return (
    <details className="culture-form">
      <summary>{t('activities.form')}</summary>
      <form className="form" onSubmit={submit} data-testid="culture-activity-form">
        <div className="form__row">
          <div className="field">
            <label htmlFor="ca-title">{t('activities.titleLabel')}</label>
            <input id="ca-title" value={title} onChange={(e) => setTitle(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="ca-kind">{t('activities.kindLabel')}</label>
            <select
              id="ca-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as CultureActivityKind)}
            >
              {CULTURE_ACTIVITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ca-date">{t('activities.heldOn')}</label>
            <input
              id="ca-date"
              type="date"
              value={heldOn}
              onChange={(e) => setHeldOn(e.target.value)}
              required
            />
          </div>
        </div>
        <div className="form__row">
          <div className="field">
            <label htmlFor="ca-place">{t('activities.place')}</label>
            <input id="ca-place" value={place} onChange={(e) => setPlace(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="ca-count">{t('activities.participantCount')}</label>
            <input
              id="ca-count"
              type="number"
              min="0"
              step="1"
              value={count}
              onChange={(e) => setCount(e.target.value)}
              required
            />
          </div>
        </div>
        {people.length > 0 && (
          <div className="field culture-people">
            <label htmlFor="ca-people">{t('activities.participantsNamed')}</label>
            <select
              id="ca-people"
              multiple
              size={4}
              value={named}
              onChange={(e) => setNamed([...e.target.selectedOptions].map((o) => o.value))}
            >
              {people.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <span className="field__hint">{t('activities.participantsHint')}</span>
          </div>
        )}
        <div className="field">
          <label htmlFor="ca-description">{t('activities.description')}</label>
          <textarea
            id="ca-description"
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            required
          />
        </div>
        <PhotoInput value={photos} onChange={setPhotos} />
        {create.isError && <ErrorNotice error={create.error} />}
        {create.isSuccess && (
          <p className="culture-saved" role="status">
            {t('activities.saved')}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t('activities.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
