import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import type {
  AnySheetView,
  IndicatorView,
  ObjectionView,
  SafetyOrgProblem,
  ScoreEvidence,
  ScoreView,
} from '../contracts';
import { uploadFile } from '../hazards/api';
import { useZoneTime } from '../incidents/ui';
import { assessmentKeys, fetchSheet, fileObjection, replyObjection, scoreManual } from './api';
import './assessments.css';
import { useAssessmentsT, useMetricLabel } from './i18n';

/**
 * One enterprise's or zone department's sheet: each indicator's points with the evidence behind
 * them, a department's duty list, and an enterprise's objections.
 */
export function SheetPage() {
  const { id = '' } = useParams();
  const { t } = useAssessmentsT();
  const zoneTime = useZoneTime();
  const sheet = useQuery({
    queryKey: assessmentKeys.sheet(id),
    queryFn: ({ signal }) => fetchSheet(id, signal),
  });
  const s = sheet.data;
  return (
    <div className="page">
      <p>
        <Link to="/assessments">{t('sheet.back')}</Link>
      </p>
      <QueryState query={sheet} />
      {s && (
        <>
          <PageHeader
            title={
              s.department
                ? t('sheet.departmentTitle', { department: s.department, year: s.year })
                : t('sheet.title', { enterprise: s.enterpriseName, year: s.year })
            }
          >
            {s.computedAt && t('sheet.computedAt', { time: zoneTime(s.computedAt) })}
          </PageHeader>
          <section className="card assessment-summary" data-testid="sheet-summary">
            <div>
              <span className="assessment-summary__value" data-testid="sheet-total">
                {s.total}
              </span>
              <span className="assessment-summary__label">{t('sheet.total')}</span>
            </div>
            <div>
              <span
                className={`assessment-summary__value assessment-band--${s.band}`}
                data-testid="sheet-band"
              >
                {t(`band.${s.band}`)}
              </span>
              <span className="assessment-summary__label">{t('sheet.band')}</span>
            </div>
            {s.published && (
              <div>
                <span className="assessment-summary__value">{s.rank}</span>
                <span className="assessment-summary__label">{t('sheet.rank')}</span>
              </div>
            )}
            {s.vetoed && <p className="field__error">{t('sheet.vetoed')}</p>}
          </section>
          {s.department && <Duties duties={s.duties} />}
          <Scores sheet={s} />
          {s.enterpriseId && <Objections sheet={s} />}
        </>
      )}
    </div>
  );
}

function Duties({ duties }: { duties: string[] }) {
  const { t } = useAssessmentsT();
  return (
    <section className="card" aria-labelledby="duties-title">
      <h2 id="duties-title" className="card__title">
        {t('sheet.duties')}
      </h2>
      <ol className="assessment-duties" data-testid="sheet-duties">
        {duties.map((d, n) => (
          <li key={n}>{d}</li>
        ))}
      </ol>
    </section>
  );
}

