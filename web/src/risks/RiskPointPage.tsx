import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { downloadFile } from '../api/download';
import { usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ChoiceField } from '../components/ChoiceField';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import {
  LEC_C_VALUES,
  LEC_E_VALUES,
  LEC_L_VALUES,
  MATRIX_VALUES,
  RISK_CONTROL_TABLE,
  RISK_METHODS,
  gradeRisk,
  type RiskMethod,
  type RiskPointDetailView,
} from '../contracts';
import { formatDateTime } from '../lib/format';
import {
  cardPdfPath,
  useAssessRiskPoint,
  useDeleteRiskPoint,
  useGenerateRiskPlans,
  useRiskPoint,
  useSaveRiskPoint,
} from './api';
import { GradeBadge } from './GradeBadge';
import { useRisksT } from './i18n';
import { RiskPointForm } from './RiskPointForm';
import './risks.css';

/** One risk point: its hazards and measures, the assessment form with its grade as you pick, history. */
export function RiskPointPage() {
  const { id = '' } = useParams();
  const { t } = useRisksT();
  const navigate = useNavigate();
  const session = useSession();
  const point = useRiskPoint(id);
  const save = useSaveRiskPoint(id);
  const remove = useDeleteRiskPoint(id);
  const [editing, setEditing] = useState(false);
  const [cardError, setCardError] = useState<unknown>(null);
  const writer = session
    ? ['zone_admin', 'inspector', 'enterprise_officer'].includes(session.user.role)
    : false;

  if (point.isPending) return <Loading />;
  if (point.isError) return <ErrorNotice error={point.error} onRetry={() => void point.refetch()} />;
  const p = point.data;

  if (editing) {
    return (
      <div className="page page--narrow">
        <PageHeader title={t('editPoint')}>{p.name}</PageHeader>
        <RiskPointForm
          initial={p}
          officer
          busy={save.isPending}
          error={save.error}
          onSubmit={(input) => save.mutate(input, { onSuccess: () => setEditing(false) })}
          onCancel={() => setEditing(false)}
        />
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title={p.name}
        actions={
          <>
            <Link to="/risks" className="button">
              {t('back')}
            </Link>
            {p.post && (
              <Link
                to={`/risks/card?enterprise=${encodeURIComponent(p.enterpriseId)}&post=${encodeURIComponent(p.post)}`}
                className="button"
                data-testid="print-card"
              >
                {t('printCard')}
              </Link>
            )}
            {p.post && (
              <button
                type="button"
                className="button"
                data-testid="card-pdf"
                onClick={() => {
                  setCardError(null);
                  downloadFile(cardPdfPath(p.enterpriseId, p.post!), `${p.post}.pdf`).catch(setCardError);
                }}
              >
                {t('cardPdf')}
              </button>
            )}
            {writer && (
              <button type="button" className="button" onClick={() => setEditing(true)}>
                {t('editPoint')}
              </button>
            )}
            {writer && (
              <button
                type="button"
                className="button button--danger"
                disabled={remove.isPending}
                onClick={() => {
                  if (window.confirm(t('confirmDelete')))
                    remove.mutate(undefined, { onSuccess: () => void navigate('/risks') });
                }}
              >
                {t('deletePoint')}
              </button>
            )}
          </>
        }
      >
        {p.enterpriseName} · {p.place} · {t(`kind.${p.kind}`)}
        {p.post ? ` · ${t('field.post')}：${p.post}` : ''}
      </PageHeader>
      {remove.isError && <ErrorNotice error={remove.error} />}
      {cardError !== null && <ErrorNotice error={cardError} />}

      <div className="risk-point">
        <section className="risk-point__grade" data-testid="risk-point-grade">
          <GradeBadge grade={p.grade} />
          {p.score !== null && p.method && (
            <span>
              {' '}
              {p.method === 'lec' ? 'D' : 'R'} = {p.score}
            </span>
          )}
          {p.nextAssessmentOn && (
            <p className="cell-sub">
              {t('field.nextAssessmentOn')}：{p.nextAssessmentOn}
            </p>
          )}
          {p.grade && !p.controlLevelReached && (
            <p className="notice notice--warning">
              {t('levelGap', { level: t(`level.${RISK_CONTROL_TABLE[p.grade].level}`) })}
            </p>
          )}
        </section>

        <section>
          <h2>{t('field.hazards')}</h2>
          <ul>
            {p.hazards.map((h, i) => (
              <li key={i}>
                {h.factor} → {h.consequence}
              </li>
            ))}
          </ul>
          <h2>{t('field.measures')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('field.measure')}</th>
                <th scope="col">{t('field.level')}</th>
                <th scope="col">{t('field.person')}</th>
              </tr>
            </thead>
            <tbody>
              {p.measures.map((m) => (
                <tr key={m.id}>
                  <td>{m.text}</td>
                  <td>{t(`level.${m.level}`)}</td>
                  <td>{m.person}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('field.emergencyActions')}</h2>
          <ol>
            {p.emergencyActions.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ol>
        </section>

        <section data-testid="risk-open-hazards">
          <h2>{t('field.openHazards')}</h2>
          {p.openHazards.length === 0 ? (
            <p className="cell-sub">{t('noOpenHazards')}</p>
          ) : (
            <ul>
              {p.openHazards.map((h) => (
                <li key={h.id}>
                  <Link to={`/hazards/${h.id}`}>{h.code}</Link> {h.description}
                </li>
              ))}
            </ul>
          )}
        </section>

        {writer && <AssessForm point={p} />}
        {writer && <GeneratePlans enterpriseId={p.enterpriseId} />}
        <History point={p} />
      </div>
    </div>
  );
}

const FACTOR_VALUES = {
  l: { lec: LEC_L_VALUES, matrix: MATRIX_VALUES },
  e: LEC_E_VALUES,
  c: LEC_C_VALUES,
  s: MATRIX_VALUES,
};

function AssessForm({ point }: { point: RiskPointDetailView }) {
  const { t } = useRisksT();
  const { t: tc } = useTranslation();
  const assess = useAssessRiskPoint(point.id);
  const [method, setMethod] = useState<RiskMethod>(point.method ?? 'lec');
  const [l, setL] = useState(1);
  const [e, setE] = useState(1);
  const [c, setC] = useState(1);
  const [s, setS] = useState(1);
  const [note, setNote] = useState('');
  const preview = method === 'lec' ? gradeRisk('lec', { l, e, c }) : gradeRisk('matrix', { l, s });
  const select = (
    id: string,
    label: string,
    value: number,
    values: readonly number[],
    set: (v: number) => void,
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(ev) => set(Number(ev.target.value))}>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
  const lValues = FACTOR_VALUES.l[method];
  return (
    <form
      className="form risk-assess"
      data-testid="risk-assess"
      onSubmit={(ev) => {
        ev.preventDefault();
        assess.mutate(
          method === 'lec' ? { method, l, e, c, note: note || null } : { method, l, s, note: note || null },
          { onSuccess: () => setNote('') },
        );
      }}
    >
      <h2>{t('assess.title')}</h2>
      <ChoiceField
        id="ra-method"
        label={t('assess.method')}
        value={method}
        values={RISK_METHODS}
        text={(m) => t(`method.${m}`)}
        onChange={(m) => {
          setMethod(m);
          setL(1);
        }}
      />
      <div className="form__row">
        {select('ra-l', t('assess.l'), lValues.includes(l as never) ? l : 1, lValues, setL)}
        {method === 'lec' && select('ra-e', t('assess.e'), e, FACTOR_VALUES.e, setE)}
        {method === 'lec' && select('ra-c', t('assess.c'), c, FACTOR_VALUES.c, setC)}
        {method === 'matrix' && select('ra-s', t('assess.s'), s, FACTOR_VALUES.s, setS)}
      </div>
      <p className="risk-assess__preview" data-testid="risk-assess-preview">
        {t('assess.preview', { score: preview.score, grade: tc(`risk.${preview.grade}`) })}
      </p>
      <div className="field">
        <label htmlFor="ra-note">{t('assess.note')}</label>
        <textarea
          id="ra-note"
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(ev) => setNote(ev.target.value)}
        />
      </div>
      <p className="field__hint">{t('assess.bands')}</p>
      {assess.isError && <ErrorNotice error={assess.error} />}
      {assess.isSuccess && (
        <p className="notice" role="status">
          {t('assess.done', { grade: tc(`risk.${assess.data.grade ?? 'low'}`) })}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={assess.isPending}>
          {t('assess.submit')}
        </button>
      </div>
    </form>
  );
}

function GeneratePlans({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useRisksT();
  const generate = useGenerateRiskPlans(enterpriseId);
  return (
    <section>
      <button
        type="button"
        className="button"
        disabled={generate.isPending}
        onClick={() => generate.mutate()}
      >
        {t('generatePlans')}
      </button>
      <p className="field__hint">{t('frequencyNote')}</p>
      {generate.isError && <ErrorNotice error={generate.error} />}
      {generate.isSuccess && (
        <p className="notice" role="status">
          {t('plansGenerated', { count: generate.data.plans.length })} <Link to="/inspections">→</Link>
        </p>
      )}
    </section>
  );
}

function History({ point }: { point: RiskPointDetailView }) {
  const { t, i18n } = useRisksT();
  const config = usePublicConfig();
  const tz = config.data?.timeZone ?? 'Asia/Shanghai';
  return (
    <section data-testid="risk-history">
      <h2>{t('history')}</h2>
      {point.assessments.length === 0 ? (
        <p className="cell-sub">{t('historyEmpty')}</p>
      ) : (
        <table className="table">
          <tbody>
            {point.assessments.map((a) => (
              <tr key={a.id}>
                <td className="nowrap">{formatDateTime(a.assessedAt, i18n.language, tz)}</td>
                <td>{t(`method.${a.method}`)}</td>
                <td className="nowrap">
                  {a.method === 'lec' ? `${a.l} × ${a.e} × ${a.c}` : `${a.l} × ${a.s}`} = {a.score}
                </td>
                <td>
                  <GradeBadge grade={a.grade} />
                </td>
                <td>{a.assessedBy}</td>
                <td>{a.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
