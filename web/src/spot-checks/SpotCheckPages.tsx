import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useAllEnterprises, usePublicConfig, useUsers } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import {
  RISK_CLASSES,
  type RiskClass,
  type SpotCheckDrawView,
  type SpotCheckRecusal,
  type SpotCheckStatus,
  type SpotCheckTaskDetail,
} from '../contracts';
import { formatDateTime } from '../lib/format';
import {
  useCandidates,
  useCreateSpotCheck,
  useDraw,
  usePublish,
  useSpotCheck,
  useSpotChecks,
  useVerify,
} from './api';
import { useSpotChecksT } from './i18n';
import './spot-checks.css';

function useIsAdmin(): boolean {
  return useSession()?.user.role === 'zone_admin';
}

function StatusBadge({ status }: { status: SpotCheckStatus }) {
  const { t } = useSpotChecksT();
  return <span className={`sc-status sc-status--${status}`}>{t(`status.${status}`)}</span>;
}

export function SpotCheckTasksPage() {
  const { t } = useSpotChecksT();
  const tasks = useSpotChecks();
  const admin = useIsAdmin();
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('subtitle')}</PageHeader>
      {admin && <TaskForm />}
      <QueryState query={tasks} />
      {tasks.data && (
        <ListTable
          testId="spot-check-tasks"
          columns={[t('task.title'), t('task.period'), t('task.counts'), t('task.status')]}
          items={tasks.data.items}
          empty={t('task.empty')}
          row={(task) => (
            <tr key={task.id}>
              <td>
                <Link to={`/spot-checks/${task.id}`}>{task.title}</Link>
              </td>
              <td className="nowrap">
                {task.periodStart} – {task.periodEnd}
              </td>
              <td>{t('task.countsValue', { n: task.enterpriseCount, k: task.inspectorsPerEnterprise })}</td>
              <td>
                <StatusBadge status={task.status} />
              </td>
            </tr>
          )}
        />
      )}
    </div>
  );
}

