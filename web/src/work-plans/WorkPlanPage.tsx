import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { downloadFile } from '../api/download';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { FileOpenButton } from '../components/FileOpenButton';
import { PROGRESS_STATUSES, type ProgressStatus, type Quarter, type WorkPlanDetail } from '../contracts';
import { uploadFile } from '../hazards/api';
import { useContactChoices } from '../drills/ui';
import {
  type PlanTaskInput,
  type ProgressInput,
  usePlan,
  useReportProgress,
  useReview,
  useSavePlan,
  useSubmitPlan,
} from './api';
import { useWorkPlansT } from './i18n';
import './work-plans.css';
import { QuarterBadge, REVIEWERS, StatusBadge, useDateTime } from './shared';

/** An enterprise's plan: written and submitted by its officers, reviewed by the zone, then reported on. */
export function WorkPlanPage() {
  const { id = '' } = useParams();
  const { t } = useWorkPlansT();
  const plan = usePlan(id);
  const session = useSession();
  const [pdfError, setPdfError] = useState<unknown>(null);
  if (!plan.data) return <QueryState query={plan} />;
  const p = plan.data;
  const role = session?.user.role;
  const author = role === 'enterprise_officer' && session?.user.enterpriseId === p.enterpriseId;
  const editable = author && (p.status === 'draft' || p.status === 'returned');
  const reviewer = role !== undefined && REVIEWERS.includes(role) && p.status === 'submitted';
  return (
    <div className="page">
      <PageHeader
        title={t('plan.heading', { enterprise: p.enterpriseName, year: p.year })}
        actions={
          <button
            type="button"
            className="button"
            onClick={() => {
              setPdfError(null);
              downloadFile(`/api/work-plans/${p.id}/pdf`, `work-plan-${p.year}.pdf`).catch(setPdfError);
            }}
          >
            {t('pdf')}
          </button>
        }
      >
        {p.template.title}
      </PageHeader>
      <p className="wp-meta">
        <StatusBadge status={p.status} /> {t('plan.versions', { count: p.versions })}
        {p.submittedLate && <span className="wp-q wp-q--late">{t('plan.lateBadge')}</span>}{' '}
        <Link to={`/work-plans?year=${p.year}`}>{t('back')}</Link>
      </p>
      {Boolean(pdfError) && <ErrorNotice error={pdfError} />}
      <ReturnedComments plan={p} />
      {editable ? <PlanForm key={p.updatedAt} plan={p} /> : <PlanContent plan={p} />}
      {reviewer && <ReviewPanel plan={p} />}
      <Progress plan={p} author={author} />
      <History plan={p} />
    </div>
  );
}

/** The latest review's comments, while the plan is back with the enterprise. */
function ReturnedComments({ plan }: { plan: WorkPlanDetail }) {
  const { t } = useWorkPlansT();
  const last = plan.history[0];
  if (plan.status !== 'returned' || !last || last.decision !== 'returned') return null;
  const title = (key: string) => plan.template.sections.find((s) => s.key === key)?.title ?? key;
  return (
    <section className="wp-comments" data-testid="work-plan-comments">
      <h2>{t('plan.comments')}</h2>
      {last.comment && <p>{last.comment}</p>}
      <ul>
        {last.sectionComments.map((c) => (
          <li key={c.sectionKey}>
            <strong>{title(c.sectionKey)}</strong>：{c.comment}
          </li>
        ))}
      </ul>
    </section>
  );
}

function sectionComment(plan: WorkPlanDetail, key: string): string | null {
  const last = plan.history[0];
  if (plan.status !== 'returned' || last?.decision !== 'returned') return null;
  return last.sectionComments.find((c) => c.sectionKey === key)?.comment ?? null;
}

