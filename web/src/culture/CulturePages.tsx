import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { Tabs } from '../components/Tabs';
import { YearField as SharedYearField } from '../components/YearField';
import { FileOpenButton } from '../components/FileOpenButton';
import {
  CULTURE_ACTIVITY_KINDS,
  MODEL_CRITERIA_TEMPLATE,
  isZoneRole,
  sumPoints,
  type CultureActivityKind,
  type CultureActivityView,
  type CultureYearStats,
  type FileView,
  type ModelApplicationDetail,
  type ModelApplicationStatus,
  type ModelCriteriaItem,
  type ModelCriteriaView,
  type ModelPrerequisiteCheck,
} from '../contracts';
import { fetchAllContacts } from '../directory/api';
import { uploadFile } from '../hazards/api';
import { PhotoInput, PhotoStrip } from '../hazards/photos';
import { formatDateTime } from '../lib/format';
import {
  useActivities,
  useActivityStats,
  useApplication,
  useApplicationStep,
  useApplications,
  useApply,
  useCreateActivity,
  useCriteria,
  useModelEnterprises,
  usePrerequisites,
  useRemoveActivity,
  useSetCriteria,
} from './api';
import { useCultureT } from './i18n';
import './culture.css';

const ACTIVITY_WRITERS = ['zone_admin', 'inspector', 'enterprise_officer'];
const REVIEWERS = ['zone_admin', 'inspector'];

function useZone(): string {
  return usePublicConfig().data?.timeZone ?? 'Asia/Shanghai';
}

function useYear(): [number, (y: number) => void] {
  const timeZone = useZone();
  const [params, setParams] = useSearchParams();
  const current = Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(new Date()));
  const year = Number(params.get('year')) || current;
  return [year, (y) => setParams({ year: String(y) }, { replace: true })];
}

function CultureTabs() {
  const { t } = useCultureT();
  return (
    <Tabs
      label={t('title')}
      tabs={[
        { to: '/culture', label: t('tabs.activities'), end: true },
        { to: '/culture/programme', label: t('tabs.programme') },
        { to: '/culture/model-enterprises', label: t('tabs.models') },
      ]}
    />
  );
}

