import './hazards.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import {
  type FileView,
  GOVERNANCE_PLAN_FIELDS,
  type GovernancePlan,
  type HazardAction,
  type HazardDetailView,
} from '../contracts';
import { formatDateTime } from '../lib/format';
import { useHazard, useHazardTransition, useUpdateHazard } from './api';
import { HazardLevelBadge, HazardStatusBadge, SupervisionBadge } from './badges';
import { MajorClosing } from './MajorClosing';
import { PhotoInput, PhotoStrip } from './photos';

/** One hazard: its record, the five in place, the governance plan, the workflow and its history. */
export function HazardPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const config = usePublicConfig();
  const tz = config.data?.timeZone ?? 'Asia/Shanghai';
  const hazard = useHazard(id);

  if (hazard.isPending) return <Loading />;
  if (hazard.isError) return <ErrorNotice error={hazard.error} onRetry={() => void hazard.refetch()} />;
  const h = hazard.data;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language, tz) : t('common.none'));

  return (
    <div className="page">
      <PageHeader
        title={`${h.code} · ${h.place}`}
        actions={
          <Link className="button" to="/hazards">
            {t('hazards.backToLedger')}
          </Link>
        }
      >
        {h.enterpriseName}
      </PageHeader>
      <div className="hazard-layout">
        <section className="card" aria-labelledby="hz-record">
          <h2 id="hz-record" className="card__title">
            {t('hazards.record')}
          </h2>
          <p>
            <HazardLevelBadge level={h.level} /> <HazardStatusBadge status={h.status} overdue={h.overdue} />{' '}
            <SupervisionBadge listed={h.listedSupervision} />
          </p>
          <dl className="details">
            <dt>{t('hazards.field.description')}</dt>
            <dd>{h.description}</dd>
            <dt>{t('hazards.field.category')}</dt>
            <dd>{t(`hazards.category.${h.category}`)}</dd>
            <dt>{t('hazards.field.source')}</dt>
            <dd>
              {t(`hazards.source.${h.source}`)}
              {h.riskPointId && (
                <>
                  {' · '}
                  <Link to={`/risks/${h.riskPointId}`} data-testid="hazard-risk-point">
                    {t('hazards.riskPointLink')}
                  </Link>
                </>
              )}
            </dd>
            <dt>{t('hazards.field.foundBy')}</dt>
            <dd>
              {h.foundBy} · {when(h.foundAt)}
            </dd>
            {h.level === 'major' && (
              <>
                <dt>{t('hazards.field.harmAnalysis')}</dt>
                <dd data-testid="hazard-harm-analysis">{h.harmAnalysis ?? t('common.none')}</dd>
              </>
            )}
            {h.reportedToZoneAt && (
              <>
                <dt>{t('hazards.field.reportedToZoneAt')}</dt>
                <dd>{when(h.reportedToZoneAt)}</dd>
              </>
            )}
          </dl>
          <PhotoStrip photos={h.photos} />
          <FiveInPlace hazard={h} />
          {h.level === 'major' && <GovernancePlanCard hazard={h} />}
        </section>
        <div>
          <Workflow hazard={h} />
          {h.level === 'major' && <MajorClosing hazard={h} />}
          <section className="card" aria-labelledby="hz-history">
            <h2 id="hz-history" className="card__title">
              {t('hazards.history')}
            </h2>
            <ol className="hazard-history" data-testid="hazard-history">
              {h.history.map((step) => (
                <li key={step.id} className="hazard-history__item">
                  <div className="hazard-history__head">
                    <strong>{t(`hazards.action.${step.action}`)}</strong>
                    <span className="cell-sub">
                      {step.actorName} · {when(step.at)}
                    </span>
                  </div>
                  {step.comment && <p className="hazard-history__comment">{step.comment}</p>}
                  <PhotoStrip photos={step.photos} />
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </div>
  );
}

const EDITABLE = ['found', 'rectifying'];
/** Who may edit a hazard; the server checks the enterprise and the rest. */
const WORKERS: string[] = ['zone_admin', 'inspector', 'enterprise_officer'];

function FiveInPlace({ hazard: h }: { hazard: HazardDetailView }) {
  const { t } = useTranslation();
  const update = useUpdateHazard(h.id);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({
    measures: h.measures ?? '',
    responsiblePerson: h.responsiblePerson ?? '',
    funds: h.funds ?? '',
    deadline: h.deadline ?? '',
    contingencyPlanRef: h.contingencyPlanRef ?? '',
  });
  const session = useSession();
  const canEdit = EDITABLE.includes(h.status) && WORKERS.includes(session?.user.role ?? '');
  if (!editing) {
    return (
      <div className="five-in-place">
        <h3>{t('hazards.fiveInPlace')}</h3>
        <dl className="details">
          <dt>{t('hazards.field.measures')}</dt>
          <dd>{h.measures ?? t('common.none')}</dd>
          <dt>{t('hazards.field.responsiblePerson')}</dt>
          <dd>{h.responsiblePerson ?? t('common.none')}</dd>
          <dt>{t('hazards.field.funds')}</dt>
          <dd>{h.funds ?? t('common.none')}</dd>
          <dt>{t('hazards.field.deadline')}</dt>
          <dd>{h.deadline ?? t('common.none')}</dd>
          <dt>{t('hazards.field.contingencyPlan')}</dt>
          <dd>{h.contingencyPlanRef ?? t('common.none')}</dd>
        </dl>
        {canEdit && (
          <button type="button" className="button button--small" onClick={() => setEditing(true)}>
            {t('hazards.edit')}
          </button>
        )}
      </div>
    );
  }
  const field = (key: keyof typeof draft, type = 'text') => (
    <div className="field">
      <label htmlFor={`fip-${key}`}>
        {t(`hazards.field.${key === 'contingencyPlanRef' ? 'contingencyPlan' : key}`)}
      </label>
      <input
        id={`fip-${key}`}
        type={type}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </div>
  );
  return (
    <form
      className="form five-in-place"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate(
          {
            measures: draft.measures || null,
            responsiblePerson: draft.responsiblePerson || null,
            funds: draft.funds || null,
            deadline: draft.deadline || null,
            contingencyPlanRef: draft.contingencyPlanRef || null,
          },
          { onSuccess: () => setEditing(false) },
        );
      }}
    >
      <h3>{t('hazards.fiveInPlace')}</h3>
      {field('measures')}
      {field('responsiblePerson')}
      {field('funds')}
      {field('deadline', 'date')}
      {field('contingencyPlanRef')}
      {update.isError && <ErrorNotice error={update.error} />}
      <div className="form__actions">
        <button type="button" className="button" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {t('hazards.save')}
        </button>
      </div>
    </form>
  );
}