function PlanContent({ plan }: { plan: WorkPlanDetail }) {
  const { t } = useWorkPlansT();
  return (
    <div data-testid="work-plan-content">
      {plan.template.sections.map((s) => (
        <section key={s.key} className="wp-section">
          <h2>{s.title}</h2>
          {s.kind === 'tasks' ? (
            <ListTable
              testId={`work-plan-tasks-${s.key}`}
              columns={[t('plan.tasks'), t('plan.measures'), t('plan.responsible'), t('plan.deadline')]}
              items={plan.content.tasks.filter((x) => x.sectionKey === s.key)}
              empty="—"
              row={(x) => (
                <tr key={x.key}>
                  <td>
                    {x.heading}
                    {x.extra && <span className="wp-extra">{t('plan.extra')}</span>}
                  </td>
                  <td className="wp-pre">{x.measures || t('plan.notWritten')}</td>
                  <td className="nowrap">{x.responsibleName ?? t('plan.nobody')}</td>
                  <td className="nowrap">{x.deadline ?? '—'}</td>
                </tr>
              )}
            />
          ) : (
            <p className="wp-pre">
              {plan.content.sections.find((x) => x.key === s.key)?.text || t('plan.notWritten')}
            </p>
          )}
        </section>
      ))}
    </div>
  );
}

interface TaskDraft extends PlanTaskInput {
  /** A stable React key, also for added tasks the server has not keyed yet. */
  id: string;
  extra: boolean;
}

function PlanForm({ plan }: { plan: WorkPlanDetail }) {
  const { t } = useWorkPlansT();
  const save = useSavePlan(plan.id);
  const submit = useSubmitPlan(plan.id);
  const contacts = useContactChoices();
  const people = (contacts.data ?? []).filter((c) => c.enterpriseId === plan.enterpriseId);
  const [texts, setTexts] = useState(() => new Map(plan.content.sections.map((s) => [s.key, s.text])));
  const [tasks, setTasks] = useState<TaskDraft[]>(() =>
    plan.content.tasks.map((x) => ({ ...x, id: x.key, heading: x.heading })),
  );
  const setTask = (id: string, change: Partial<TaskDraft>) =>
    setTasks((all) => all.map((x) => (x.id === id ? { ...x, ...change } : x)));
  const body = () => ({
    sections: plan.template.sections
      .filter((s) => s.kind !== 'tasks')
      .map((s) => ({ key: s.key, text: texts.get(s.key) ?? '' })),
    tasks: tasks.map((x) => ({
      ...(x.id.startsWith('new-') ? {} : { key: x.key }),
      sectionKey: x.sectionKey,
      ...(x.extra ? { heading: x.heading ?? '' } : {}),
      measures: x.measures,
      responsibleContactId: x.responsibleContactId || null,
      deadline: x.deadline || null,
    })),
  });
  return (
    <form
      className="form"
      data-testid="work-plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(body());
      }}
    >
      {plan.template.sections.map((s) => {
        const comment = sectionComment(plan, s.key);
        return (
          <fieldset key={s.key} className={`wp-section${comment ? ' wp-section--commented' : ''}`}>
            <legend>{s.title}</legend>
            {s.guidance && <p className="wp-guidance">{s.guidance}</p>}
            {comment && <p className="wp-comment">{t('plan.commentFor', { comment })}</p>}
            {s.kind !== 'tasks' ? (
              <textarea
                aria-label={s.title}
                rows={3}
                value={texts.get(s.key) ?? ''}
                onChange={(e) => setTexts((m) => new Map(m).set(s.key, e.target.value))}
              />
            ) : (
              <>
                {tasks
                  .filter((x) => x.sectionKey === s.key)
                  .map((x) => {
                    const guidance = s.tasks.find((y) => y.key === x.key)?.guidance;
                    return (
                      <div key={x.id} className="wp-task">
                        {x.extra ? (
                          <div className="field">
                            <label htmlFor={`wp-h-${x.id}`}>{t('plan.extraHeading')}</label>
                            <input
                              id={`wp-h-${x.id}`}
                              value={x.heading ?? ''}
                              onChange={(e) => setTask(x.id, { heading: e.target.value })}
                            />
                          </div>
                        ) : (
                          <h3>
                            {x.heading} {guidance && <small className="wp-guidance">{guidance}</small>}
                          </h3>
                        )}
                        <div className="field">
                          <label
                            htmlFor={`wp-m-${x.id}`}
                          >{`${t('plan.measures')} · ${x.heading || t('plan.extra')}`}</label>
                          <textarea
                            id={`wp-m-${x.id}`}
                            rows={2}
                            value={x.measures}
                            onChange={(e) => setTask(x.id, { measures: e.target.value })}
                          />
                        </div>
                        <div className="form__row">
                          <div className="field">
                            <label
                              htmlFor={`wp-r-${x.id}`}
                            >{`${t('plan.responsible')} · ${x.heading || t('plan.extra')}`}</label>
                            <select
                              id={`wp-r-${x.id}`}
                              value={x.responsibleContactId ?? ''}
                              onChange={(e) =>
                                setTask(x.id, { responsibleContactId: e.target.value || null })
                              }
                            >
                              <option value="">{t('plan.choose')}</option>
                              {people.map((c) => (
                                <option key={c.id} value={c.id}>
                                  {c.name}
                                  {c.post ? ` · ${c.post}` : ''}
                                </option>
                              ))}
                            </select>
                          </div>
                          <div className="field">
                            <label
                              htmlFor={`wp-d-${x.id}`}
                            >{`${t('plan.deadline')} · ${x.heading || t('plan.extra')}`}</label>
                            <input
                              id={`wp-d-${x.id}`}
                              type="date"
                              min={`${plan.year}-01-01`}
                              max={`${plan.year}-12-31`}
                              value={x.deadline ?? ''}
                              onChange={(e) => setTask(x.id, { deadline: e.target.value || null })}
                            />
                          </div>
                          {x.extra && (
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => setTasks((all) => all.filter((y) => y.id !== x.id))}
                            >
                              {t('plan.removeExtra')}
                            </button>
                          )}
                        </div>
                      </div>
                    );
                  })}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    setTasks((all) => [
                      ...all,
                      {
                        id: `new-${Math.random().toString(36).slice(2, 8)}`,
                        sectionKey: s.key,
                        heading: '',
                        measures: '',
                        responsibleContactId: null,
                        deadline: null,
                        extra: true,
                      },
                    ])
                  }
                >
                  {t('plan.addExtra')}
                </button>
              </>
            )}
          </fieldset>
        );
      })}
      {save.isError && <ErrorNotice error={save.error} />}
      {submit.isError && <ErrorNotice error={submit.error} />}
      {save.isSuccess && !save.isPending && <p className="wp-saved">{t('plan.saved')}</p>}
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('plan.save')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={save.isPending || submit.isPending}
          onClick={() => {
            if (!window.confirm(t('plan.confirmSubmit'))) return;
            // What is on screen is what goes to the zone: saved first, then submitted.
            save.mutate(body(), { onSuccess: () => submit.mutate() });
          }}
        >
          {t('plan.submit')}
        </button>
      </div>
    </form>
  );
}

