import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import {
  CHANNELS,
  INCIDENT_CATEGORIES,
  SEVERITIES,
  type DutyPolicyInput,
  type DutyPolicyView,
  type DutyRule,
  type DutyTarget,
  type DutyTier,
  type IncidentCategory,
  type Severity,
} from '../contracts';
import { useZoneTime } from '../incidents/ui';
import { useOwnerDirectory } from '../plans/hooks';
import '../plans/plans.css';
import './duty.css';
import { fetchDutyPolicy, saveDutyPolicy } from './api';
import { useDutyT } from './i18n';

const NEW_TIER: DutyTier = { ackTimeoutSeconds: 300, channels: ['sms', 'voice'], voiceDelaySeconds: 120 };
const NEW_RULE: DutyRule = {
  minSeverity: 'ordinary',
  category: null,
  tier: 0,
  targets: [{ kind: 'duty_officer' }],
};
const ROLE_TARGETS = ['duty_officer', 'commanders', 'safety_lead'] as const;
/** Grades from the lowest up, as "at or above" reads. */
const GRADES = [...SEVERITIES].reverse();

/**
 * The zone's duty alerting policy: whom a filed incident pages, by grade and category, tier by
 * tier. The zone admin edits and saves it whole; commanders read it. The server checks every
 * reference and names each bad field.
 */
export function DutyPolicyPage() {
  const { t } = useDutyT();
  const policy = useQuery({ queryKey: ['duty', 'policy'], queryFn: ({ signal }) => fetchDutyPolicy(signal) });
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('subtitle')}</PageHeader>
      {policy.isPending && <Loading />}
      {policy.isError && <ErrorNotice error={policy.error} />}
      {policy.data && <PolicyForm policy={policy.data} />}
    </div>
  );
}

