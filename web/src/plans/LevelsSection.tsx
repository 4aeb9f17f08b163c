import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiRequestError } from '../api/client';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import {
  SEVERITIES,
  type LevelChecklistItem,
  type PlanDetailView,
  type PlanLevelView,
  type PlanVersionView,
  type Severity,
  type TeamView,
} from '../contracts';
import { addLevel, deleteLevel, fetchPreview, ownerKey, updateLevel, type LevelInput } from './api';
import { useOwnerDirectory } from './hooks';
import { PolicyEditor } from './PolicyEditor';
import { useDuration } from './ui';
import { usePlansT } from './i18n';

/** The version's response levels; opening one shows its checklist and whom its policy pages. */
export function LevelsSection({
  plan,
  version,
  editable,
  canEditPolicies,
}: {
  plan: PlanDetailView;
  version: PlanVersionView;
  editable: boolean;
  canEditPolicies: boolean;
}) {
  const { t } = usePlansT();
  const [params, setParams] = useSearchParams();
  const openId = params.get('level');
  const [adding, setAdding] = useState(false);
  const owner = ownerKey(plan.enterpriseId);
  const directory = useOwnerDirectory(owner);
  const toggle = (id: string) => {
    const next = new URLSearchParams(params);
    if (openId === id) next.delete('level');
    else next.set('level', id);
    setParams(next, { replace: true });
  };

  return (
    <section className="plan-block" data-testid="plan-levels">
      <h2>{t('levels')}</h2>
      {version.levels.length === 0 && <p className="card__hint">{t('level.none')}</p>}
      <ul className="plan-levels">
        {version.levels.map((l) => (
          <li key={l.id} className="plan-level">
            <button
              type="button"
              className="plan-level__head"
              aria-expanded={openId === l.id}
              onClick={() => toggle(l.id)}
              data-testid={`level-${l.code}`}
            >
              <span className="plan-level__code">{l.code}</span>
              <span className="plan-level__name">{l.name}</span>
              <span className="cell-sub">{l.severities.map((s) => t(`severity.${s}`)).join('、')}</span>
            </button>
            {openId === l.id && (
              <LevelDetail
                level={l}
                teams={directory.teams}
                editable={editable}
                canEditPolicies={canEditPolicies}
                owner={owner}
                enterpriseId={plan.enterpriseId}
                versionId={version.id}
              />
            )}
          </li>
        ))}
      </ul>
      {editable &&
        (adding ? (
          <LevelEditor
            versionId={version.id}
            owner={owner}
            enterpriseId={plan.enterpriseId}
            initial={{
              rank: version.levels.length + 1,
              code: '',
              name: '',
              activationCriteria: '',
              severities: [],
              checklist: [],
              policyId: null,
            }}
            onDone={() => setAdding(false)}
          />
        ) : (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('level.add')}
          </button>
        ))}
    </section>
  );
}