function ReviewPanel({ plan }: { plan: WorkPlanDetail }) {
  const { t } = useWorkPlansT();
  const review = useReview(plan.id);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const sectionComments = Object.entries(comments)
    .map(([sectionKey, c]) => ({ sectionKey, comment: c.trim() }))
    .filter((c) => c.comment);
  return (
    <section className="wp-review" data-testid="work-plan-review">
      <h2>{t('review.heading')}</h2>
      {plan.template.sections.map((s) => (
        <div key={s.key} className="field">
          <label htmlFor={`wp-c-${s.key}`}>{t('review.sectionComment', { section: s.title })}</label>
          <textarea
            id={`wp-c-${s.key}`}
            rows={2}
            value={comments[s.key] ?? ''}
            onChange={(e) => setComments((c) => ({ ...c, [s.key]: e.target.value }))}
          />
        </div>
      ))}
      <div className="field">
        <label htmlFor="wp-c-overall">{t('review.comment')}</label>
        <textarea id="wp-c-overall" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {missing && <p className="wp-comment">{t('review.needComment')}</p>}
      {review.isError && <ErrorNotice error={review.error} />}
      <div className="form__actions">
        <button
          type="button"
          className="button"
          disabled={review.isPending}
          onClick={() => {
            setMissing(sectionComments.length === 0);
            if (sectionComments.length) review.mutate({ decision: 'return', comment, sectionComments });
          }}
        >
          {t('review.return')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={review.isPending}
          onClick={() => review.mutate({ decision: 'approve' })}
        >
          {t('review.approve')}
        </button>
      </div>
    </section>
  );
}

function Progress({ plan, author }: { plan: WorkPlanDetail; author: boolean }) {
  const { t } = useWorkPlansT();
  const dateTime = useDateTime();
  const heading = new Map(plan.content.tasks.map((x) => [x.key, x.heading]));
  return (
    <section className="wp-progress" data-testid="work-plan-progress">
      <h2>{t('progress.heading')}</h2>
      <div className="wp-quarters">
        {plan.quarters.map((c) => (
          <div key={c.quarter}>
            <span>{t('quarter.label', { quarter: c.quarter })}</span> <QuarterBadge cell={c} />{' '}
            <small>{t('quarter.due', { date: c.dueOn })}</small>
          </div>
        ))}
      </div>
      {plan.status !== 'approved' && <p className="wp-guidance">{t('progress.onlyApproved')}</p>}
      {plan.status === 'approved' && plan.reports.length === 0 && <p>{t('progress.none')}</p>}
      {plan.reports.map((r) => (
        <div key={r.quarter}>
          <h3>
            {t('quarter.label', { quarter: r.quarter })} ·{' '}
            {t('progress.submittedAt', { at: dateTime(r.firstSubmittedAt) })}{' '}
            {r.late && <span className="wp-q wp-q--late">{t('quarter.late')}</span>}
          </h3>
          {r.note && <p className="wp-pre">{r.note}</p>}
          <ListTable
            testId={`work-plan-report-q${r.quarter}`}
            columns={[
              t('progress.task'),
              t('progress.status'),
              t('progress.percent'),
              t('progress.reason'),
              t('progress.evidence'),
            ]}
            items={r.entries}
            empty="—"
            row={(e) => (
              <tr key={e.taskKey}>
                <td>{heading.get(e.taskKey) ?? e.taskKey}</td>
                <td>
                  <span className={`wp-p wp-p--${e.status}`}>{t(`progress.states.${e.status}`)}</span>
                </td>
                <td className="num">{e.percent}</td>
                <td>{e.reason ?? ''}</td>
                <td>
                  {e.evidence.map((f) => (
                    <FileOpenButton key={f.id} file={f} />
                  ))}
                </td>
              </tr>
            )}
          />
        </div>
      ))}
      {author && plan.status === 'approved' && <ProgressForm plan={plan} />}
    </section>
  );
}

interface EntryDraft {
  status: ProgressStatus;
  percent: string;
  reason: string;
  files: File[];
}

function ProgressForm({ plan }: { plan: WorkPlanDetail }) {
  const { t } = useWorkPlansT();
  const send = useReportProgress(plan.id);
  const open = plan.quarters.filter((c) => c.state !== 'not_owed' && c.state !== 'upcoming');
  const [quarter, setQuarter] = useState<Quarter>(
    open.find((c) => c.state === 'open' || c.state === 'missing')?.quarter ?? open.at(-1)?.quarter ?? 1,
  );
  const last = plan.reports.at(-1);
  const [note, setNote] = useState('');
  const [entries, setEntries] = useState<Record<string, EntryDraft>>(() =>
    Object.fromEntries(
      plan.content.tasks.map((x) => {
        const e = last?.entries.find((y) => y.taskKey === x.key);
        return [
          x.key,
          {
            status: e?.status ?? 'in_progress',
            percent: String(e?.percent ?? 0),
            reason: e?.reason ?? '',
            files: [],
          },
        ];
      }),
    ),
  );
  const [uploadError, setUploadError] = useState<unknown>(null);
  if (!open.length) return null;
  const set = (key: string, change: Partial<EntryDraft>) =>
    setEntries((all) => ({ ...all, [key]: { ...all[key]!, ...change } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUploadError(null);
    const list: ProgressInput['entries'] = [];
    try {
      for (const x of plan.content.tasks) {
        const d = entries[x.key]!;
        const uploaded = await Promise.all(d.files.map((f) => uploadFile(f)));
        list.push({
          taskKey: x.key,
          status: d.status,
          percent: Number(d.percent),
          reason: d.status === 'delayed' ? d.reason : null,
          evidenceFileIds: uploaded.map((f) => f.id),
        });
      }
    } catch (err) {
      setUploadError(err);
      return;
    }
    send.mutate({ quarter, note, entries: list });
  };
  const reported = plan.reports.some((r) => r.quarter === quarter);
  return (
    <form
      className="form wp-progress-form"
      onSubmit={(e) => void submit(e)}
      data-testid="work-plan-progress-form"
    >
      <h3>{t('progress.report')}</h3>
      <div className="field wp-year">
        <label htmlFor="wp-quarter">{t('progress.quarter')}</label>
        <select
          id="wp-quarter"
          value={quarter}
          onChange={(e) => setQuarter(Number(e.target.value) as Quarter)}
        >
          {open.map((c) => (
            <option key={c.quarter} value={c.quarter}>
              {t('quarter.label', { quarter: c.quarter })}
            </option>
          ))}
        </select>
      </div>
      {plan.content.tasks.map((x) => {
        const d = entries[x.key]!;
        return (
          <div key={x.key} className="form__row wp-task-row">
            <div className="field">
              <label htmlFor={`wp-ps-${x.key}`}>{`${t('progress.status')} · ${x.heading}`}</label>
              <select
                id={`wp-ps-${x.key}`}
                value={d.status}
                onChange={(e) => {
                  const status = e.target.value as ProgressStatus;
                  set(x.key, {
                    status,
                    ...(status === 'done'
                      ? { percent: '100' }
                      : status === 'not_started'
                        ? { percent: '0' }
                        : {}),
                  });
                }}
              >
                {PROGRESS_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`progress.states.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`wp-pp-${x.key}`}>{`${t('progress.percent')} · ${x.heading}`}</label>
              <input
                id={`wp-pp-${x.key}`}
                type="number"
                min="0"
                max="100"
                step="1"
                value={d.percent}
                onChange={(e) => set(x.key, { percent: e.target.value })}
                required
              />
            </div>
            {d.status === 'delayed' && (
              <div className="field">
                <label htmlFor={`wp-pr-${x.key}`}>{`${t('progress.reason')} · ${x.heading}`}</label>
                <input
                  id={`wp-pr-${x.key}`}
                  value={d.reason}
                  onChange={(e) => set(x.key, { reason: e.target.value })}
                  required
                />
              </div>
            )}
            <div className="field">
              <label htmlFor={`wp-pf-${x.key}`}>{`${t('progress.evidence')} · ${x.heading}`}</label>
              <input
                id={`wp-pf-${x.key}`}
                type="file"
                multiple
                accept="image/jpeg,image/png,image/webp,application/pdf"
                onChange={(e) => set(x.key, { files: [...(e.target.files ?? [])] })}
              />
            </div>
          </div>
        );
      })}
      <div className="field">
        <label htmlFor="wp-note">{t('progress.note')}</label>
        <textarea id="wp-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {Boolean(uploadError) && <ErrorNotice error={uploadError} />}
      {send.isError && <ErrorNotice error={send.error} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {reported ? t('progress.resend') : t('progress.send')}
        </button>
      </div>
    </form>
  );
}

function History({ plan }: { plan: WorkPlanDetail }) {
  const { t } = useWorkPlansT();
  const dateTime = useDateTime();
  if (!plan.history.length) return null;
  const title = (key: string) => plan.template.sections.find((s) => s.key === key)?.title ?? key;
  return (
    <section className="wp-history" data-testid="work-plan-history">
      <h2>{t('history.heading')}</h2>
      <ol>
        {plan.history.map((v) => (
          <li key={v.version}>
            <strong>{t('history.version', { version: v.version })}</strong>{' '}
            {t('history.submittedBy', { at: dateTime(v.submittedAt), who: v.submittedBy ?? '—' })}
            {v.late && <span className="wp-q wp-q--late">{t('quarter.late')}</span>}
            <div>
              <span className={`wp-badge wp-badge--${v.decision ?? 'submitted'}`}>
                {t(`history.${v.decision ?? 'pending'}`)}
              </span>{' '}
              {v.reviewedAt &&
                t('history.reviewedBy', { at: dateTime(v.reviewedAt), who: v.reviewedBy ?? '—' })}
            </div>
            {v.comment && <p>{v.comment}</p>}
            {v.sectionComments.length > 0 && (
              <ul>
                {v.sectionComments.map((c) => (
                  <li key={c.sectionKey}>
                    <strong>{title(c.sectionKey)}</strong>：{c.comment}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