function PolicyForm({ policy }: { policy: DutyPolicyView }) {
  const { t } = useDutyT();
  const { t: tg } = useTranslation();
  const zoneTime = useZoneTime();
  const session = useSession();
  const canEdit = session?.user.role === 'zone_admin';
  const queryClient = useQueryClient();
  const directory = useOwnerDirectory('zone');
  const [enabled, setEnabled] = useState(policy.enabled);
  const [dutyRotationId, setDutyRotationId] = useState(policy.dutyRotationId);
  const [tiers, setTiers] = useState<DutyTier[]>(policy.tiers);
  const [rules, setRules] = useState<DutyRule[]>(policy.rules);
  const save = useMutation({
    mutationFn: (body: DutyPolicyInput) => saveDutyPolicy(body),
    onSuccess: (saved) => queryClient.setQueryData(['duty', 'policy'], saved),
  });
  const zoneRotations = directory.rotations.filter((r) => r.enterpriseId === null);
  const zoneTeams = directory.teams.filter((team) => team.enterpriseId === null);

  const setTier = (i: number, patch: Partial<DutyTier>) =>
    setTiers(tiers.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const removeTier = (i: number) => {
    setTiers(tiers.filter((_, j) => j !== i));
    // Rules of the removed tier go with it; those of later tiers move up with theirs.
    setRules(rules.filter((r) => r.tier !== i).map((r) => (r.tier > i ? { ...r, tier: r.tier - 1 } : r)));
  };
  const setRule = (i: number, patch: Partial<DutyRule>) =>
    setRules(rules.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const hasTarget = (rule: DutyRule, target: DutyTarget) => rule.targets.some((x) => sameTarget(x, target));
  const toggleTarget = (i: number, target: DutyTarget) => {
    const rule = rules[i]!;
    setRule(i, {
      targets: hasTarget(rule, target)
        ? rule.targets.filter((x) => !sameTarget(x, target))
        : [...rule.targets, target],
    });
  };

  return (
    <form
      className="form policy-editor"
      data-testid="duty-policy"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ enabled, dutyRotationId, tiers, rules });
      }}
    >
      {!canEdit && <p className="muted">{t('readOnly')}</p>}
      {policy.updatedAt && <p className="cell-sub">{t('updatedAt', { at: zoneTime(policy.updatedAt) })}</p>}
      {directory.error && <ErrorNotice error={directory.error} compact />}
      <fieldset disabled={!canEdit} className="duty-policy__body">
        <label>
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{' '}
          {t('enabled')}
        </label>
        <div className="field">
          <label htmlFor="duty-rotation">{t('dutyRotation')}</label>
          <select
            id="duty-rotation"
            value={dutyRotationId ?? ''}
            onChange={(e) => setDutyRotationId(e.target.value || null)}
          >
            <option value="">{t('noRotation')}</option>
            {zoneRotations.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>

        <h2>{t('tiers')}</h2>
        {tiers.map((tier, i) => (
          <fieldset key={i} className="policy-tier" data-testid={`duty-tier-${i}`}>
            <legend>{t('tier', { n: i + 1 })}</legend>
            <div className="plan-grid">
              <div className="field">
                <label htmlFor={`duty-tier-${i}-timeout`}>{t('ackTimeout')}</label>
                <input
                  id={`duty-tier-${i}-timeout`}
                  type="number"
                  min={30}
                  max={7200}
                  value={tier.ackTimeoutSeconds}
                  onChange={(e) => setTier(i, { ackTimeoutSeconds: Number(e.target.value) })}
                />
              </div>
              <div className="field">
                <label htmlFor={`duty-tier-${i}-delay`}>{t('voiceDelay')}</label>
                <input
                  id={`duty-tier-${i}-delay`}
                  type="number"
                  min={0}
                  max={3600}
                  value={tier.voiceDelaySeconds}
                  onChange={(e) => setTier(i, { voiceDelaySeconds: Number(e.target.value) })}
                />
              </div>
              <fieldset className="field plan-checks">
                <legend>{t('channels')}</legend>
                {CHANNELS.map((c) => (
                  <label key={c}>
                    <input
                      type="checkbox"
                      checked={tier.channels.includes(c)}
                      onChange={() =>
                        setTier(i, {
                          // SMS first, then the call: the canonical order.
                          channels: CHANNELS.filter((x) =>
                            x === c ? !tier.channels.includes(c) : tier.channels.includes(x),
                          ),
                        })
                      }
                    />{' '}
                    {t(`channel.${c}`)}
                  </label>
                ))}
              </fieldset>
            </div>
            {tiers.length > 1 && (
              <div className="form__actions">
                <button type="button" className="button button--small" onClick={() => removeTier(i)}>
                  {t('removeTier')}
                </button>
              </div>
            )}
          </fieldset>
        ))}
        {tiers.length < 5 && (
          <button type="button" className="button" onClick={() => setTiers([...tiers, NEW_TIER])}>
            {t('addTier')}
          </button>
        )}

        <h2>{t('rules')}</h2>
        <p className="cell-sub">{t('rulesHint')}</p>
        {!rules.length && <p className="muted">{t('noRules')}</p>}
        {rules.map((rule, i) => {
          const contacts = rule.targets.filter((x) => x.kind === 'contact').length;
          return (
            <fieldset key={i} className="policy-tier" data-testid={`duty-rule-${i}`}>
              <legend>{t('rule', { n: i + 1 })}</legend>
              <div className="plan-grid">
                <div className="field">
                  <label htmlFor={`duty-rule-${i}-severity`}>{t('minSeverity')}</label>
                  <select
                    id={`duty-rule-${i}-severity`}
                    value={rule.minSeverity}
                    onChange={(e) => setRule(i, { minSeverity: e.target.value as Severity })}
                  >
                    {GRADES.map((s) => (
                      <option key={s} value={s}>
                        {tg(`incidents.severity.${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`duty-rule-${i}-category`}>{t('category')}</label>
                  <select
                    id={`duty-rule-${i}-category`}
                    value={rule.category ?? ''}
                    onChange={(e) =>
                      setRule(i, { category: (e.target.value || null) as IncidentCategory | null })
                    }
                  >
                    <option value="">{t('anyCategory')}</option>
                    {INCIDENT_CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {tg(`incidents.category.${c}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`duty-rule-${i}-tier`}>{t('ruleTier')}</label>
                  <select
                    id={`duty-rule-${i}-tier`}
                    value={rule.tier}
                    onChange={(e) => setRule(i, { tier: Number(e.target.value) })}
                  >
                    {tiers.map((_, n) => (
                      <option key={n} value={n}>
                        {t('tier', { n: n + 1 })}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div className="policy-tier__pickers">
                <fieldset className="plan-checks">
                  <legend>{t('targets')}</legend>
                  {ROLE_TARGETS.map((kind) => (
                    <label key={kind}>
                      <input
                        type="checkbox"
                        checked={hasTarget(rule, { kind })}
                        onChange={() => toggleTarget(i, { kind })}
                      />{' '}
                      {t(`target.${kind}`)}
                    </label>
                  ))}
                  {contacts > 0 && (
                    <span className="cell-sub">{t('otherContacts', { count: contacts })}</span>
                  )}
                </fieldset>
                <div>
                  <strong>{t('teams')}</strong>
                  <div className="plan-picker">
                    {zoneTeams.map((team) => (
                      <label key={team.id}>
                        <input
                          type="checkbox"
                          checked={hasTarget(rule, { kind: 'team', teamId: team.id })}
                          onChange={() => toggleTarget(i, { kind: 'team', teamId: team.id })}
                        />{' '}
                        {team.name}
                      </label>
                    ))}
                  </div>
                </div>
              </div>
              <div className="form__actions">
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setRules(rules.filter((_, j) => j !== i))}
                >
                  {t('removeRule')}
                </button>
              </div>
            </fieldset>
          );
        })}
        <button type="button" className="button" onClick={() => setRules([...rules, NEW_RULE])}>
          {t('addRule')}
        </button>
      </fieldset>
      {save.isError && <ErrorNotice error={save.error} compact />}
      {save.isSuccess && <p role="status">{t('saved')}</p>}
      {canEdit && (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t('saving') : t('save')}
          </button>
        </div>
      )}
    </form>
  );
}

function sameTarget(a: DutyTarget, b: DutyTarget): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'team' && b.kind === 'team') return a.teamId === b.teamId;
  if (a.kind === 'contact' && b.kind === 'contact') return a.contactId === b.contactId;
  return true;
}