function TaskForm() {
  const { t } = useSpotChecksT();
  const create = useCreateSpotCheck();
  const enterprises = useAllEnterprises();
  const inspectors = useUsers({ role: 'inspector', pageSize: 500 });
  const [title, setTitle] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [count, setCount] = useState('3');
  const [per, setPer] = useState('2');
  const [industries, setIndustries] = useState('');
  const [riskClasses, setRiskClasses] = useState<RiskClass[]>([]);
  const [excluded, setExcluded] = useState<string[]>([]);
  const [withinDays, setWithinDays] = useState('');
  const [recusals, setRecusals] = useState<SpotCheckRecusal[]>([]);
  const [checklist, setChecklist] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        title,
        periodStart,
        periodEnd,
        enterpriseCount: Number(count),
        inspectorsPerEnterprise: Number(per),
        industries: industries
          .split(/[,，、\s]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        riskClasses,
        excludedEnterpriseIds: excluded,
        excludeCheckedWithinDays: withinDays ? Number(withinDays) : null,
        recusals,
        checklist: checklist
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((text) => ({ text, category: 'management' as const })),
      },
      { onSuccess: () => setTitle('') },
    );
  };

  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  return (
    <details className="sc-new">
      <summary>{t('task.new')}</summary>
      <form className="form" onSubmit={submit} data-testid="spot-check-form">
        <div className="field">
          <label htmlFor="sc-title">{t('task.title')}</label>
          <input id="sc-title" value={title} onChange={(e) => setTitle(e.target.value)} required />
        </div>
        <div className="form__row">
          <div className="field">
            <label htmlFor="sc-start">{t('task.periodStart')}</label>
            <input
              id="sc-start"
              type="date"
              value={periodStart}
              onChange={(e) => setPeriodStart(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="sc-end">{t('task.periodEnd')}</label>
            <input
              id="sc-end"
              type="date"
              value={periodEnd}
              onChange={(e) => setPeriodEnd(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="sc-count">{t('task.enterpriseCount')}</label>
            <input
              id="sc-count"
              type="number"
              min="1"
              value={count}
              onChange={(e) => setCount(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="sc-per">{t('task.inspectorsPerEnterprise')}</label>
            <input id="sc-per" type="number" min="1" value={per} onChange={(e) => setPer(e.target.value)} />
          </div>
        </div>
        <div className="form__row">
          <div className="field">
            <label htmlFor="sc-industries">{t('task.industries')}</label>
            <input
              id="sc-industries"
              value={industries}
              placeholder={t('task.industriesHint')}
              onChange={(e) => setIndustries(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="sc-within">{t('task.withinDays')}</label>
            <input
              id="sc-within"
              type="number"
              min="1"
              value={withinDays}
              onChange={(e) => setWithinDays(e.target.value)}
            />
          </div>
        </div>
        <fieldset className="sc-fieldset">
          <legend>{t('task.riskClasses')}</legend>
          {RISK_CLASSES.map((c) => (
            <label key={c} className="sc-check">
              <input
                type="checkbox"
                checked={riskClasses.includes(c)}
                onChange={() => setRiskClasses(toggle(riskClasses, c))}
              />
              {t(`risk.${c}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="sc-fieldset">
          <legend>{t('task.excluded')}</legend>
          {(enterprises.data?.items ?? []).map((e) => (
            <label key={e.id} className="sc-check">
              <input
                type="checkbox"
                checked={excluded.includes(e.id)}
                onChange={() => setExcluded(toggle(excluded, e.id))}
              />
              {e.name}
            </label>
          ))}
        </fieldset>
        <fieldset className="sc-fieldset">
          <legend>{t('task.recusals')}</legend>
          {recusals.map((r, i) => (
            <div className="form__row" key={i}>
              <select
                aria-label={t('task.inspector')}
                value={r.inspectorId}
                onChange={(e) =>
                  setRecusals(recusals.map((x, j) => (j === i ? { ...x, inspectorId: e.target.value } : x)))
                }
              >
                {(inspectors.data?.items ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
              <select
                aria-label={t('task.recusedFrom')}
                value={r.enterpriseId ?? ''}
                onChange={(e) =>
                  setRecusals(
                    recusals.map((x, j) => (j === i ? { ...x, enterpriseId: e.target.value || null } : x)),
                  )
                }
              >
                <option value="">{t('task.wholeTask')}</option>
                {(enterprises.data?.items ?? []).map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
              <input
                aria-label={t('task.reason')}
                placeholder={t('task.reason')}
                value={r.reason}
                onChange={(e) =>
                  setRecusals(recusals.map((x, j) => (j === i ? { ...x, reason: e.target.value } : x)))
                }
              />
              <button
                type="button"
                className="button"
                onClick={() => setRecusals(recusals.filter((_, j) => j !== i))}
              >
                {t('task.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button"
            disabled={!inspectors.data?.items.length}
            onClick={() =>
              setRecusals([
                ...recusals,
                { inspectorId: inspectors.data!.items[0]!.id, enterpriseId: null, reason: '' },
              ])
            }
          >
            {t('task.addRecusal')}
          </button>
        </fieldset>
        <div className="field">
          <label htmlFor="sc-checklist">{t('task.checklist')}</label>
          <textarea
            id="sc-checklist"
            rows={3}
            value={checklist}
            onChange={(e) => setChecklist(e.target.value)}
          />
        </div>
        {create.isError && <ErrorNotice error={create.error} />}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t('task.create')}
          </button>
        </div>
      </form>
    </details>
  );
}

export function SpotCheckTaskPage() {
  const { id = '' } = useParams();
  const { t } = useSpotChecksT();
  const task = useSpotCheck(id);
  const admin = useIsAdmin();
  return (
    <div className="page">
      <PageHeader title={task.data?.title ?? t('title')}>
        <Link to="/spot-checks">{t('back')}</Link>
      </PageHeader>
      <QueryState query={task} />
      {task.data && <TaskBody task={task.data} admin={admin} />}
    </div>
  );
}

function TaskBody({ task, admin }: { task: SpotCheckTaskDetail; admin: boolean }) {
  const { t } = useSpotChecksT();
  const current = task.draws.find((d) => !d.superseded);
  const earlier = task.draws.filter((d) => d.superseded);
  const publish = usePublish(task.id);
  return (
    <>
      <section className="sc-summary" data-testid="spot-check-summary">
        <StatusBadge status={task.status} />
        <dl>
          <dt>{t('task.period')}</dt>
          <dd>
            {task.periodStart} – {task.periodEnd}
          </dd>
          <dt>{t('task.counts')}</dt>
          <dd>{t('task.countsValue', { n: task.enterpriseCount, k: task.inspectorsPerEnterprise })}</dd>
          <dt>{t('task.industries')}</dt>
          <dd>{task.industries.join('、') || t('task.all')}</dd>
          <dt>{t('task.riskClasses')}</dt>
          <dd>{task.riskClasses.map((c) => t(`risk.${c}`)).join('、') || t('task.all')}</dd>
          <dt>{t('task.withinDays')}</dt>
          <dd>{task.excludeCheckedWithinDays ?? '—'}</dd>
        </dl>
      </section>
      {!current && <Candidates taskId={task.id} />}
      {admin && !current && <DrawForm taskId={task.id} redraw={false} />}
      {current && <DrawPanel draw={current} />}
      {admin && current && <DrawForm taskId={task.id} redraw />}
      {admin && task.status === 'drawn' && (
        <div className="form__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={publish.isPending}
            onClick={() => publish.mutate()}
          >
            {t('draw.publish')}
          </button>
        </div>
      )}
      {publish.isError && <ErrorNotice error={publish.error} />}
      {task.publishedAt && <p className="sc-published">{t('draw.published')}</p>}
      {earlier.length > 0 && (
        <section>
          <h2>{t('draw.earlier')}</h2>
          {earlier.map((d) => (
            <DrawPanel key={d.id} draw={d} />
          ))}
        </section>
      )}
    </>
  );
}

function Candidates({ taskId }: { taskId: string }) {
  const { t } = useSpotChecksT();
  const c = useCandidates(taskId, true);
  if (!c.data) return <QueryState query={c} />;
  return (
    <section className="sc-candidates" data-testid="spot-check-candidates">
      <h2>{t('candidates.title')}</h2>
      <div className="sc-columns">
        <div>
          <h3>{t('candidates.enterprises', { n: c.data.enterprises.length })}</h3>
          <ul>
            {c.data.enterprises.map((e) => (
              <li key={e.id}>
                {e.name} <span className="muted">{e.industry}</span>
              </li>
            ))}
          </ul>
          {c.data.excludedEnterprises.length > 0 && (
            <>
              <h3>{t('candidates.excluded')}</h3>
              <ul className="muted">
                {c.data.excludedEnterprises.map((e) => (
                  <li key={e.id}>
                    {e.name} — {t(`exclusion.${e.reason}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div>
          <h3>{t('candidates.inspectors', { n: c.data.inspectors.length })}</h3>
          <ul>
            {c.data.inspectors.map((i) => (
              <li key={i.id}>{i.name}</li>
            ))}
          </ul>
          {c.data.recusedInspectors.length > 0 && (
            <>
              <h3>{t('candidates.recused')}</h3>
              <ul className="muted">
                {c.data.recusedInspectors.map((i) => (
                  <li key={i.id}>
                    {i.name} — {i.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </section>
  );
}

function DrawForm({ taskId, redraw }: { taskId: string; redraw: boolean }) {
  const { t } = useSpotChecksT();
  const draw = useDraw(taskId);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    draw.mutate(redraw ? reason : null, { onSuccess: () => setReason('') });
  };
  const form = (
    <form className="form" onSubmit={submit}>
      {redraw && (
        <div className="field">
          <label htmlFor="sc-reason">{t('draw.reason')}</label>
          <textarea
            id="sc-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
          />
        </div>
      )}
      {draw.isError && <ErrorNotice error={draw.error} />}
      <div className="form__actions">
        <button
          type="submit"
          className={redraw ? 'button' : 'button button--primary'}
          disabled={draw.isPending}
        >
          {redraw ? t('draw.redraw') : t('draw.draw')}
        </button>
      </div>
    </form>
  );
  return redraw ? (
    <details className="sc-new">
      <summary>{t('draw.redraw')}</summary>
      <p className="muted">{t('draw.redrawHint')}</p>
      {form}
    </details>
  ) : (
    form
  );
}

function DrawPanel({ draw }: { draw: SpotCheckDrawView }) {
  const { t, i18n } = useSpotChecksT();
  const tz = usePublicConfig().data?.timeZone ?? 'Asia/Shanghai';
  const verify = useVerify();
  return (
    <section
      className={`sc-draw${draw.superseded ? ' sc-draw--superseded' : ''}`}
      data-testid="spot-check-draw"
    >
      <h2>{t('draw.heading', { seq: draw.seq })}</h2>
      <dl>
        <dt>{t('draw.seed')}</dt>
        <dd>
          <code data-testid="draw-seed">{draw.seed}</code>
        </dd>
        <dt>{t('draw.algorithm')}</dt>
        <dd>
          <code>{draw.algorithm}</code>
        </dd>
        <dt>{t('draw.drawnAt')}</dt>
        <dd>
          {formatDateTime(draw.drawnAt, i18n.language, tz)} · {draw.drawnBy ?? ''}
        </dd>
        <dt>{t('draw.lists')}</dt>
        <dd>
          {t('draw.listsValue', { e: draw.enterpriseCandidates.length, i: draw.inspectorCandidates.length })}
        </dd>
        {draw.reason && (
          <>
            <dt>{t('draw.reason')}</dt>
            <dd>{draw.reason}</dd>
          </>
        )}
      </dl>
      <ListTable
        testId="spot-check-pairs"
        columns={['#', t('draw.enterprise'), t('draw.inspectors'), t('draw.inspection')]}
        items={draw.pairs}
        empty=""
        row={(p) => (
          <tr key={p.enterpriseId}>
            <td className="num">{draw.pairs.indexOf(p) + 1}</td>
            <td>{p.enterpriseName}</td>
            <td>{p.inspectors.map((i) => i.name).join('、')}</td>
            <td>
              {p.inspectionId && !draw.superseded ? (
                <Link to={`/inspections/${p.inspectionId}`}>{t('draw.open')}</Link>
              ) : (
                '—'
              )}
            </td>
          </tr>
        )}
      />
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={() => verify.mutate(draw.id)}
          disabled={verify.isPending}
        >
          {t('draw.verify')}
        </button>
        {verify.data && (
          <span
            className={verify.data.matches ? 'sc-verify sc-verify--ok' : 'sc-verify sc-verify--bad'}
            data-testid="verify-result"
          >
            {verify.data.matches ? t('draw.matches') : t('draw.differs')}
          </span>
        )}
      </div>
      {verify.isError && <ErrorNotice error={verify.error} />}
    </section>
  );
}