function GovernancePlanCard({ hazard: h }: { hazard: HazardDetailView }) {
  const { t } = useTranslation();
  const update = useUpdateHazard(h.id);
  const empty = Object.fromEntries(GOVERNANCE_PLAN_FIELDS.map((f) => [f, ''])) as unknown as GovernancePlan;
  const [draft, setDraft] = useState<GovernancePlan>(h.governancePlan ?? empty);
  const [editing, setEditing] = useState(false);
  const session = useSession();
  const editable = EDITABLE.includes(h.status) && WORKERS.includes(session?.user.role ?? '');
  return (
    <div className="governance-plan" data-testid="governance-plan">
      <h3>{t('hazards.governancePlan')}</h3>
      {!h.governancePlan && !editing && (
        <p className="notice notice--warning">{t('hazards.governancePlanMissing')}</p>
      )}
      {editing ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ governancePlan: draft }, { onSuccess: () => setEditing(false) });
          }}
        >
          {GOVERNANCE_PLAN_FIELDS.map((f) => (
            <div className="field" key={f}>
              <label htmlFor={`gp-${f}`}>{t(`hazards.plan.${f}`)}</label>
              <textarea
                id={`gp-${f}`}
                rows={2}
                required
                value={draft[f]}
                onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
              />
            </div>
          ))}
          {update.isError && <ErrorNotice error={update.error} />}
          <div className="form__actions">
            <button type="button" className="button" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={update.isPending}>
              {t('hazards.save')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {h.governancePlan && (
            <dl className="details">
              {GOVERNANCE_PLAN_FIELDS.map((f) => (
                <div key={f}>
                  <dt>{t(`hazards.plan.${f}`)}</dt>
                  <dd>{h.governancePlan![f]}</dd>
                </div>
              ))}
            </dl>
          )}
          {editable && (
            <button type="button" className="button button--small" onClick={() => setEditing(true)}>
              {t('hazards.edit')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

/** The buttons of the closed loop the caller may use now, with a comment and photos. */
function Workflow({ hazard: h }: { hazard: HazardDetailView }) {
  const { t } = useTranslation();
  const transition = useHazardTransition(h.id);
  const [comment, setComment] = useState('');
  const [photos, setPhotos] = useState<FileView[]>([]);
  if (!h.allowedActions.length) {
    return (
      <section className="card" aria-labelledby="hz-workflow">
        <h2 id="hz-workflow" className="card__title">
          {t('hazards.workflow')}
        </h2>
        <p className="cell-sub">{t(h.status === 'closed' ? 'hazards.closedNote' : 'hazards.noActions')}</p>
      </section>
    );
  }
  const run = (action: HazardAction) =>
    transition.mutate(
      { action, comment: comment || undefined, photoIds: photos.map((p) => p.id) },
      {
        onSuccess: () => {
          setComment('');
          setPhotos([]);
        },
      },
    );
  return (
    <section className="card" aria-labelledby="hz-workflow" data-testid="hazard-workflow">
      <h2 id="hz-workflow" className="card__title">
        {t('hazards.workflow')}
      </h2>
      <div className="field">
        <label htmlFor="hz-comment">{t('hazards.comment')}</label>
        <textarea id="hz-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <PhotoInput value={photos} onChange={setPhotos} />
      {transition.isError && <ErrorNotice error={transition.error} />}
      <div className="form__actions">
        {h.allowedActions.map((a) => (
          <button
            key={a}
            type="button"
            className={`button ${a === 'reject' ? 'button--danger' : 'button--primary'}`}
            disabled={transition.isPending}
            data-testid={`action-${a}`}
            onClick={() => run(a)}
          >
            {t(`hazards.action.${a}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