function Scores({ sheet }: { sheet: AnySheetView }) {
  const { t } = useAssessmentsT();
  const metricLabel = useMetricLabel();
  const session = useSession();
  const canScore = !sheet.published && ['inspector', 'zone_admin'].includes(session?.user.role ?? '');
  const byIndicator = new Map(sheet.scores.map((s) => [s.indicatorId, s]));
  return (
    <section className="card" aria-labelledby="scores-title">
      <h2 id="scores-title" className="card__title">
        {t('scheme.indicators')}
      </h2>
      <div className="table-wrap">
        <table className="table" data-testid="sheet-scores">
          <thead>
            <tr>
              <th scope="col">{t('indicator.group')}</th>
              <th scope="col">{t('indicator.name')}</th>
              <th scope="col">{t('indicator.weight')}</th>
              <th scope="col">{t('sheet.points')}</th>
              <th scope="col">{t('sheet.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.scheme.indicators.map((i) => {
              const score = byIndicator.get(i.id)!;
              return (
                <tr key={i.id} data-testid={`score-${i.metric}`}>
                  <td>{i.group}</td>
                  <td>
                    {i.name}
                    <div className="cell-sub">{metricLabel(i.metric)}</div>
                  </td>
                  <td>{i.weight}</td>
                  <td className="assessment-points">{score.points ?? t('sheet.notScored')}</td>
                  <td>
                    <Evidence indicator={i} score={score} />
                    {canScore && i.metric === 'manual' && (
                      <ManualScoreForm sheetId={sheet.id} indicator={i} score={score} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Evidence({ indicator, score }: { indicator: IndicatorView; score: ScoreView }) {
  const { t } = useAssessmentsT();
  if (indicator.metric === 'manual') {
    return (
      <>
        {score.note && <div>{score.note}</div>}
        {score.files.length > 0 && (
          <div className="cell-sub">{score.files.map((f) => f.name).join('、')}</div>
        )}
        {score.scoredBy && <div className="cell-sub">{t('sheet.scoredBy', { name: score.scoredBy })}</div>}
      </>
    );
  }
  const e: ScoreEvidence = score.evidence ?? {};
  switch (indicator.metric) {
    case 'major_hazard_rectification':
    case 'on_time_rectification':
    case 'supervised_major_hazards':
      return (
        <>
          {e.denominator
            ? t('evidence.rate', { numerator: e.numerator, denominator: e.denominator })
            : t('evidence.none')}
        </>
      );
    case 'overdue_hazards':
    case 'supervised_overdue_hazards':
      return <>{t('evidence.count', { count: e.count ?? 0 })}</>;
    case 'supervised_inspections':
      return (
        <>
          {e.denominator
            ? t('evidence.inspections', {
                numerator: e.numerator,
                denominator: e.denominator,
                count: e.count,
              })
            : t('evidence.none')}
          {(e.items ?? []).length > 0 && <div className="cell-sub">{e.items!.join('、')}</div>}
        </>
      );
    case 'training_coverage':
      return (
        <>
          {e.denominator
            ? t('evidence.training', { numerator: e.numerator, denominator: e.denominator })
            : t('evidence.none')}
          {(e.items ?? []).length > 0 && (
            <div className="cell-sub">
              {e
                .items!.map((item) => {
                  const [name, hours] = item.split(':');
                  return t('evidence.trainingShort', { name, hours });
                })
                .join('、')}
            </div>
          )}
        </>
      );
    case 'operation_certificates':
      return (
        <>
          {e.denominator
            ? t('evidence.certificates', { numerator: e.numerator, denominator: e.denominator })
            : t('evidence.none')}
          {(e.items ?? []).length > 0 && (
            <div className="cell-sub">
              {e
                .items!.map((item) => {
                  const [name, operation, lapse] = item.split(':');
                  return t(
                    `evidence.certificateLapse.${lapse === 'expired' ? 'expired' : 'review_overdue'}`,
                    {
                      name,
                      operation,
                    },
                  );
                })
                .join('、')}
            </div>
          )}
        </>
      );
    case 'safety_funds':
      return (
        <>
          {e.denominator == null
            ? t('evidence.fundsUnreported', { setAside: money(e.numerator ?? 0) })
            : t('evidence.funds', { setAside: money(e.numerator ?? 0), required: money(e.denominator) })}
        </>
      );
    case 'work_plan':
      return (
        <>
          {e.denominator
            ? t('evidence.workPlan', { numerator: e.numerator, denominator: e.denominator })
            : t('evidence.workPlanNone')}
          {(e.items ?? []).length > 0 && (
            <div className="cell-sub">
              {e
                .items!.map((item) => {
                  const [what, state, count] = item.split(':');
                  return what === 'plan'
                    ? t(state === 'late' ? 'evidence.workPlanLate' : 'evidence.workPlanMissing')
                    : t(state === 'late' ? 'evidence.quartersLate' : 'evidence.quartersMissing', {
                        count: Number(count),
                      });
                })
                .join('、')}
            </div>
          )}
        </>
      );
    case 'safety_office':
      return (
        <>
          {(e.items ?? []).length === 0
            ? t('evidence.safetyOfficeMet')
            : e.items!.map((p) => t(`evidence.safetyOffice.${p as SafetyOrgProblem}`)).join('、')}
        </>
      );
    case 'responsibility_statements':
      return (
        <>
          {e.denominator
            ? t('evidence.statements', { numerator: e.numerator, denominator: e.denominator })
            : t('evidence.statementsNone')}
        </>
      );
    case 'drill_duties':
      return (
        <>
          {e.denominator
            ? t('evidence.drills', { numerator: e.numerator, denominator: e.denominator, count: e.count })
            : t('evidence.none')}
          {(e.items ?? []).length > 0 && <div className="cell-sub">{e.items!.join('、')}</div>}
        </>
      );
    case 'reports_on_time':
      return (
        <>
          {e.denominator
            ? t('evidence.reports', { denominator: e.denominator, count: e.count })
            : t('evidence.none')}
        </>
      );
    case 'incidents':
      return <SeverityCounts evidence={e} />;
    case 'alarm_handling':
      return (
        <>
          {e.value == null
            ? t('evidence.noAlarms')
            : t('evidence.alarms', { value: e.value, numerator: e.numerator, denominator: e.denominator })}
        </>
      );
  }
  // A measure this console does not word yet: its figures as they are.
  return (
    <>
      {e.denominator
        ? t('evidence.rate', { numerator: e.numerator, denominator: e.denominator })
        : e.count !== undefined
          ? t('evidence.count', { count: e.count })
          : (e.value ?? t('evidence.none'))}
    </>
  );
}

const money = (yuan: number) =>
  yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function SeverityCounts({ evidence }: { evidence: ScoreEvidence }) {
  const { t } = useAssessmentsT();
  const entries = Object.entries(evidence.bySeverity ?? {});
  return (
    <>
      {t('evidence.incidents', { count: evidence.count ?? 0 })}
      {entries.length > 0 && (
        <div className="cell-sub">
          {entries.map(([severity, n]) => `${t(`severity.${severity as 'ordinary'}`)} ${n}`).join('，')}
        </div>
      )}
    </>
  );
}

function ManualScoreForm({
  sheetId,
  indicator,
  score,
}: {
  sheetId: string;
  indicator: IndicatorView;
  score: ScoreView;
}) {
  const { t } = useAssessmentsT();
  const queryClient = useQueryClient();
  const [points, setPoints] = useState(score.points === null ? '' : String(score.points));
  const [note, setNote] = useState(score.note);
  const [fileIds, setFileIds] = useState<string[]>(score.files.map((f) => f.id));
  const [upload, setUpload] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const save = useMutation({
    mutationFn: () => scoreManual(sheetId, indicator.id, { points: Number(points), note, fileIds }),
    onSuccess: (sheet) => {
      queryClient.setQueryData(assessmentKeys.sheet(sheetId), sheet);
      void queryClient.invalidateQueries({ queryKey: ['assessments', 'sheets'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const id = `manual-${indicator.id}`;
  return (
    <form className="assessment-manual" onSubmit={submit} aria-label={t('sheet.score')}>
      <label htmlFor={`${id}-points`}>{t('sheet.points')}</label>
      <input
        id={`${id}-points`}
        type="number"
        min={0}
        max={indicator.weight}
        step={0.5}
        required
        value={points}
        onChange={(e) => setPoints(e.target.value)}
      />
      <label htmlFor={`${id}-note`}>{t('sheet.note')}</label>
      <textarea
        id={`${id}-note`}
        required
        maxLength={4000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <label htmlFor={`${id}-files`}>{t('sheet.files')}</label>
      <input
        id={`${id}-files`}
        type="file"
        accept="application/pdf,image/jpeg,image/png,image/webp"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setUpload({ busy: true, error: null });
          uploadFile(file).then(
            (f) => {
              setFileIds((ids) => [...ids, f.id]);
              setUpload({ busy: false, error: null });
            },
            (error: unknown) => setUpload({ busy: false, error }),
          );
        }}
      />
      {upload.error !== null && <ErrorNotice error={upload.error} />}
      {save.isError && <ErrorNotice error={save.error} />}
      <button
        type="submit"
        className="button button--small button--primary"
        disabled={save.isPending || upload.busy}
      >
        {t('sheet.scoreSave')}
      </button>
    </form>
  );
}

function Objections({ sheet }: { sheet: AnySheetView }) {
  const { t } = useAssessmentsT();
  const session = useSession();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const file = useMutation({
    mutationFn: () => fileObjection(sheet.id, text),
    onSuccess: (updated) => {
      setText('');
      queryClient.setQueryData(assessmentKeys.sheet(sheet.id), updated);
    },
  });
  if (!sheet.published) return null;
  const isOfficer = session?.user.role === 'enterprise_officer';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    file.mutate();
  };
  return (
    <section className="card" aria-labelledby="objections-title">
      <h2 id="objections-title" className="card__title">
        {t('objections.title')}
      </h2>
      <p className="field__hint">
        {sheet.objectionOpen
          ? t('objections.until', { until: sheet.scheme.objectionsUntil })
          : t('objections.closed')}
      </p>
      {sheet.objections.length === 0 ? (
        <p className="card__text">{t('objections.empty')}</p>
      ) : (
        <ul className="assessment-objections" data-testid="sheet-objections">
          {sheet.objections.map((o) => (
            <ObjectionItem
              key={o.id}
              sheetId={sheet.id}
              objection={o}
              canReply={session?.user.role === 'zone_admin'}
            />
          ))}
        </ul>
      )}
      {isOfficer && sheet.objectionOpen && (
        <form className="form" onSubmit={submit} data-testid="objection-form">
          <div className="field">
            <label htmlFor="objection-text">{t('objections.text')}</label>
            <textarea
              id="objection-text"
              required
              minLength={2}
              maxLength={4000}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          {file.isError && <ErrorNotice error={file.error} />}
          <div className="form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={file.isPending}
              data-testid="objection-submit"
            >
              {t('objections.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function ObjectionItem({
  sheetId,
  objection,
  canReply,
}: {
  sheetId: string;
  objection: ObjectionView;
  canReply: boolean;
}) {
  const { t } = useAssessmentsT();
  const zoneTime = useZoneTime();
  const queryClient = useQueryClient();
  const [reply, setReply] = useState('');
  const send = useMutation({
    mutationFn: () => replyObjection(objection.id, reply),
    onSuccess: (updated) => queryClient.setQueryData(assessmentKeys.sheet(sheetId), updated),
  });
  return (
    <li className="assessment-objection">
      <p className="assessment-objection__text">{objection.text}</p>
      <p className="cell-sub">
        {t('objections.filedBy', { name: objection.filedBy, time: zoneTime(objection.filedAt) })}
      </p>
      {objection.reply !== null ? (
        <div className="assessment-objection__reply">
          <strong>{t('objections.reply')}：</strong>
          {objection.reply}
          <p className="cell-sub">
            {t('objections.replied', {
              name: objection.repliedBy ?? '',
              time: zoneTime(objection.repliedAt),
            })}
          </p>
        </div>
      ) : canReply ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <label htmlFor={`reply-${objection.id}`}>{t('objections.reply')}</label>
          <textarea
            id={`reply-${objection.id}`}
            required
            minLength={2}
            maxLength={4000}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
          />
          {send.isError && <ErrorNotice error={send.error} />}
          <div className="form__actions">
            <button type="submit" className="button button--small button--primary" disabled={send.isPending}>
              {t('objections.replySubmit')}
            </button>
          </div>
        </form>
      ) : (
        <p className="cell-sub">{t('objections.awaiting')}</p>
      )}
    </li>
  );
}
