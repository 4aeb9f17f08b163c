import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../lib/format';
import {
  REVISION_TRIGGERS,
  type PlanDetailView,
  type PlanSection,
  type PlanVersionView,
  type RevisionTrigger,
} from '../contracts';
import {
  createVersion,
  deleteVersion,
  fetchPlan,
  fetchVersion,
  ownerKey,
  updatePlan,
  updateVersion,
  versionAction,
  type WorkflowAction,
} from './api';
import { CardsSection } from './CardsSection';
import { FilingFact } from './FilingDialog';
import { PaperworkSection } from './PaperworkSection';
import { useCanEdit } from './hooks';
import { LevelsSection } from './LevelsSection';
import { PlanStatusBadge } from './ui';
import './plans.css';
import { usePlansT } from './i18n';

/** One plan: its versions and workflow, and the chosen version's sections, levels and cards. */
export function PlanPage() {
  const { t } = usePlansT();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const plan = useQuery({ queryKey: ['plans', 'plan', id], queryFn: ({ signal }) => fetchPlan(id, signal) });
  const versionId = params.get('version') ?? plan.data?.published?.id ?? plan.data?.versions[0]?.id;
  const version = useQuery({
    queryKey: ['plans', 'version', versionId],
    queryFn: ({ signal }) => fetchVersion(versionId!, signal),
    enabled: Boolean(versionId),
  });
  const canEdit = useCanEdit(plan.data?.enterpriseId);

  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorNotice error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  const select = (vid: string) => {
    const next = new URLSearchParams(params);
    next.set('version', vid);
    next.delete('level');
    setParams(next);
  };

  return (
    <div className="page plan-page">
      <p>
        <Link to="/plans">← {t('title')}</Link>
      </p>
      <PageHeader title={p.title} actions={canEdit && <PlanTitleButton plan={p} />}>
        {t(`type.${p.type}`)} · {p.enterpriseName ?? t('zoneOwner')}
        {p.code && ` · ${p.code}`}
      </PageHeader>
      <dl className="facts">
        <dt>{t('scope')}</dt>
        <dd>{p.scope || t('common.none')}</dd>
        <dt>{t('hazards')}</dt>
        <dd>{p.hazards.map((h) => t(`hazard.${h}`)).join('、') || t('common.none')}</dd>
        <dt>{t('appliesTo')}</dt>
        <dd>
          {p.incidentCategories.length
            ? p.incidentCategories.map((c) => t(`category.${c}`)).join('、')
            : t('allIncidents')}
        </dd>
        <dt>{t('responsibility.title')}</dt>
        <dd>
          <Link to={`/responsibility/${ownerKey(p.enterpriseId)}`}>{t('responsibilityLink')}</Link>
        </dd>
      </dl>

      <nav className="plan-versions" aria-label={t('versions')}>
        {p.versions.map((v) => (
          <button
            key={v.id}
            type="button"
            className={`plan-version-tab${v.id === versionId ? ' plan-version-tab--current' : ''}`}
            aria-current={v.id === versionId ? 'page' : undefined}
            onClick={() => select(v.id)}
          >
            v{v.number} {v.label} <PlanStatusBadge status={v.status} />
          </button>
        ))}
      </nav>

      {version.isPending && versionId && <Loading />}
      {version.isError && <ErrorNotice error={version.error} />}
      {version.data && <VersionView plan={p} version={version.data} canEdit={canEdit} onSelect={select} />}
    </div>
  );
}

