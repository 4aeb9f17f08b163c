import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { FileOpenButton } from '../components/FileOpenButton';
import {
  firstResponsibleLine,
  type PostHolderView,
  type SignState,
  type StatementSignatureView,
  type StatementVersionView,
} from '../contracts';
import { uploadFile } from '../hazards/api';
import { formatDateTime } from '../lib/format';
import {
  useEnterprisePosts,
  useMine,
  usePerson,
  usePost,
  usePublish,
  useRecordDuty,
  useSetHolders,
  useSignInConsole,
  useSummaries,
} from './api';
import { useDutiesT } from './i18n';
import './duties.css';

const WRITERS = ['zone_admin', 'enterprise_officer'];

function useZone() {
  return usePublicConfig().data?.timeZone ?? 'Asia/Shanghai';
}

function useLang(): 'zh-CN' | 'en' {
  const { i18n } = useDutiesT();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export function SignBadge({ state, version }: { state: SignState; version: number | null }) {
  const { t } = useDutiesT();
  return (
    <span className={`duty-sign duty-sign--${state}`} data-testid="duty-sign-state">
      {t(`state.${state}`, { version })}
    </span>
  );
}

/** The zone's overview of how far duties reach people, and the signed-in user's own statements. */
export function DutiesPage() {
  const { t } = useDutiesT();
  const lang = useLang();
  const summaries = useSummaries();
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('subtitle')}</PageHeader>
      <MyStatements />
      <QueryState query={summaries} />
      {summaries.data && (
        <ListTable
          testId="duties-table"
          columns={[
            t('enterprise'),
            t('firstResponsible'),
            t('posts'),
            t('postsWithoutHolder'),
            t('peopleWithoutPost'),
            t('signedRate'),
          ]}
          items={summaries.data}
          empty={t('noEnterprises')}
          row={(e) => (
            <tr key={e.enterpriseId}>
              <td>
                <Link className="cell-title" to={`/duties/enterprises/${e.enterpriseId}`}>
                  {e.enterpriseName}
                </Link>
              </td>
              <td>{firstResponsibleLine(e.firstResponsible, lang)}</td>
              <td className="num">{e.posts}</td>
              <td className={`num${e.postsWithoutHolder ? ' duty-gap' : ''}`}>{e.postsWithoutHolder}</td>
              <td className={`num${e.peopleWithoutPost ? ' duty-gap' : ''}`}>{e.peopleWithoutPost}</td>
              <td className="num">{t('signedOf', { signed: e.signed, required: e.required })}</td>
            </tr>
          )}
        />
      )}
    </div>
  );
}

function MyStatements() {
  const { t } = useDutiesT();
  const mine = useMine();
  const sign = useSignInConsole();
  if (!mine.data?.length) return null;
  return (
    <section className="duty-mine" data-testid="duty-mine">
      <h2>{t('mine.title')}</h2>
      {mine.data.map((m) => (
        <div key={m.postId} className="duty-mine__item">
          <strong>
            {m.enterpriseName} · {m.unit} · {m.postName}
          </strong>{' '}
          <SignBadge state={m.state} version={m.signedVersion} />
          {m.version ? (
            <details>
              <summary>{t('mine.read')}</summary>
              <pre className="duty-text">{m.version.text}</pre>
              {m.state !== 'current' && (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={sign.isPending}
                  onClick={() => sign.mutate(m.version!.id)}
                >
                  {t('mine.sign', { version: m.version.version })}
                </button>
              )}
            </details>
          ) : (
            <p className="cell-sub">{t('mine.none')}</p>
          )}
        </div>
      ))}
      {sign.isError && <ErrorNotice error={sign.error} compact />}
    </section>
  );
}

function HolderList({ holders }: { holders: PostHolderView[] }) {
  const { t } = useDutiesT();
  if (!holders.length) return <span className="duty-gap">{t('enterprisePage.noHolder')}</span>;
  return (
    <ul className="duty-holders">
      {holders.map((h) => (
        <li key={h.contactId}>
          <Link to={`/duties/people/${h.contactId}`}>{h.name}</Link>{' '}
          <SignBadge state={h.state} version={h.signedVersion} />
        </li>
      ))}
    </ul>
  );
}

