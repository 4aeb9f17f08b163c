import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import {
  ASSESSMENT_METRICS,
  ASSESSMENT_SUBJECTS,
  type AssessmentSubject,
  METRIC_RULES,
  METRIC_SUBJECTS,
  type IndicatorInput,
  type SchemeView,
} from '../contracts';
import { assessmentKeys, createScheme } from './api';
import { useAssessmentsT, useMetricLabel } from './i18n';
import { TEMPLATES } from './template';

/**
 * The admin defines a year's scheme, of the enterprises or of the zone's departments, starting
 * from the standard indicators of either.
 */
export function SchemeEditor({
  year,
  onDone,
}: {
  year: number;
  onDone: (scheme: SchemeView | null) => void;
}) {
  const { t } = useAssessmentsT();
  const metricLabel = useMetricLabel();
  const queryClient = useQueryClient();
  const [schemeYear, setSchemeYear] = useState(year);
  const [subject, setSubject] = useState<AssessmentSubject>('enterprise');
  const [title, setTitle] = useState(() => t('scheme.defaultTitle', { year }));
  const [objectionDays, setObjectionDays] = useState(15);
  const [rows, setRows] = useState<IndicatorInput[]>(TEMPLATES.enterprise);
  const template = TEMPLATES[subject];
  const metrics = ASSESSMENT_METRICS.filter((m) => METRIC_SUBJECTS[m].includes(subject));
  const chooseSubject = (next: AssessmentSubject) => {
    setSubject(next);
    setRows(TEMPLATES[next]);
    setTitle(
      t(next === 'enterprise' ? 'scheme.defaultTitle' : 'scheme.defaultDepartmentTitle', {
        year: schemeYear,
      }),
    );
  };
  const save = useMutation({
    mutationFn: () => createScheme({ year: schemeYear, subject, title, objectionDays, indicators: rows }),
    onSuccess: async (scheme) => {
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.schemes });
      onDone(scheme);
    },
  });
  const sum = Math.round(rows.reduce((s, r) => s + r.weight, 0) * 100) / 100;
  const set = (n: number, change: Partial<IndicatorInput>) =>
    setRows((all) => all.map((r, i) => (i === n ? { ...r, ...change } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form
      className="card"
      onSubmit={submit}
      aria-labelledby="scheme-editor-title"
      data-testid="scheme-editor"
    >
      <h2 id="scheme-editor-title" className="card__title">
        {t('scheme.new')}
      </h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="scheme-subject">{t('scheme.subject')}</label>
          <select
            id="scheme-subject"
            value={subject}
            onChange={(e) => chooseSubject(e.target.value as AssessmentSubject)}
          >
            {ASSESSMENT_SUBJECTS.map((s) => (
              <option key={s} value={s}>
                {t(`subject.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="scheme-year">{t('scheme.year')}</label>
          <input
            id="scheme-year"
            type="number"
            min={2000}
            max={2100}
            required
            value={schemeYear}
            onChange={(e) => setSchemeYear(Number(e.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor="scheme-title">{t('scheme.title')}</label>
          <input
            id="scheme-title"
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="scheme-days">{t('scheme.objectionDays')}</label>
          <input
            id="scheme-days"
            type="number"
            min={1}
            max={90}
            required
            value={objectionDays}
            onChange={(e) => setObjectionDays(Number(e.target.value))}
          />
        </div>
      </div>
      <div className="table-wrap">
        <table className="table assessment-indicators">
          <caption>{t('scheme.indicators')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicator.group')}</th>
              <th scope="col">{t('indicator.name')}</th>
              <th scope="col">{t('indicator.metric')}</th>
              <th scope="col">{t('indicator.rule')}</th>
              <th scope="col">{t('indicator.weight')}</th>
              <th scope="col">{t('indicator.param')}</th>
              <th scope="col">{t('indicator.veto')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('scheme.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, n) => (
              <tr key={n}>
                <td>
                  <input
                    aria-label={t('indicator.group')}
                    required
                    value={r.group}
                    onChange={(e) => set(n, { group: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('indicator.name')}
                    required
                    value={r.name}
                    onChange={(e) => set(n, { name: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('indicator.metric')}
                    value={r.metric}
                    onChange={(e) => {
                      const metric = e.target.value as IndicatorInput['metric'];
                      set(n, {
                        metric,
                        rule: METRIC_RULES[metric][0]!,
                        evidence: metric === 'manual' ? 'files' : 'records',
                        veto: metric === 'incidents' && r.veto,
                      });
                    }}
                  >
                    {metrics.map((m) => (
                      <option key={m} value={m}>
                        {metricLabel(m)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={t('indicator.rule')}
                    value={r.rule}
                    onChange={(e) => set(n, { rule: e.target.value as IndicatorInput['rule'] })}
                  >
                    {METRIC_RULES[r.metric].map((rule) => (
                      <option key={rule} value={rule}>
                        {t(`rule.${rule}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={t('indicator.weight')}
                    type="number"
                    min={0.5}
                    max={100}
                    step={0.5}
                    required
                    value={r.weight}
                    onChange={(e) => set(n, { weight: Number(e.target.value) })}
                  />
                </td>
                <td>
                  {['target', 'deduct', 'limit'].includes(r.rule) && (
                    <input
                      aria-label={t('indicator.param')}
                      type="number"
                      min={0}
                      step="any"
                      required
                      value={r.param ?? ''}
                      onChange={(e) =>
                        set(n, { param: e.target.value === '' ? null : Number(e.target.value) })
                      }
                    />
                  )}
                </td>
                <td>
                  {r.metric === 'incidents' && (
                    <input
                      aria-label={t('indicator.veto')}
                      type="checkbox"
                      checked={r.veto}
                      onChange={(e) => set(n, { veto: e.target.checked })}
                    />
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setRows((all) => all.filter((_, i) => i !== n))}
                  >
                    {t('scheme.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={sum === 100 ? 'field__hint' : 'field__error'}>{t('scheme.weightSum', { sum })}</p>
      <p className="field__hint">{t('scheme.bands')}</p>
      {save.isError && <ErrorNotice error={save.error} />}
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={() => setRows((all) => [...all, { ...template[template.length - 1]!, name: '' }])}
        >
          {t('scheme.addIndicator')}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('scheme.cancel')}
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={save.isPending}
          data-testid="scheme-save"
        >
          {t('scheme.save')}
        </button>
      </div>
    </form>
  );
}