function VersionView({
  plan,
  version,
  canEdit,
  onSelect,
}: {
  plan: PlanDetailView;
  version: PlanVersionView;
  canEdit: boolean;
  onSelect: (id: string) => void;
}) {
  const { t, i18n } = usePlansT();
  const config = usePublicConfig();
  const timeZone = config.data?.timeZone ?? 'Asia/Shanghai';
  const editable = canEdit && version.status === 'draft';
  return (
    <>
      <section className="card" aria-label={t('workflow.title')}>
        <div className="plan-workflow">
          <div>
            <strong>
              v{version.number} {version.label}
            </strong>{' '}
            <PlanStatusBadge status={version.status} />
            {version.changeSummary && <p className="card__text">{version.changeSummary}</p>}
            {version.revisionTriggers.length > 0 && (
              <p className="card__hint">
                {t('revisionTriggers')}: {version.revisionTriggers.map((r) => t(`trigger.${r}`)).join('、')}
              </p>
            )}
          </div>
          <dl className="facts plan-dates">
            <dt>{t('publishedAt')}</dt>
            <dd>
              {version.publishedAt
                ? `${formatDateTime(version.publishedAt, i18n.language, timeZone)} · ${version.publishedBy ?? ''}`
                : t('common.none')}
            </dd>
            <dt>{t('reviewDue')}</dt>
            <dd>{version.reviewDueOn ?? t('common.none')}</dd>
            <dt>{t('evaluationDue')}</dt>
            <dd>{version.evaluationDueOn ?? t('common.none')}</dd>
            <dt>{t('filingDue')}</dt>
            <dd>{version.filingDueOn ?? t('common.none')}</dd>
            <FilingFact version={version} canEdit={canEdit} />
          </dl>
          {canEdit && <WorkflowButtons plan={plan} version={version} onSelect={onSelect} />}
        </div>
      </section>

      <PaperworkSection version={version} canEdit={canEdit} />
      <LevelsSection plan={plan} version={version} editable={editable} canEditPolicies={canEdit} />
      <SectionsView key={`${version.id}-${version.updatedAt}`} version={version} editable={editable} />
      <CardsSection plan={plan} version={version} editable={editable} />
      {version.annexes.length > 0 && (
        <section className="plan-block">
          <h2>{t('annexes')}</h2>
          {version.annexes.map((a, i) => (
            <div key={i} className="plan-section">
              <h3>{a.title}</h3>
              <p className="plan-text">{a.body}</p>
            </div>
          ))}
        </section>
      )}
    </>
  );
}