/** An enterprise's posts, who holds each and where they stand, and its people without a post. */
export function DutyEnterprisePage() {
  const { t } = useDutiesT();
  const lang = useLang();
  const { id = '' } = useParams();
  const view = useEnterprisePosts(id);
  if (!view.data) return <QueryState query={view} />;
  const e = view.data;
  return (
    <div className="page">
      <p>
        <Link to="/duties">← {t('enterprisePage.back')}</Link>
      </p>
      <PageHeader
        title={`${e.enterpriseName} · ${t('title')}`}
        actions={
          <Link className="button" to={`/responsibility/${e.enterpriseId}`}>
            {t('enterprisePage.editList')}
          </Link>
        }
      >
        {t('enterprisePage.firstResponsibleIs', { line: firstResponsibleLine(e.firstResponsible, lang) })}
        {' · '}
        {t('signedRate')} {t('signedOf', { signed: e.signed, required: e.required })}
      </PageHeader>
      <h2>{t('enterprisePage.postsTitle')}</h2>
      <ListTable
        testId="duty-posts"
        columns={[
          t('enterprisePage.unit'),
          t('enterprisePage.post'),
          t('enterprisePage.holders'),
          t('enterprisePage.version'),
          t('signedRate'),
        ]}
        items={e.posts}
        empty={t('enterprisePage.noPosts')}
        row={(p) => (
          <tr key={p.id} className={p.inList ? undefined : 'duty-retired'}>
            <td>{p.unit}</td>
            <td>
              <Link className="cell-title" to={`/duties/posts/${p.id}`}>
                {p.name}
              </Link>
              {!p.inList && <div className="cell-sub">{t('enterprisePage.notInList')}</div>}
            </td>
            <td>
              <HolderList holders={p.holders} />
            </td>
            <td>{p.currentVersion ?? t('enterprisePage.noVersion')}</td>
            <td className="num">{t('signedOf', { signed: p.signed, required: p.required })}</td>
          </tr>
        )}
      />
      <h2>{t('enterprisePage.withoutPostTitle')}</h2>
      <p className="cell-sub">{t('enterprisePage.withoutPostHint')}</p>
      {e.withoutPost.length ? (
        <ul className="duty-without" data-testid="duty-without-post">
          {e.withoutPost.map((c) => (
            <li key={c.contactId}>
              {c.name}
              {c.directoryPost && <span className="cell-sub"> · {c.directoryPost}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('enterprisePage.everyoneHasPost')}</p>
      )}
    </div>
  );
}

function SignatureTable({ signatures }: { signatures: StatementSignatureView[] }) {
  const { t, i18n } = useDutiesT();
  const tz = useZone();
  if (!signatures.length) return <p className="cell-sub">{t('postPage.noSignatures')}</p>;
  return (
    <table className="table" data-testid="duty-signatures">
      <thead>
        <tr>
          <th scope="col">{t('postPage.signer')}</th>
          <th scope="col">{t('postPage.signedAt')}</th>
          <th scope="col">{t('postPage.method')}</th>
          <th scope="col">{t('postPage.ip')}</th>
        </tr>
      </thead>
      <tbody>
        {signatures.map((s) => (
          <tr key={s.id}>
            <td>{s.signerName}</td>
            <td className="nowrap">{formatDateTime(s.signedAt, i18n.language, tz)}</td>
            <td>{t(s.method === 'link' ? 'postPage.methodLink' : 'postPage.methodConsole')}</td>
            <td>{s.ip ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function VersionBlock({ v }: { v: StatementVersionView }) {
  const { t, i18n } = useDutiesT();
  const tz = useZone();
  return (
    <section className="duty-version" data-testid="duty-version">
      <h3>
        {t('postPage.published', {
          version: v.version,
          year: v.year,
          at: formatDateTime(v.publishedAt, i18n.language, tz),
        })}
      </h3>
      <p className="cell-sub duty-hash">
        {t('postPage.hash')}: {v.textHash}
      </p>
      <details>
        <summary>{t('postPage.showText')}</summary>
        <pre className="duty-text">{v.text}</pre>
      </details>
      <h4>{t('postPage.signatures')}</h4>
      <SignatureTable signatures={v.signatures} />
    </section>
  );
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** A post: its duties, holders, statement versions with who signed which, and its duty records. */
export function DutyPostPage() {
  const { t } = useDutiesT();
  const { id = '' } = useParams();
  const session = useSession();
  const post = usePost(id);
  const writer = WRITERS.includes(session?.user.role ?? '');
  if (!post.data) return <QueryState query={post} />;
  const p = post.data;
  return (
    <div className="page">
      <p>
        <Link to={`/duties/enterprises/${p.enterpriseId}`}>← {p.enterpriseName}</Link>
      </p>
      <PageHeader title={`${p.unit} · ${p.name}`}>
        {p.currentVersion ? `v${p.currentVersion} · ` : ''}
        {t('signedRate')} {t('signedOf', { signed: p.signed, required: p.required })}
      </PageHeader>
      <h2>{t('postPage.duties')}</h2>
      <ol className="duty-duties">
        {p.duties.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ol>
      <h2>{t('postPage.holders')}</h2>
      <HolderList holders={p.holders} />
      {writer && <HoldersForm postId={p.id} enterpriseId={p.enterpriseId} current={p.holders} />}
      <h2>{t('postPage.versions')}</h2>
      {writer && p.inList && <PublishForm postId={p.id} last={p.versions[0]} />}
      {p.versions.length ? (
        p.versions.map((v) => <VersionBlock key={v.id} v={v} />)
      ) : (
        <p className="cell-sub">{t('postPage.noVersions')}</p>
      )}
      <h2>{t('postPage.dutyRecords')}</h2>
      {writer && p.holders.length > 0 && (
        <DutyRecordForm postId={p.id} duties={p.duties} holders={p.holders} />
      )}
      <DutyRecordTable records={p.dutyRecords} />
    </div>
  );
}

function HoldersForm({
  postId,
  enterpriseId,
  current,
}: {
  postId: string;
  enterpriseId: string;
  current: PostHolderView[];
}) {
  const { t } = useDutiesT();
  const people = useEnterprisePosts(enterpriseId);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(current.map((h) => h.contactId)));
  const save = useSetHolders(postId);
  const candidates = people.data
    ? [
        ...current.map((h) => ({ contactId: h.contactId, name: h.name, directoryPost: h.directoryPost })),
        ...people.data.withoutPost,
        ...people.data.posts
          .flatMap((p) => p.holders)
          .filter((h) => !current.some((c) => c.contactId === h.contactId)),
      ].filter((c, i, all) => all.findIndex((x) => x.contactId === c.contactId) === i)
    : [];
  return (
    <details className="duty-form">
      <summary>{t('postPage.editHolders')}</summary>
      <p className="cell-sub">{t('postPage.holdersHint')}</p>
      <div className="duty-checks">
        {candidates.map((c) => (
          <label key={c.contactId}>
            <input
              type="checkbox"
              checked={chosen.has(c.contactId)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(c.contactId);
                else next.delete(c.contactId);
                setChosen(next);
              }}
            />{' '}
            {c.name}
            {c.directoryPost && <span className="cell-sub"> · {c.directoryPost}</span>}
          </label>
        ))}
      </div>
      {save.isError && <ErrorNotice error={save.error} compact />}
      <button
        type="button"
        className="button button--primary"
        disabled={save.isPending}
        onClick={() => save.mutate([...chosen])}
      >
        {t('postPage.saveHolders')}
      </button>
    </details>
  );
}

function PublishForm({ postId, last }: { postId: string; last: StatementVersionView | undefined }) {
  const { t } = useDutiesT();
  const tz = useZone();
  const thisYear = Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric' }).format(new Date()),
  );
  const [year, setYear] = useState(String(last?.year ?? thisYear));
  const [title, setTitle] = useState(last?.title ?? '岗位安全生产责任书');
  const [clauses, setClauses] = useState(last?.clauses.join('\n') ?? '');
  const [targets, setTargets] = useState(last?.targets.join('\n') ?? '');
  const publish = usePublish(postId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    publish.mutate({ year: Number(year), title, clauses: lines(clauses), targets: lines(targets) });
  };
  return (
    <details className="duty-form">
      <summary>{t('postPage.publish')}</summary>
      <p className="cell-sub">{t('postPage.publishHint')}</p>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="duty-year">{t('postPage.year')}</label>
          <input
            id="duty-year"
            type="number"
            value={year}
            onChange={(e) => setYear(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="duty-title">{t('postPage.docTitle')}</label>
          <input id="duty-title" value={title} onChange={(e) => setTitle(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="duty-targets">{t('postPage.targets')}</label>
          <textarea
            id="duty-targets"
            rows={3}
            value={targets}
            onChange={(e) => setTargets(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="duty-clauses">{t('postPage.clauses')}</label>
          <textarea
            id="duty-clauses"
            rows={5}
            value={clauses}
            onChange={(e) => setClauses(e.target.value)}
            required
          />
        </div>
        {publish.isError && <ErrorNotice error={publish.error} compact />}
        <button type="submit" className="button button--primary" disabled={publish.isPending}>
          {t('postPage.publish')}
        </button>
      </form>
    </details>
  );
}

function DutyRecordForm({
  postId,
  duties,
  holders,
}: {
  postId: string;
  duties: string[];
  holders: PostHolderView[];
}) {
  const { t } = useDutiesT();
  const [contactId, setContactId] = useState(holders[0]?.contactId ?? '');
  const [doneOn, setDoneOn] = useState('');
  const [duty, setDuty] = useState(duties[0] ?? '');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const record = useRecordDuty(postId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const fileIds = (await Promise.all(files.map((f) => uploadFile(f)))).map((f) => f.id);
      await record.mutateAsync({ contactId, doneOn, duty, description, fileIds });
      setDescription('');
      setFiles([]);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="duty-form">
      <summary>{t('postPage.recordDuty')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="dr-person">{t('postPage.person')}</label>
          <select id="dr-person" value={contactId} onChange={(e) => setContactId(e.target.value)}>
            {holders.map((h) => (
              <option key={h.contactId} value={h.contactId}>
                {h.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dr-date">{t('postPage.doneOn')}</label>
          <input
            id="dr-date"
            type="date"
            value={doneOn}
            onChange={(e) => setDoneOn(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="dr-duty">{t('postPage.duty')}</label>
          <select id="dr-duty" value={duty} onChange={(e) => setDuty(e.target.value)}>
            {duties.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dr-description">{t('postPage.description')}</label>
          <textarea
            id="dr-description"
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="dr-files">{t('postPage.files')}</label>
          <input id="dr-files" type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
        </div>
        {Boolean(error) && <ErrorNotice error={error} compact />}
        <button type="submit" className="button button--primary" disabled={record.isPending}>
          {t('postPage.save')}
        </button>
      </form>
    </details>
  );
}

function DutyRecordTable({ records, showPost = false }: { records: PostDetailRecords; showPost?: boolean }) {
  const { t } = useDutiesT();
  return (
    <ListTable
      testId="duty-records"
      columns={[
        t('postPage.doneOn'),
        showPost ? t('enterprisePage.post') : t('postPage.person'),
        t('postPage.duty'),
        t('postPage.description'),
        t('postPage.files'),
      ]}
      items={records}
      empty={t('postPage.noDutyRecords')}
      row={(r) => (
        <tr key={r.id}>
          <td className="nowrap">{r.doneOn}</td>
          <td>{showPost ? `${r.unit} · ${r.postName}` : r.personName}</td>
          <td>{r.duty}</td>
          <td>{r.description}</td>
          <td>
            {r.files.map((f) => (
              <FileOpenButton key={f.id} file={f} className="link-button" />
            ))}
          </td>
        </tr>
      )}
    />
  );
}

type PostDetailRecords = NonNullable<ReturnType<typeof usePost>['data']>['dutyRecords'];

/** A person's posts, every statement they signed (older versions too) and their duty records. */
export function DutyPersonPage() {
  const { t, i18n } = useDutiesT();
  const tz = useZone();
  const { id = '' } = useParams();
  const person = usePerson(id);
  if (!person.data) return <QueryState query={person} />;
  const p = person.data;
  return (
    <div className="page">
      <p>
        <Link to={`/duties/enterprises/${p.enterpriseId}`}>← {p.enterpriseName}</Link>
      </p>
      <PageHeader title={`${p.name} · ${t('postPage.personLink')}`}>{p.enterpriseName}</PageHeader>
      <h2>{t('personPage.posts')}</h2>
      <ul className="duty-holders">
        {p.posts.map((x) => (
          <li key={x.postId}>
            <Link to={`/duties/posts/${x.postId}`}>
              {x.unit} · {x.name}
            </Link>{' '}
            <SignBadge state={x.state} version={x.signedVersion} />
          </li>
        ))}
      </ul>
      <h2>{t('personPage.signatures')}</h2>
      <table className="table" data-testid="duty-person-signatures">
        <thead>
          <tr>
            <th scope="col">{t('enterprisePage.post')}</th>
            <th scope="col">{t('enterprisePage.version')}</th>
            <th scope="col">{t('postPage.signedAt')}</th>
            <th scope="col">{t('postPage.method')}</th>
            <th scope="col">{t('postPage.hash')}</th>
          </tr>
        </thead>
        <tbody>
          {p.signatures.map((s) => (
            <tr key={s.id}>
              <td>{s.postName}</td>
              <td>{t('personPage.postVersion', { version: s.version })}</td>
              <td className="nowrap">{formatDateTime(s.signedAt, i18n.language, tz)}</td>
              <td>{t(s.method === 'link' ? 'postPage.methodLink' : 'postPage.methodConsole')}</td>
              <td className="duty-hash">{s.textHash.slice(0, 16)}…</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('postPage.dutyRecords')}</h2>
      <DutyRecordTable records={p.dutyRecords} showPost />
    </div>
  );
}
