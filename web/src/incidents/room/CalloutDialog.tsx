import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { CalloutDeliveryPreview, CalloutView, IncidentView } from '../../contracts';
import { fetchAllContacts, fetchTeams } from '../../directory/api';
import { useDebounced } from '../../lib/use-debounced';
import {
  createCallout,
  fetchDrillRoster,
  fetchPolicies,
  previewCallout,
  previewDelivery,
  type CalloutInput,
} from './callouts-api';

const MESSAGE_MAX = 500;

interface PersonOption {
  id: string;
  name: string;
  phone: string | null;
  post: string;
  /** What the filter matches. */
  searchable: string[];
}

interface TeamOption {
  id: string;
  name: string;
  /** Unknown for a roster team the caller's directory does not show. */
  members: number | undefined;
}

function toggle(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/**
 * "Call out": pick people, teams or an escalation policy, write what is asked, see each
 * language's SMS as it will be sent and how many segments it takes, and what each provider will
 * send (people, billed SMS, calls only, its rate and daily cap), then send.
 */
export function CalloutDialog({
  open,
  incident,
  onClose,
  onSent,
}: {
  open: boolean;
  incident: IncidentView;
  onClose: () => void;
  onSent: (callout: CalloutView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('incidents.callouts.dialogTitle')} onClose={onClose}>
      <CalloutForm incident={incident} onSent={onSent} onClose={onClose} />
    </Dialog>
  );
}

function CalloutForm({
  incident,
  onSent,
  onClose,
}: {
  incident: IncidentView;
  onSent: (callout: CalloutView) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const [message, setMessage] = useState('');
  const [filter, setFilter] = useState('');
  const [contactIds, setContactIds] = useState<ReadonlySet<string>>(new Set());
  const [teamIds, setTeamIds] = useState<ReadonlySet<string>>(new Set());
  const [policyId, setPolicyId] = useState('');

  // A drill pages its roster and nobody else: it offers the roster's people and teams only, and
  // no escalation policy, whose tiers would reach beyond it.
  const drill = incident.isDrill;
  const roster = useQuery({
    queryKey: ['callout-dialog', 'roster', incident.id],
    queryFn: ({ signal }) => fetchDrillRoster(incident.id, signal),
    enabled: drill,
  });
  const contacts = useQuery({
    queryKey: ['callout-dialog', 'contacts'],
    queryFn: ({ signal }) => fetchAllContacts(signal),
    enabled: !drill,
  });
  // In a drill too: the roster names its teams, the directory knows how many they are.
  const teams = useQuery({
    queryKey: ['callout-dialog', 'teams'],
    queryFn: ({ signal }) => fetchTeams(signal),
  });
  const policies = useQuery({
    queryKey: ['callout-dialog', 'policies'],
    queryFn: ({ signal }) => fetchPolicies(signal),
    enabled: !drill,
  });

  const text = useDebounced(message.trim(), 300);
  const preview = useQuery({
    queryKey: ['callout-dialog', 'preview', incident.id, text],
    queryFn: ({ signal }) => previewCallout(incident.id, text, signal),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
  });

  // Who is picked, as the call-out will be sent: the delivery preview follows the picks and the text.
  const recipients = useMemo(
    () => ({
      ...(contactIds.size ? { contactIds: [...contactIds].sort() } : {}),
      ...(teamIds.size ? { teamIds: [...teamIds].sort() } : {}),
      ...(policyId ? { policyId } : {}),
    }),
    [contactIds, teamIds, policyId],
  );
  const picked = useDebounced(recipients, 300);
  const pickedSomeone = Object.keys(picked).length > 0;
  const delivery = useQuery({
    queryKey: ['callout-dialog', 'delivery', incident.id, text, picked],
    queryFn: ({ signal }) =>
      previewDelivery(incident.id, { message: text, ...picked } as CalloutInput, signal),
    enabled: text.length >= 2 && pickedSomeone,
    placeholderData: keepPreviousData,
  });

  const people: PersonOption[] = useMemo(
    () =>
      drill
        ? (roster.data?.contacts ?? []).map((c) => ({
            id: c.contactId,
            name: c.name,
            phone: c.phone,
            post: '',
            searchable: [c.name, c.phone ?? ''],
          }))
        : (contacts.data ?? []).map((c) => ({
            id: c.id,
            name: c.name,
            phone: c.phones[0] ?? null,
            post: c.post,
            searchable: [c.name, c.organization, c.post, ...c.phones],
          })),
    [drill, roster.data, contacts.data],
  );
  const teamOptions: TeamOption[] = useMemo(() => {
    const members = new Map(teams.data?.items.map((team) => [team.id, team.memberContactIds.length]));
    return drill
      ? (roster.data?.teams ?? []).map((team) => ({
          id: team.teamId,
          name: team.name,
          members: members.get(team.teamId),
        }))
      : (teams.data?.items ?? []).map((team) => ({
          id: team.id,
          name: team.name,
          members: team.memberContactIds.length,
        }));
  }, [drill, roster.data, teams.data]);
  const loaded = drill ? roster.data !== undefined : teams.data !== undefined;

  const visibleContacts = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!q) return people;
    return people.filter((c) => c.searchable.some((s) => s.toLowerCase().includes(q)));
  }, [people, filter]);
  // The zone's policies and those of the incident's enterprise: another's would page strangers.
  const usablePolicies = (policies.data?.items ?? []).filter(
    (p) => p.enterpriseId === null || p.enterpriseId === incident.enterpriseId,
  );

  const send = useMutation({
    mutationFn: () =>
      createCallout(incident.id, {
        message: message.trim(),
        ...(contactIds.size ? { contactIds: [...contactIds] } : {}),
        ...(teamIds.size ? { teamIds: [...teamIds] } : {}),
        ...(policyId ? { policyId } : {}),
      }),
    onSuccess: onSent,
  });

  const someone = contactIds.size > 0 || teamIds.size > 0 || policyId !== '';
  const ready =
    someone && message.trim().length >= 2 && preview.data !== undefined && text === message.trim();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (ready && !send.isPending) send.mutate();
  };

  return (
    <form className="callout-dialog" onSubmit={onSubmit} data-testid="callout-dialog">
      {drill && (
        <p className="notice notice--caution notice--compact">
          {t('incidents.callouts.drillNotice')} {t('incidents.callouts.rosterOnly')}
        </p>
      )}
      <fieldset className="callout-dialog__who">
        <legend>{t('incidents.callouts.who')}</legend>
        {!drill && (
          <div className="field">
            <label htmlFor={`${formId}-policy`}>{t('incidents.callouts.policy')}</label>
            <select
              id={`${formId}-policy`}
              value={policyId}
              onChange={(e) => setPolicyId(e.target.value)}
              data-testid="callout-policy"
            >
              <option value="">{t('incidents.callouts.noPolicy')}</option>
              {usablePolicies.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {' · '}
                  {t('incidents.callouts.tierCount', { count: p.tiers.length })}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="callout-dialog__pickers">
          <div className="callout-picker">
            <span className="callout-picker__label">
              {t('incidents.callouts.teams')}
              {teamIds.size > 0 && <span className="room-panel__count">{teamIds.size}</span>}
            </span>
            <ul className="callout-picker__list">
              {loaded && teamOptions.length === 0 && (
                <li className="work-list__empty">{t('incidents.callouts.noTeams')}</li>
              )}
              {teamOptions.map((team) => (
                <li key={team.id}>
                  <label className="callout-picker__option" data-testid="callout-team-option">
                    <input
                      type="checkbox"
                      checked={teamIds.has(team.id)}
                      onChange={() => setTeamIds((s) => toggle(s, team.id))}
                    />
                    <span>{team.name}</span>
                    {team.members !== undefined && (
                      <span className="callout-picker__meta">
                        {t('incidents.callouts.members', { count: team.members })}
                      </span>
                    )}
                  </label>
                </li>
              ))}
            </ul>
          </div>
          <div className="callout-picker">
            <span className="callout-picker__label">
              {t('incidents.callouts.contacts')}
              {contactIds.size > 0 && <span className="room-panel__count">{contactIds.size}</span>}
            </span>
            <input
              type="search"
              className="callout-picker__search"
              aria-label={t('incidents.callouts.searchContacts')}
              placeholder={t('incidents.callouts.searchContacts')}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              data-testid="callout-contact-search"
            />
            <ul className="callout-picker__list">
              {visibleContacts.map((c) => (
                <li key={c.id}>
                  <label className="callout-picker__option" data-testid="callout-contact-option">
                    <input
                      type="checkbox"
                      checked={contactIds.has(c.id)}
                      disabled={c.phone === null}
                      onChange={() => setContactIds((s) => toggle(s, c.id))}
                    />
                    <span>{c.name}</span>
                    <span className="callout-picker__meta">
                      {c.phone ?? t('incidents.callouts.noPhone')}
                      {c.post ? ` · ${c.post}` : ''}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        </div>
        {(roster.isError || contacts.isError || teams.isError || policies.isError) && (
          <ErrorNotice error={roster.error ?? contacts.error ?? teams.error ?? policies.error} compact />
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${formId}-message`}>{t('incidents.callouts.message')}</label>
        <textarea
          id={`${formId}-message`}
          rows={3}
          maxLength={MESSAGE_MAX}
          value={message}
          placeholder={t('incidents.callouts.messagePlaceholder')}
          onChange={(e) => setMessage(e.target.value)}
          data-testid="callout-message"
        />
        <span className="field__hint">
          {message.length} / {MESSAGE_MAX}
        </span>
      </div>
      <section
        className="callout-preview"
        aria-label={t('incidents.callouts.preview')}
        data-testid="callout-preview"
      >
        <h3 className="callout-preview__title">{t('incidents.callouts.preview')}</h3>
        {!text && <p className="work-list__empty">{t('incidents.callouts.previewEmpty')}</p>}
        {preview.isError && <ErrorNotice error={preview.error} compact />}
        {text &&
          preview.data?.map((p) => (
            <div
              key={p.language}
              className="callout-preview__item"
              data-testid="callout-preview-item"
              data-language={p.language}
              data-segments={p.segments}
            >
              <div className="callout-preview__meta">
                <strong>{t(`incidents.callouts.language.${p.language}`)}</strong>
                <span data-testid="callout-segments">
                  {t('incidents.callouts.segments', {
                    count: p.segments,
                    encoding: p.encoding,
                    units: p.units,
                  })}
                </span>
              </div>
              <p className="callout-preview__text">{p.text}</p>
            </div>
          ))}
      </section>
      <section
        className="callout-preview"
        aria-label={t('incidents.callouts.delivery.title')}
        data-testid="callout-delivery"
      >
        <h3 className="callout-preview__title">{t('incidents.callouts.delivery.title')}</h3>
        {!(text.length >= 2 && pickedSomeone) && (
          <p className="work-list__empty">{t('incidents.callouts.delivery.empty')}</p>
        )}
        {text.length >= 2 && pickedSomeone && delivery.isError && (
          <ErrorNotice error={delivery.error} compact />
        )}
        {text.length >= 2 && pickedSomeone && delivery.data && <DeliveryEstimate preview={delivery.data} />}
      </section>
      {send.isError && <ErrorNotice error={send.error} compact />}
      <div className="callout-dialog__actions">
        {!someone && (
          <span className="field__hint">
            {t(drill ? 'incidents.callouts.pickFromRoster' : 'incidents.callouts.pickSomeone')}
          </span>
        )}
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={!ready || send.isPending}
          data-testid="callout-send"
        >
          {send.isPending ? t('incidents.callouts.sending') : t('incidents.callouts.send')}
        </button>
      </div>
    </form>
  );
}

/** Per provider: who it texts and the billed SMS that makes, who it only calls, its limits. */
function DeliveryEstimate({ preview }: { preview: CalloutDeliveryPreview }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="callout-preview__meta" data-testid="callout-delivery-total">
        {t('incidents.callouts.delivery.recipients', { count: preview.recipients })}
      </p>
      {preview.providers.map((p) => (
        <div
          key={p.provider}
          className="callout-preview__item"
          data-testid="callout-delivery-provider"
          data-provider={p.provider}
          data-texted={p.texted}
          data-segments={p.segments}
          data-called-only={p.calledOnly}
        >
          <div className="callout-preview__meta">
            <strong>{t(`incidents.callouts.provider.${p.provider}`)}</strong>
            <span>
              {t('incidents.callouts.delivery.texted', { count: p.texted })}
              {' · '}
              {t('incidents.callouts.delivery.segments', { count: p.segments })}
              {p.calledOnly > 0 && (
                <>
                  {' · '}
                  {t('incidents.callouts.delivery.calledOnly', { count: p.calledOnly })}
                </>
              )}
            </span>
          </div>
          {p.ratePerSecond > 0 && (
            <p className="callout-preview__text" data-testid="callout-delivery-rate">
              {t('incidents.callouts.delivery.rate', { rate: p.ratePerSecond, seconds: p.secondsAtRate })}
            </p>
          )}
          {p.atDailyCap > 0 && (
            <p className="notice notice--caution notice--compact" data-testid="callout-delivery-cap">
              {t('incidents.callouts.delivery.atDailyCap', {
                count: p.atDailyCap,
                cap: p.dailyCapPerNumber,
                provider: t(`incidents.callouts.provider.${p.provider}`),
              })}
            </p>
          )}
        </div>
      ))}
      {preview.unreachable > 0 && (
        <p className="notice notice--caution notice--compact" data-testid="callout-delivery-unreachable">
          {t('incidents.callouts.delivery.unreachable', { count: preview.unreachable })}
        </p>
      )}
    </>
  );
}