function WorkflowButtons({
  plan,
  version,
  onSelect,
}: {
  plan: PlanDetailView;
  version: PlanVersionView;
  onSelect: (id: string) => void;
}) {
  const { t } = usePlansT();
  const queryClient = useQueryClient();
  const [revising, setRevising] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['plans'] });
  const act = useMutation({
    mutationFn: ({ action, note }: { action: WorkflowAction; note?: string }) =>
      versionAction(version.id, action, note),
    onSuccess: refresh,
  });
  const discard = useMutation({
    mutationFn: () => deleteVersion(version.id),
    onSuccess: async () => {
      await refresh();
      if (plan.published) onSelect(plan.published.id);
    },
  });
  return (
    <div className="plan-workflow__actions">
      {version.status === 'draft' && (
        <>
          <button
            type="button"
            className="button button--primary"
            onClick={() => act.mutate({ action: 'submit' })}
          >
            {t('workflow.submit')}
          </button>
          {version.number > 1 && (
            <button
              type="button"
              className="button button--danger"
              onClick={() => window.confirm(t('workflow.discardConfirm')) && discard.mutate()}
            >
              {t('workflow.discard')}
            </button>
          )}
        </>
      )}
      {version.status === 'in_review' && (
        <>
          <button
            type="button"
            className="button"
            onClick={() => {
              const note = window.prompt(t('workflow.returnNote'));
              if (note) act.mutate({ action: 'return', note });
            }}
          >
            {t('workflow.return')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => window.confirm(t('workflow.publishConfirm')) && act.mutate({ action: 'publish' })}
          >
            {t('workflow.publish')}
          </button>
        </>
      )}
      {!plan.open && (
        <button type="button" className="button" onClick={() => setRevising(true)}>
          {t('workflow.newVersion')}
        </button>
      )}
      {act.isError && <ErrorNotice error={act.error} compact />}
      {discard.isError && <ErrorNotice error={discard.error} compact />}
      <Dialog open={revising} title={t('workflow.newVersion')} onClose={() => setRevising(false)}>
        {revising && (
          <NewVersionForm
            planId={plan.id}
            onDone={(id) => {
              setRevising(false);
              onSelect(id);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

/** Renaming a plan: the title belongs to the plan, not to a version, so any version's page offers it. */
function PlanTitleButton({ plan }: { plan: PlanDetailView }) {
  const { t } = usePlansT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="plan-title-edit">
        {t('editTitle')}
      </button>
      <Dialog open={open} title={t('editTitle')} onClose={() => setOpen(false)}>
        {open && <PlanTitleForm plan={plan} onDone={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

function PlanTitleForm({ plan, onDone }: { plan: PlanDetailView; onDone: () => void }) {
  const { t } = usePlansT();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(plan.title);
  const save = useMutation({
    mutationFn: () => updatePlan(plan.id, { title: title.trim() }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['plans', 'plan', plan.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
      onDone();
    },
  });
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim() && !save.isPending) save.mutate();
      }}
    >
      <div className="field">
        <label htmlFor="plan-title">{t('planTitle')}</label>
        <input
          id="plan-title"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      {save.isError && <ErrorNotice error={save.error} compact />}
      <div className="form__actions">
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={!title.trim() || title.trim() === plan.title || save.isPending}
        >
          {save.isPending ? t('common.saving') : t('save')}
        </button>
      </div>
    </form>
  );
}

function NewVersionForm({ planId, onDone }: { planId: string; onDone: (versionId: string) => void }) {
  const { t } = usePlansT();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [summary, setSummary] = useState('');
  const [triggers, setTriggers] = useState<RevisionTrigger[]>([]);
  const create = useMutation({
    mutationFn: () => createVersion(planId, { label, changeSummary: summary, revisionTriggers: triggers }),
    onSuccess: async (v) => {
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
      onDone(v.id);
    },
  });
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <p className="form__intro">{t('workflow.newVersionIntro')}</p>
      <div className="field">
        <label htmlFor="nv-label">{t('versionLabel')}</label>
        <input id="nv-label" value={label} onChange={(e) => setLabel(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="nv-summary">{t('changeSummary')}</label>
        <textarea id="nv-summary" required value={summary} onChange={(e) => setSummary(e.target.value)} />
      </div>
      <fieldset className="field plan-checks">
        <legend>{t('revisionTriggers')}</legend>
        {REVISION_TRIGGERS.map((r) => (
          <label key={r}>
            <input
              type="checkbox"
              checked={triggers.includes(r)}
              onChange={() =>
                setTriggers(triggers.includes(r) ? triggers.filter((x) => x !== r) : [...triggers, r])
              }
            />{' '}
            {t(`trigger.${r}`)}
          </label>
        ))}
      </fieldset>
      {create.isError && <ErrorNotice error={create.error} compact />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {t('create')}
        </button>
      </div>
    </form>
  );
}

function SectionsView({ version, editable }: { version: PlanVersionView; editable: boolean }) {
  const { t } = usePlansT();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PlanSection[]>(version.sections);
  const save = useMutation({
    mutationFn: () => updateVersion(version.id, { sections: draft }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans', 'version', version.id] }),
  });
  return (
    <section className="plan-block">
      <h2>{t('sections')}</h2>
      {draft.map((s, i) => (
        <div key={`${s.key}-${i}`} className="plan-section">
          <h3>{s.title}</h3>
          {editable ? (
            <textarea
              aria-label={s.title}
              className="plan-section__editor"
              value={s.body}
              onChange={(e) => setDraft(draft.map((x, j) => (j === i ? { ...x, body: e.target.value } : x)))}
            />
          ) : (
            <p className="plan-text">{s.body || t('emptySection')}</p>
          )}
        </div>
      ))}
      {editable && (
        <div className="form__actions">
          {save.isError && <ErrorNotice error={save.error} compact />}
          <button type="button" className="button button--primary" onClick={() => save.mutate()}>
            {save.isPending ? t('common.saving') : t('saveSections')}
          </button>
        </div>
      )}
    </section>
  );
}
