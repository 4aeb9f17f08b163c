import { useState, type FormEvent } from 'react';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import {
  ARTICLE_KINDS,
  ARTICLE_REVIEWER_ROLES,
  articleCanSubmit,
  type ArticleKind,
  type ArticleView,
} from '../contracts';
import { uploadFile } from '../hazards/api';
import { formatDateTime } from '../lib/format';
import { usePublicConfig } from '../api/queries';
import { useArticleAction, useArticles } from './api';
import { usePublishingT } from './i18n';
import './publishing.css';

/** The public site in the console's language: Chinese needs no parameter. */
function publicHref(path: string, language: string): string {
  return language.startsWith('zh') ? path : `${path}?lang=en`;
}

export function PublishingPage() {
  const { t, i18n } = usePublishingT();
  const tz = usePublicConfig().data?.timeZone ?? 'Asia/Shanghai';
  const session = useSession();
  const reviewer = session
    ? (ARTICLE_REVIEWER_ROLES as readonly string[]).includes(session.user.role)
    : false;
  const articles = useArticles();
  const [editing, setEditing] = useState<ArticleView | 'new' | null>(null);
  const pending = articles.data?.items.filter((a) => a.state === 'pending') ?? [];

  return (
    <div className="page">
      <PageHeader title={t('title')}>
        {t('subtitle')}{' '}
        <a
          href={publicHref('/public/', i18n.language)}
          target="_blank"
          rel="noopener"
          data-testid="public-site-link"
        >
          {t('publicSite')}
        </a>
      </PageHeader>
      {editing === null ? (
        <p>
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('editor.new')}
          </button>
        </p>
      ) : (
        <ArticleEditor
          key={editing === 'new' ? 'new' : editing.id}
          article={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <QueryState query={articles} />
      {reviewer && articles.data && (
        <section className="publishing-queue" aria-labelledby="publishing-queue">
          <h2 id="publishing-queue">{t('review.queue')}</h2>
          {pending.length === 0 && <p className="muted">{t('review.noneWaiting')}</p>}
          {pending.map((a) => (
            <ReviewCard key={a.id} article={a} />
          ))}
        </section>
      )}
      {articles.data && (
        <ListTable
          testId="publishing-articles"
          columns={[
            t('list.titleField'),
            t('list.kind'),
            t('list.state'),
            t('list.live'),
            t('list.updated'),
            '',
          ]}
          items={articles.data.items}
          empty={t('list.empty')}
          row={(a) => (
            <tr key={a.id} data-testid="article-row">
              <td>
                {a.title}
                {a.reviewNote && a.state === 'rejected' && (
                  <div className="muted">{t('review.lastNote', { note: a.reviewNote })}</div>
                )}
              </td>
              <td>{t(`kind.${a.kind}`)}</td>
              <td>
                <span className={`article-state article-state--${a.state}`}>{t(`state.${a.state}`)}</span>
              </td>
              <td>
                {a.publicPath ? (
                  <a href={publicHref(a.publicPath, i18n.language)} target="_blank" rel="noopener">
                    {t('list.online')}
                  </a>
                ) : (
                  t('list.offline')
                )}
              </td>
              <td className="nowrap">{formatDateTime(a.updatedAt, i18n.language, tz)}</td>
              <td className="nowrap">
                <RowActions article={a} reviewer={reviewer} onEdit={() => setEditing(a)} />
              </td>
            </tr>
          )}
        />
      )}
    </div>
  );
}

function RowActions({
  article,
  reviewer,
  onEdit,
}: {
  article: ArticleView;
  reviewer: boolean;
  onEdit: () => void;
}) {
  const { t } = usePublishingT();
  const action = useArticleAction();
  return (
    <span className="publishing-actions">
      <button type="button" className="button" onClick={onEdit}>
        {t('actions.edit')}
      </button>
      {articleCanSubmit(article.state) && (
        <button
          type="button"
          className="button"
          disabled={action.isPending}
          onClick={() => action.mutate({ path: `/${article.id}/submit`, method: 'POST' })}
        >
          {t('actions.submit')}
        </button>
      )}
      {reviewer && article.live && (
        <button
          type="button"
          className="button button--danger"
          disabled={action.isPending}
          onClick={() => action.mutate({ path: `/${article.id}/withdraw`, method: 'POST' })}
        >
          {t('actions.withdraw')}
        </button>
      )}
      {action.isError && <ErrorNotice error={action.error} />}
    </span>
  );
}

function ReviewCard({ article }: { article: ArticleView }) {
  const { t } = usePublishingT();
  const action = useArticleAction();
  const [note, setNote] = useState('');
  const decide = (verb: 'approve' | 'reject') =>
    action.mutate({
      path: `/${article.id}/${verb}`,
      method: 'POST',
      body: note.trim() ? { note: note.trim() } : {},
    });
  return (
    <article className="publishing-review" data-testid="review-card">
      <h3>
        {article.title}{' '}
        <span className="muted">
          · {t(`kind.${article.kind}`)} · {t('review.by', { name: article.editedByName })}
        </span>
      </h3>
      <div className="publishing-review__body">
        {article.body.split(/\n\s*\n/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      {article.canReview ? (
        <div className="form__row">
          <div className="field">
            <label htmlFor={`note-${article.id}`}>{t('actions.note')}</label>
            <input id={`note-${article.id}`} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={action.isPending}
              onClick={() => decide('approve')}
            >
              {t('actions.approve')}
            </button>
            <button
              type="button"
              className="button"
              disabled={action.isPending}
              onClick={() => decide('reject')}
            >
              {t('actions.reject')}
            </button>
          </div>
        </div>
      ) : (
        <p className="muted">{t('actions.selfReview')}</p>
      )}
      {action.isError && <ErrorNotice error={action.error} />}
    </article>
  );
}

function ArticleEditor({ article, onDone }: { article: ArticleView | null; onDone: () => void }) {
  const { t } = usePublishingT();
  const action = useArticleAction();
  const [kind, setKind] = useState<ArticleKind>(article?.kind ?? 'notice');
  const [title, setTitle] = useState(article?.title ?? '');
  const [body, setBody] = useState(article?.body ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const [uploadError, setUploadError] = useState<unknown>(null);

  const save = async (e: FormEvent, andSubmit: boolean) => {
    e.preventDefault();
    setUploadError(null);
    let uploaded: string[];
    try {
      uploaded = (await Promise.all(files.map((f) => uploadFile(f)))).map((f) => f.id);
    } catch (err) {
      setUploadError(err);
      return;
    }
    const fileIds = [...(article?.files.map((f) => f.id) ?? []), ...uploaded];
    action.mutate(
      article
        ? { path: `/${article.id}`, method: 'PATCH', body: { title, body, fileIds } }
        : { path: '', method: 'POST', body: { kind, title, body, fileIds } },
      {
        onSuccess: (saved) => {
          if (andSubmit)
            action.mutate({ path: `/${saved.id}/submit`, method: 'POST' }, { onSuccess: onDone });
          else onDone();
        },
      },
    );
  };

  return (
    <form
      className="form publishing-editor"
      onSubmit={(e) => void save(e, false)}
      data-testid="article-editor"
    >
      <h2>{article ? t('editor.edit', { title: article.title }) : t('editor.new')}</h2>
      {article?.live && <p className="muted">{t('editor.liveNote')}</p>}
      <div className="form__row">
        <div className="field">
          <label htmlFor="article-title">{t('editor.titleField')}</label>
          <input
            id="article-title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            maxLength={200}
          />
        </div>
        {!article && (
          <div className="field">
            <label htmlFor="article-kind">{t('list.kind')}</label>
            <select id="article-kind" value={kind} onChange={(e) => setKind(e.target.value as ArticleKind)}>
              {ARTICLE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor="article-body">{t('editor.body')}</label>
        <textarea
          id="article-body"
          rows={10}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="article-files">{t('editor.files')}</label>
        {article && article.files.length > 0 && (
          <p className="muted">
            {t('editor.keepFiles', { names: article.files.map((f) => f.name).join('、') })}
          </p>
        )}
        <input
          id="article-files"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,application/pdf"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </div>
      {Boolean(uploadError) && <ErrorNotice error={uploadError} />}
      {action.isError && <ErrorNotice error={action.error} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={action.isPending}>
          {t('editor.save')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={action.isPending}
          onClick={(e) => void save(e, true)}
        >
          {t('editor.saveSubmit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  );
}
