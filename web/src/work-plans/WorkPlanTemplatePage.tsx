import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import {
  WORK_PLAN_SECTION_KINDS,
  ZONE_WORK_PLAN_SECTIONS,
  type WorkPlanSectionKind,
  type WorkPlanTemplateSection,
  type WorkPlanTemplateView,
} from '../contracts';
import { usePublishTemplate, useSaveTemplate, useTemplates } from './api';
import { useWorkPlansT } from './i18n';
import './work-plans.css';

/** The zone's template for a year: drafted from last year's (or the zone's plan), then published. */
export function WorkPlanTemplatePage() {
  const { year: param = '' } = useParams();
  const year = Number(param);
  const { t } = useWorkPlansT();
  const templates = useTemplates();
  const session = useSession();
  const editable = session?.user.role === 'zone_admin';
  if (!templates.data) return <QueryState query={templates} />;
  const found = templates.data.items.find((x) => x.year === year) ?? null;
  const previous = templates.data.items.find((x) => x.year < year);
  return (
    <div className="page">
      <PageHeader title={found?.title ?? t('template.heading', { year })}>
        {found ? t('template.deadline', { date: found.submissionDeadline }) : t('template.none')}
      </PageHeader>
      <p>
        <Link to={`/work-plans?year=${year}`}>{t('back')}</Link>
      </p>
      {editable ? (
        <TemplateForm
          key={found?.updatedAt ?? 'new'}
          year={year}
          template={found}
          start={previous?.sections ?? ZONE_WORK_PLAN_SECTIONS}
        />
      ) : (
        found && <TemplateSections sections={found.sections} />
      )}
    </div>
  );
}

function TemplateSections({ sections }: { sections: WorkPlanTemplateSection[] }) {
  const { t } = useWorkPlansT();
  return (
    <div data-testid="work-plan-template">
      {sections.map((s) => (
        <section key={s.key} className="wp-section">
          <h2>
            {s.title} <small>{t(`template.kind.${s.kind}`)}</small>
          </h2>
          {s.guidance && <p className="wp-guidance">{s.guidance}</p>}
          {s.tasks.length > 0 && (
            <ul>
              {s.tasks.map((x) => (
                <li key={x.key}>
                  <strong>{x.heading}</strong>{' '}
                  {x.guidance && <span className="wp-guidance">{x.guidance}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** A key for a new section or task: unique, short, of the characters the server accepts. */
const newKey = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

function TemplateForm({
  year,
  template,
  start,
}: {
  year: number;
  template: WorkPlanTemplateView | null;
  start: WorkPlanTemplateSection[];
}) {
  const { t } = useWorkPlansT();
  const save = useSaveTemplate(template?.id ?? null);
  const publish = usePublishTemplate();
  const frozen = template?.status === 'published';
  const [title, setTitle] = useState(template?.title ?? t('template.defaultTitle', { year }));
  const [deadline, setDeadline] = useState(template?.submissionDeadline ?? `${year}-03-31`);
  const [sections, setSections] = useState<WorkPlanTemplateSection[]>(template?.sections ?? start);
  const setSection = (i: number, change: Partial<WorkPlanTemplateSection>) =>
    setSections((all) => all.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      ...(template ? {} : { year }),
      title,
      submissionDeadline: deadline,
      ...(frozen ? {} : { sections }),
    });
  };
  return (
    <form className="form" onSubmit={submit} data-testid="work-plan-template-form">
      <div className="form__row">
        <div className="field">
          <label htmlFor="wpt-title">{t('template.titleLabel')}</label>
          <input id="wpt-title" value={title} onChange={(e) => setTitle(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="wpt-deadline">{t('template.deadlineLabel')}</label>
          <input
            id="wpt-deadline"
            type="date"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            required
          />
        </div>
      </div>
      <h2>{t('template.sections')}</h2>
      {frozen && <p className="wp-guidance">{t('template.frozen')}</p>}
      {frozen ? (
        <TemplateSections sections={sections} />
      ) : (
        sections.map((s, i) => (
          <fieldset key={s.key} className="wp-section">
            <div className="form__row">
              <div className="field">
                <label htmlFor={`wpt-s${i}-title`}>{t('template.sectionTitle')}</label>
                <input
                  id={`wpt-s${i}-title`}
                  value={s.title}
                  onChange={(e) => setSection(i, { title: e.target.value })}
                  required
                />
              </div>
              <div className="field">
                <label htmlFor={`wpt-s${i}-kind`}>{t('template.sectionKind')}</label>
                <select
                  id={`wpt-s${i}-kind`}
                  value={s.kind}
                  onChange={(e) => {
                    const kind = e.target.value as WorkPlanSectionKind;
                    setSection(i, { kind, tasks: kind === 'tasks' ? s.tasks : [] });
                  }}
                >
                  {WORK_PLAN_SECTION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`template.kind.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="field">
              <label htmlFor={`wpt-s${i}-guidance`}>{t('template.guidance')}</label>
              <textarea
                id={`wpt-s${i}-guidance`}
                rows={2}
                value={s.guidance}
                onChange={(e) => setSection(i, { guidance: e.target.value })}
              />
            </div>
            {s.tasks.map((x, j) => (
              <div key={x.key} className="form__row wp-task-row">
                <div className="field">
                  <label htmlFor={`wpt-s${i}-t${j}`}>{t('template.taskHeading')}</label>
                  <input
                    id={`wpt-s${i}-t${j}`}
                    value={x.heading}
                    required
                    onChange={(e) =>
                      setSection(i, {
                        tasks: s.tasks.map((y, k) => (k === j ? { ...y, heading: e.target.value } : y)),
                      })
                    }
                  />
                </div>
                <div className="field">
                  <label htmlFor={`wpt-s${i}-t${j}-g`}>{t('template.guidance')}</label>
                  <input
                    id={`wpt-s${i}-t${j}-g`}
                    value={x.guidance}
                    onChange={(e) =>
                      setSection(i, {
                        tasks: s.tasks.map((y, k) => (k === j ? { ...y, guidance: e.target.value } : y)),
                      })
                    }
                  />
                </div>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setSection(i, { tasks: s.tasks.filter((_, k) => k !== j) })}
                >
                  {t('template.removeTask')}
                </button>
              </div>
            ))}
            <div className="form__actions">
              {s.kind === 'tasks' && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    setSection(i, { tasks: [...s.tasks, { key: newKey('t'), heading: '', guidance: '' }] })
                  }
                >
                  {t('template.addTask')}
                </button>
              )}
              <button
                type="button"
                className="button button--small"
                onClick={() => setSections((all) => all.filter((_, k) => k !== i))}
              >
                {t('template.removeSection')}
              </button>
            </div>
          </fieldset>
        ))
      )}
      {!frozen && (
        <p>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              setSections((all) => [
                ...all,
                { key: newKey('s'), kind: 'tasks', title: '', guidance: '', tasks: [] },
              ])
            }
          >
            {t('template.addSection')}
          </button>
        </p>
      )}
      {save.isError && <ErrorNotice error={save.error} />}
      {publish.isError && <ErrorNotice error={publish.error} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('template.save')}
        </button>
        {template && !frozen && (
          <button
            type="button"
            className="button button--primary"
            disabled={publish.isPending}
            onClick={() => window.confirm(t('template.confirmPublish')) && publish.mutate(template.id)}
          >
            {t('template.publish')}
          </button>
        )}
      </div>
    </form>
  );
}