function YearField({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const { t } = useCultureT();
  return (
    <SharedYearField
      id="culture-year"
      className="culture-year"
      label={t('year')}
      year={year}
      setYear={setYear}
    />
  );
}

function organiserName(a: { enterpriseId: string | null; organiserName: string }, zone: string) {
  return a.enterpriseId ? a.organiserName : zone;
}

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

function StatusBadge({ status }: { status: ModelApplicationStatus }) {
  const { t } = useCultureT();
  return (
    <span className={`culture-status culture-status--${status}`} data-testid="application-status">
      {t(`status.${status}`)}
    </span>
  );
}

function Prerequisites({ checks }: { checks: ModelPrerequisiteCheck[] }) {
  const { t } = useCultureT();
  return (
    <ul className="culture-checks" data-testid="culture-prerequisites">
      {checks.map((c) => (
        <li
          key={c.code}
          className={c.ok ? 'culture-check culture-check--ok' : 'culture-check culture-check--fail'}
        >
          <strong>{c.ok ? t('prerequisite.ok') : t('prerequisite.fail')}</strong>{' '}
          {t(`prerequisite.${c.code}`, { years: c.years, since: c.since })}
          {!c.ok && ` (${t('prerequisite.found', { count: c.count })})`}
        </li>
      ))}
    </ul>
  );
}

function CriteriaTable({ criteria }: { criteria: ModelCriteriaView }) {
  const { t } = useCultureT();
  return (
    <>
      <p className="culture-note">
        {t('programme.totalPoints', {
          total: criteria.totalPoints,
          pass: criteria.passScore,
          years: criteria.incidentYears,
          validity: criteria.validityYears,
        })}
      </p>
      <ListTable
        testId="culture-criteria"
        columns={[
          t('programme.code'),
          t('programme.section'),
          t('programme.item'),
          t('programme.points'),
          t('programme.evidence'),
        ]}
        items={criteria.items}
        empty={t('programme.noCriteria', { year: criteria.year })}
        row={(i) => (
          <tr key={i.code}>
            <td className="nowrap">{i.code}</td>
            <td className="nowrap">{i.section}</td>
            <td>{i.title}</td>
            <td className="num">{i.points}</td>
            <td>{i.evidence}</td>
          </tr>
        )}
      />
    </>
  );
}

/** The programme's year: its criteria (edited by the zone), and the applications or one's own. */
export function CultureProgrammePage() {
  const { t, i18n } = useCultureT();
  const tz = useZone();
  const session = useSession();
  const role = session?.user.role;
  const officer = role === 'enterprise_officer';
  const [year, setYear] = useYear();
  const criteria = useCriteria(year);
  const applications = useApplications(year);
  const prerequisites = usePrerequisites(year, officer && Boolean(criteria.data));
  const apply = useApply();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const own = officer ? applications.data?.items[0] : undefined;
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('programme.subtitle')}</PageHeader>
      <CultureTabs />
      <YearField year={year} setYear={setYear} />
      <QueryState query={criteria} />
      {criteria.isSuccess && (
        <section>
          <h2 className="culture-h2">{t('programme.criteria', { year })}</h2>
          {editing ? (
            <CriteriaEditor
              key={`${year}:${criteria.data?.updatedAt ?? ''}`}
              year={year}
              criteria={criteria.data}
              onDone={() => setEditing(false)}
            />
          ) : (
            <>
              {criteria.data ? (
                <CriteriaTable criteria={criteria.data} />
              ) : (
                <p className="culture-empty">{t('programme.noCriteria', { year })}</p>
              )}
              {role === 'zone_admin' && (
                <button type="button" className="button" onClick={() => setEditing(true)}>
                  {t('programme.edit')}
                </button>
              )}
            </>
          )}
        </section>
      )}
      {officer && criteria.data && (
        <section>
          <h2 className="culture-h2">{t('programme.prerequisites')}</h2>
          <QueryState query={prerequisites} />
          {prerequisites.data && <Prerequisites checks={prerequisites.data} />}
          <h2 className="culture-h2">{t('programme.myApplication')}</h2>
          {own ? (
            <p>
              <StatusBadge status={own.status} />{' '}
              <Link to={`/culture/applications/${own.id}`}>{t('programme.open')}</Link>
            </p>
          ) : (
            applications.isSuccess && (
              <button
                type="button"
                className="button button--primary"
                disabled={apply.isPending}
                onClick={() =>
                  apply.mutate(year, {
                    onSuccess: (d) => void navigate(`/culture/applications/${d.application.id}`),
                  })
                }
              >
                {t('programme.apply', { year })}
              </button>
            )
          )}
          {apply.isError && <ErrorNotice error={apply.error} />}
        </section>
      )}
      {!officer && (
        <section>
          <h2 className="culture-h2">{t('programme.applications')}</h2>
          <QueryState query={applications} />
          {applications.data && (
            <ListTable
              testId="culture-applications"
              columns={[
                t('programme.enterprise'),
                t('programme.status'),
                t('programme.selfTotal'),
                t('programme.reviewTotal'),
                t('programme.submittedAt'),
              ]}
              items={applications.data.items}
              empty={t('programme.noApplications')}
              row={(a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/culture/applications/${a.id}`}>{a.enterpriseName}</Link>
                  </td>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                  <td className="num">{a.selfTotal}</td>
                  <td className="num">{a.reviewTotal}</td>
                  <td className="nowrap">
                    {a.submittedAt ? formatDateTime(a.submittedAt, i18n.language, tz) : '—'}
                  </td>
                </tr>
              )}
            />
          )}
        </section>
      )}
    </div>
  );
}

function CriteriaEditor({
  year,
  criteria,
  onDone,
}: {
  year: number;
  criteria: ModelCriteriaView | null;
  onDone: () => void;
}) {
  const { t } = useCultureT();
  const save = useSetCriteria(year);
  const [items, setItems] = useState<ModelCriteriaItem[]>(criteria?.items ?? []);
  const [pass, setPass] = useState(String(criteria?.passScore ?? 80));
  const [incidentYears, setIncidentYears] = useState(String(criteria?.incidentYears ?? 3));
  const [validity, setValidity] = useState(String(criteria?.validityYears ?? 3));
  const change = (index: number, patch: Partial<ModelCriteriaItem>) =>
    setItems(items.map((i, n) => (n === index ? { ...i, ...patch } : i)));
  return (
    <form
      className="form culture-editor"
      data-testid="culture-criteria-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          {
            items,
            passScore: Number(pass),
            incidentYears: Number(incidentYears),
            validityYears: Number(validity),
          },
          { onSuccess: onDone },
        );
      }}
    >
      <div className="form__actions">
        <button type="button" className="button" onClick={() => setItems(MODEL_CRITERIA_TEMPLATE)}>
          {t('programme.fromTemplate')}
        </button>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('programme.code')}</th>
              <th scope="col">{t('programme.section')}</th>
              <th scope="col">{t('programme.item')}</th>
              <th scope="col">{t('programme.points')}</th>
              <th scope="col">{t('programme.evidence')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {items.map((item, n) => (
              <tr key={n}>
                <td>
                  <input
                    aria-label={t('programme.code')}
                    className="culture-input--code"
                    value={item.code}
                    onChange={(e) => change(n, { code: e.target.value })}
                    required
                  />
                </td>
                <td>
                  <input
                    aria-label={t('programme.section')}
                    value={item.section}
                    onChange={(e) => change(n, { section: e.target.value })}
                    required
                  />
                </td>
                <td>
                  <textarea
                    aria-label={t('programme.item')}
                    rows={2}
                    value={item.title}
                    onChange={(e) => change(n, { title: e.target.value })}
                    required
                  />
                </td>
                <td>
                  <input
                    aria-label={t('programme.points')}
                    className="culture-input--score"
                    type="number"
                    min="0.5"
                    step="0.5"
                    value={item.points}
                    onChange={(e) => change(n, { points: Number(e.target.value) })}
                    required
                  />
                </td>
                <td>
                  <textarea
                    aria-label={t('programme.evidence')}
                    rows={2}
                    value={item.evidence}
                    onChange={(e) => change(n, { evidence: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setItems(items.filter((_, m) => m !== n))}
                  >
                    {t('programme.removeItem')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="culture-note">
        {t('programme.points')}: {sumPoints(items.map((i) => i.points))}
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            setItems([
              ...items,
              { code: `X${items.length + 1}`, section: '', title: '', points: 1, evidence: '' },
            ])
          }
        >
          {t('programme.addItem')}
        </button>
      </div>
      <div className="form__row">
        <div className="field">
          <label htmlFor="cc-pass">{t('programme.passScore')}</label>
          <input
            id="cc-pass"
            type="number"
            min="0"
            step="0.5"
            value={pass}
            onChange={(e) => setPass(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="cc-incident">{t('programme.incidentYears')}</label>
          <input
            id="cc-incident"
            type="number"
            min="0"
            max="10"
            value={incidentYears}
            onChange={(e) => setIncidentYears(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="cc-validity">{t('programme.validityYears')}</label>
          <input
            id="cc-validity"
            type="number"
            min="1"
            max="10"
            value={validity}
            onChange={(e) => setValidity(e.target.value)}
          />
        </div>
      </div>
      {save.isError && <ErrorNotice error={save.error} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('programme.saveCriteria')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('programme.cancel')}
        </button>
      </div>
    </form>
  );
}

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

/** The titles in force: what the public pages list too. */
export function ModelEnterprisesPage() {
  const { t } = useCultureT();
  const models = useModelEnterprises();
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('models.subtitle')}</PageHeader>
      <CultureTabs />
      <QueryState query={models} />
      {models.data && (
        <ListTable
          testId="culture-models"
          columns={[
            t('programme.enterprise'),
            t('models.titleLabel'),
            t('year'),
            t('models.awardedOn'),
            t('models.validUntil'),
          ]}
          items={models.data}
          empty={t('models.empty')}
          row={(m) => (
            <tr key={`${m.enterpriseId}:${m.year}`}>
              <td>{m.enterpriseName}</td>
              <td>{m.title}</td>
              <td className="num">{m.year}</td>
              <td className="nowrap">{m.awardedOn}</td>
              <td className="nowrap">{m.validUntil}</td>
            </tr>
          )}
        />
      )}
    </div>
  );
}
