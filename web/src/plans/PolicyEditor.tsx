import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { CHANNELS, type Channel, type EscalationPolicyView, type EscalationTierView } from '../contracts';
import { createPolicy, fetchPolicy, updatePolicy } from './api';
import { useOwnerDirectory } from './hooks';
import { usePlansT } from './i18n';

const NEW_TIER: EscalationTierView = {
  contactIds: [],
  teamIds: [],
  rotationId: null,
  channels: ['sms', 'voice'],
  voiceDelaySeconds: 60,
  ackTimeoutSeconds: 300,
  quorum: 1,
  repeats: 0,
};

/**
 * Edits an escalation policy's ladder. The server validates the whole ladder on save and names
 * each bad field (`tiers[1].contactIds[2]: contact has no phone`); the messages are shown as is.
 */
export function PolicyEditor({
  owner,
  enterpriseId,
  policyId,
  onDone,
}: {
  owner: string;
  enterpriseId: string | null;
  policyId?: string;
  onDone: (id?: string) => void;
}) {
  const existing = useQuery({
    queryKey: ['plans', 'policy', policyId],
    queryFn: ({ signal }) => fetchPolicy(policyId!, signal),
    enabled: Boolean(policyId),
  });
  if (policyId && existing.isPending) return <Loading />;
  if (existing.isError) return <ErrorNotice error={existing.error} />;
  return <PolicyForm owner={owner} enterpriseId={enterpriseId} policy={existing.data} onDone={onDone} />;
}

function PolicyForm({
  owner,
  enterpriseId,
  policy,
  onDone,
}: {
  owner: string;
  enterpriseId: string | null;
  policy: EscalationPolicyView | undefined;
  onDone: (id?: string) => void;
}) {
  const { t } = usePlansT();
  const queryClient = useQueryClient();
  const directory = useOwnerDirectory(owner);
  const policyId = policy?.id;
  const [name, setName] = useState(policy?.name ?? '');
  const [description, setDescription] = useState(policy?.description ?? '');
  const [tiers, setTiers] = useState<EscalationTierView[]>(policy?.tiers ?? [NEW_TIER]);
  const save = useMutation({
    mutationFn: () =>
      policyId
        ? updatePolicy(policyId, { name, description, tiers })
        : createPolicy({ enterpriseId, name, description, tiers }),
    onSuccess: async (p) => {
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
      onDone(p.id);
    },
  });
  const setTier = (i: number, patch: Partial<EscalationTierView>) =>
    setTiers(tiers.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const toggle = (list: string[], id: string) =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
  const move = (i: number, d: number) => {
    const next = [...tiers];
    const [x] = next.splice(i, 1);
    next.splice(i + d, 0, x!);
    setTiers(next);
  };

  return (
    <form
      className="form policy-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="field">
        <label htmlFor="pol-name">{t('policy.name')}</label>
        <input id="pol-name" required value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="pol-desc">{t('policy.description')}</label>
        <input id="pol-desc" value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      {directory.error && <ErrorNotice error={directory.error} compact />}
      {tiers.map((tier, i) => (
        <fieldset key={i} className="policy-tier" data-testid={`tier-editor-${i}`}>
          <legend>{t('policy.tier', { n: i + 1 })}</legend>
          <div className="policy-tier__pickers">
            <div>
              <strong>{t('policy.contacts')}</strong>
              <div className="plan-picker">
                {directory.contacts.map((c) => (
                  <label key={c.id}>
                    <input
                      type="checkbox"
                      checked={tier.contactIds.includes(c.id)}
                      onChange={() => setTier(i, { contactIds: toggle(tier.contactIds, c.id) })}
                    />{' '}
                    {c.name} <span className="cell-sub">{c.post}</span>
                  </label>
                ))}
              </div>
            </div>
            <div>
              <strong>{t('policy.teams')}</strong>
              <div className="plan-picker">
                {directory.teams.map((team) => (
                  <label key={team.id}>
                    <input
                      type="checkbox"
                      checked={tier.teamIds.includes(team.id)}
                      onChange={() => setTier(i, { teamIds: toggle(tier.teamIds, team.id) })}
                    />{' '}
                    {team.name}
                  </label>
                ))}
              </div>
              <label htmlFor={`tier-${i}-rotation`}>
                <strong>{t('policy.rotation')}</strong>
              </label>
              <select
                id={`tier-${i}-rotation`}
                value={tier.rotationId ?? ''}
                onChange={(e) => setTier(i, { rotationId: e.target.value || null })}
              >
                <option value="">{t('common.none')}</option>
                {directory.rotations.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="plan-grid">
            <fieldset className="field plan-checks">
              <legend>{t('policy.channels')}</legend>
              {CHANNELS.map((c: Channel) => (
                <label key={c}>
                  <input
                    type="checkbox"
                    checked={tier.channels.includes(c)}
                    onChange={() =>
                      setTier(i, {
                        // Kept in the canonical order: SMS first, then the voice call.
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
            <NumberField
              id={`tier-${i}-delay`}
              label={t('policy.voiceDelay')}
              value={tier.voiceDelaySeconds}
              onChange={(v) => setTier(i, { voiceDelaySeconds: v })}
            />
            <NumberField
              id={`tier-${i}-timeout`}
              label={t('policy.ackTimeout')}
              value={tier.ackTimeoutSeconds}
              onChange={(v) => setTier(i, { ackTimeoutSeconds: v })}
            />
            <NumberField
              id={`tier-${i}-quorum`}
              label={t('policy.quorum')}
              value={tier.quorum}
              onChange={(v) => setTier(i, { quorum: v })}
            />
            <NumberField
              id={`tier-${i}-repeats`}
              label={t('policy.repeatsLabel')}
              value={tier.repeats}
              onChange={(v) => setTier(i, { repeats: v })}
            />
          </div>
          <div className="form__actions">
            {i > 0 && (
              <button type="button" className="button button--small" onClick={() => move(i, -1)}>
                {t('moveUp')}
              </button>
            )}
            {i < tiers.length - 1 && (
              <button type="button" className="button button--small" onClick={() => move(i, 1)}>
                {t('moveDown')}
              </button>
            )}
            <button
              type="button"
              className="button button--small"
              onClick={() => setTiers(tiers.filter((_, j) => j !== i))}
            >
              {t('remove')}
            </button>
          </div>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => setTiers([...tiers, NEW_TIER])}>
        {t('policy.addTier')}
      </button>
      {save.isError && <ErrorNotice error={save.error} compact />}
      <div className="form__actions">
        <button type="button" className="button" onClick={() => onDone()}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('save')}
        </button>
      </div>
    </form>
  );
}

function NumberField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  onChange: (v: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" min={0} value={value} onChange={(e) => onChange(Number(e.target.value))} />
    </div>
  );
}