function LevelDetail({
  level,
  teams,
  editable,
  canEditPolicies,
  owner,
  enterpriseId,
  versionId,
}: {
  level: PlanLevelView;
  teams: TeamView[];
  editable: boolean;
  canEditPolicies: boolean;
  owner: string;
  enterpriseId: string | null;
  versionId: string;
}) {
  const { t } = usePlansT();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [editingPolicy, setEditingPolicy] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteLevel(level.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans', 'version', versionId] }),
  });
  const teamName = (id: string | null) =>
    id ? (teams.find((x) => x.id === id)?.name ?? t('level.team')) : null;

  if (editing) {
    return (
      <LevelEditor
        versionId={versionId}
        owner={owner}
        enterpriseId={enterpriseId}
        levelId={level.id}
        initial={{ ...level, policyId: level.policy?.id ?? null }}
        onDone={() => setEditing(false)}
      />
    );
  }
  return (
    <div className="plan-level__body" data-testid="level-detail">
      <p>
        <strong>{t('level.criteria')}：</strong>
        {level.activationCriteria}
      </p>
      <h3>{t('level.checklist')}</h3>
      <table className="table" data-testid="level-checklist">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('level.item')}</th>
            <th scope="col">{t('level.who')}</th>
            <th scope="col">{t('level.target')}</th>
          </tr>
        </thead>
        <tbody>
          {level.checklist.map((c, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{c.item}</td>
              <td>{teamName(c.teamId) ?? c.role}</td>
              <td className="nowrap">{t('minutes', { count: c.targetMinutes })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>
        {t('level.policy')}
        {level.policy ? `：${level.policy.name}` : ''}
      </h3>
      {level.policy ? (
        <PolicyTiers policyId={level.policy.id} />
      ) : (
        <p className="card__hint">{t('level.noPolicy')}</p>
      )}
      <div className="form__actions">
        {canEditPolicies && level.policy && (
          <button type="button" className="button" onClick={() => setEditingPolicy(true)}>
            {t('policy.edit')}
          </button>
        )}
        {editable && (
          <>
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('level.edit')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => window.confirm(t('level.deleteConfirm')) && remove.mutate()}
            >
              {t('level.delete')}
            </button>
          </>
        )}
      </div>
      {remove.isError && <ErrorNotice error={remove.error} compact />}
      <Dialog open={editingPolicy} title={t('policy.edit')} onClose={() => setEditingPolicy(false)}>
        {editingPolicy && level.policy && (
          <PolicyEditor
            owner={owner}
            enterpriseId={enterpriseId}
            policyId={level.policy.id}
            onDone={() => setEditingPolicy(false)}
          />
        )}
      </Dialog>
    </div>
  );
}

/** Who each tier of the policy pages now: teams expanded, the rotation's current on-call named. */
export function PolicyTiers({ policyId }: { policyId: string }) {
  const { t } = usePlansT();
  const duration = useDuration();
  const preview = useQuery({
    queryKey: ['plans', 'preview', policyId],
    queryFn: ({ signal }) => fetchPreview(policyId, undefined, signal),
  });
  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    // An officer reading a zone plan sees the zone policy's name, not the zone's people.
    if (preview.error instanceof ApiRequestError && preview.error.status === 404)
      return <p className="card__hint">{t('policy.notVisible')}</p>;
    return <ErrorNotice error={preview.error} compact />;
  }
  return (
    <ol className="policy-tiers" data-testid="policy-tiers">
      {preview.data.tiers.map((tier) => (
        <li key={tier.index} className="policy-tier">
          <div className="policy-tier__head">
            <strong>{t('policy.tier', { n: tier.index + 1 })}</strong>
            <span>
              {t('policy.startsAfter', { time: duration(tier.startsAfterSeconds) })} ·{' '}
              {tier.channels.map((c) => t(`channel.${c}`)).join(' → ')}
              {tier.channels.length > 1 &&
                ` (${t('policy.after', { time: duration(tier.voiceDelaySeconds) })})`}{' '}
              · {t('policy.quorumOf', { count: tier.quorum, time: duration(tier.ackTimeoutSeconds) })}
              {tier.repeats > 0 && ` · ${t('policy.repeats', { count: tier.repeats })}`}
            </span>
          </div>
          <ul className="policy-tier__people">
            {tier.recipients.map((r) => (
              <li key={r.contactId}>
                {r.name} <span className="mono">{r.phone ?? t('policy.noPhone')}</span>{' '}
                <span className="cell-sub">
                  {r.via
                    .map((v) =>
                      v.kind === 'contact'
                        ? t('policy.viaContact')
                        : v.kind === 'team'
                          ? v.teamName
                          : t('policy.viaRotation', { name: v.rotationName }),
                    )
                    .join('、')}
                </span>
              </li>
            ))}
          </ul>
          {tier.problems.length > 0 && (
            <ul className="notice notice--error notice--compact">
              {tier.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

function LevelEditor({
  versionId,
  levelId,
  owner,
  enterpriseId,
  initial,
  onDone,
}: {
  versionId: string;
  levelId?: string;
  owner: string;
  enterpriseId: string | null;
  initial: LevelInput;
  onDone: () => void;
}) {
  const { t } = usePlansT();
  const queryClient = useQueryClient();
  const directory = useOwnerDirectory(owner);
  const [form, setForm] = useState<LevelInput>(initial);
  const [policyDialog, setPolicyDialog] = useState<'new' | 'edit' | null>(null);
  const save = useMutation({
    mutationFn: () => (levelId ? updateLevel(levelId, form) : addLevel(versionId, form)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['plans', 'version', versionId] });
      onDone();
    },
  });
  const set = <K extends keyof LevelInput>(k: K, v: LevelInput[K]) => setForm({ ...form, [k]: v });
  const setItem = (i: number, patch: Partial<LevelChecklistItem>) =>
    set(
      'checklist',
      form.checklist.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    );

  return (
    <>
      <form
        className="form plan-level__body"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <div className="plan-grid">
          <div className="field">
            <label htmlFor="lv-rank">{t('level.rank')}</label>
            <input
              id="lv-rank"
              type="number"
              min={1}
              max={10}
              value={form.rank}
              onChange={(e) => set('rank', Number(e.target.value))}
            />
          </div>
          <div className="field">
            <label htmlFor="lv-code">{t('level.code')}</label>
            <input id="lv-code" required value={form.code} onChange={(e) => set('code', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="lv-name">{t('level.name')}</label>
            <input id="lv-name" required value={form.name} onChange={(e) => set('name', e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="lv-criteria">{t('level.criteria')}</label>
          <textarea
            id="lv-criteria"
            required
            value={form.activationCriteria}
            onChange={(e) => set('activationCriteria', e.target.value)}
          />
        </div>
        <fieldset className="field plan-checks">
          <legend>{t('level.severities')}</legend>
          {SEVERITIES.map((s: Severity) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={form.severities.includes(s)}
                onChange={() =>
                  set(
                    'severities',
                    form.severities.includes(s)
                      ? form.severities.filter((x) => x !== s)
                      : [...form.severities, s],
                  )
                }
              />{' '}
              {t(`severity.${s}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('level.checklist')}</legend>
          {form.checklist.map((c, i) => (
            <div key={i} className="plan-checklist-row">
              <input
                aria-label={t('level.item')}
                required
                value={c.item}
                onChange={(e) => setItem(i, { item: e.target.value })}
              />
              <input
                aria-label={t('level.role')}
                placeholder={t('level.role')}
                value={c.role ?? ''}
                onChange={(e) => setItem(i, { role: e.target.value || null })}
              />
              <select
                aria-label={t('level.team')}
                value={c.teamId ?? ''}
                onChange={(e) => setItem(i, { teamId: e.target.value || null })}
              >
                <option value="">{t('level.noTeam')}</option>
                {directory.teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
              <input
                aria-label={t('level.target')}
                type="number"
                min={0}
                value={c.targetMinutes}
                onChange={(e) => setItem(i, { targetMinutes: Number(e.target.value) })}
              />
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  set(
                    'checklist',
                    form.checklist.filter((_, j) => j !== i),
                  )
                }
              >
                {t('remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              set('checklist', [...form.checklist, { item: '', role: null, teamId: null, targetMinutes: 10 }])
            }
          >
            {t('level.addItem')}
          </button>
        </fieldset>
        <div className="field">
          <label htmlFor="lv-policy">{t('level.policy')}</label>
          <select
            id="lv-policy"
            value={form.policyId ?? ''}
            onChange={(e) => set('policyId', e.target.value || null)}
          >
            <option value="">{t('level.noPolicy')}</option>
            {directory.policies.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <div className="form__actions">
            <button type="button" className="button button--small" onClick={() => setPolicyDialog('new')}>
              {t('policy.new')}
            </button>
            {form.policyId && (
              <button type="button" className="button button--small" onClick={() => setPolicyDialog('edit')}>
                {t('policy.edit')}
              </button>
            )}
          </div>
        </div>
        {save.isError && <ErrorNotice error={save.error} compact />}
        <div className="form__actions">
          <button type="button" className="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('save')}
          </button>
        </div>
      </form>
      <Dialog
        open={policyDialog !== null}
        title={policyDialog === 'new' ? t('policy.new') : t('policy.edit')}
        onClose={() => setPolicyDialog(null)}
      >
        {policyDialog && (
          <PolicyEditor
            owner={owner}
            enterpriseId={enterpriseId}
            policyId={policyDialog === 'edit' ? (form.policyId ?? undefined) : undefined}
            onDone={(id) => {
              setPolicyDialog(null);
              if (id) set('policyId', id);
            }}
          />
        )}
      </Dialog>
    </>
  );
}
