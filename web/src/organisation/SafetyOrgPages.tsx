import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import {
  ENGINEER_LEVELS,
  ENGINEER_SPECIALTIES,
  SAFETY_MANAGER_KINDS,
  SAFETY_ORG_INDUSTRIES,
  SAFETY_ORG_PROBLEMS,
  type EngineerLevel,
  type EngineerSpecialty,
  type SafetyManagerKind,
  type SafetyOrgIndustry,
  type SafetyOrgView,
} from '../contracts';
import { useAllContacts, useSafetyOrg, useSafetyOrgs, useSaveSafetyOrg, type SafetyOrgInput } from './api';
import { useOrganisationT } from './i18n';
import './organisation.css';

const WRITERS = ['zone_admin', 'enterprise_officer'];
const FILTERS = ['all', 'flagged', ...SAFETY_ORG_PROBLEMS] as const;

function StatusFlag({ view }: { view: SafetyOrgView }) {
  const { t } = useOrganisationT();
  if (view.status.met) {
    return <span className="org-flag org-flag--ok">{t('orgs.met')}</span>;
  }
  return (
    <span className="org-problems" data-testid="org-flag">
      {view.status.problems.map((p) => (
        <span key={p} className="org-flag org-flag--bad">
          {t(`problems.${p}`)}
        </span>
      ))}
    </span>
  );
}

function engineerCount(view: SafetyOrgView) {
  return view.managers.filter((m) => m.engineer).length;
}

/** Every enterprise the caller sees, with the office, the managers and whether the law is met. */
export function SafetyOrgsPage() {
  const { t } = useOrganisationT();
  const orgs = useSafetyOrgs();
  const [params, setParams] = useSearchParams();
  const filter = FILTERS.find((f) => f === params.get('show')) ?? 'all';
  const rows = (orgs.data ?? []).filter((v) =>
    filter === 'all' ? true : filter === 'flagged' ? !v.status.met : v.status.problems.includes(filter),
  );
  return (
    <div className="page">
      <PageHeader title={t('orgs.title')}>{t('orgs.subtitle')}</PageHeader>
      <div className="form__row org-filters">
        <div className="field">
          <label htmlFor="org-filter">{t('orgs.filter')}</label>
          <select
            id="org-filter"
            value={filter}
            onChange={(e) =>
              setParams(e.target.value === 'all' ? {} : { show: e.target.value }, { replace: true })
            }
          >
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`orgs.filters.${f}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState query={orgs} />
      {orgs.data && (
        <ListTable
          testId="safety-orgs"
          columns={[
            t('orgs.enterprise'),
            t('orgs.industry'),
            t('orgs.headcount'),
            t('orgs.office'),
            t('orgs.fullTime'),
            t('orgs.partTime'),
            t('orgs.engineers'),
            t('orgs.status'),
          ]}
          items={rows}
          empty={t('orgs.empty')}
          row={(v) => (
            <tr key={v.enterpriseId} data-enterprise={v.enterpriseId}>
              <td>
                <Link to={`/safety-orgs/${v.enterpriseId}`}>{v.enterpriseName}</Link>
                {!v.updatedAt && <div className="org-muted">{t('orgs.notReported')}</div>}
              </td>
              <td>{v.industry ? t(`industries.${v.industry}`) : '—'}</td>
              <td className="num">{v.headcount ?? '—'}</td>
              <td>{v.hasOffice ? v.officeName || t('orgs.yes') : t('orgs.no')}</td>
              <td className="num">{v.status.fullTime}</td>
              <td className="num">{v.status.partTime}</td>
              <td className="num">
                {v.status.requirement?.engineers
                  ? t('orgs.requiredEngineers', {
                      have: v.status.qualifyingEngineers,
                      need: v.status.requirement.engineers,
                    })
                  : engineerCount(v)}
              </td>
              <td>
                <StatusFlag view={v} />
              </td>
            </tr>
          )}
        />
      )}
    </div>
  );
}

/** One enterprise's safety organisation: what applies, what it has, and its form. */
export function SafetyOrgPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useOrganisationT();
  const session = useSession();
  const writer = session ? WRITERS.includes(session.user.role) : false;
  const org = useSafetyOrg(id);
  const v = org.data;
  const req = v?.status.requirement;
  return (
    <div className="page">
      <QueryState query={org} />
      {v && (
        <>
          <PageHeader title={`${v.enterpriseName} · ${t('orgs.title')}`}>
            {v.updatedAt
              ? t('org.updatedAt', {
                  at: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(
                    new Date(v.updatedAt),
                  ),
                })
              : t('orgs.notReported')}
          </PageHeader>
          <p>
            <Link to="/safety-orgs">{t('org.back')}</Link>
          </p>
          <dl className="org-facts" data-testid="org-facts">
            <dt>{t('orgs.industry')}</dt>
            <dd>
              {v.industry ? t(`industries.${v.industry}`) : '—'}
              {v.industry && !v.industryRecorded && <span className="org-muted"> {t('org.suggested')}</span>}
            </dd>
            <dt>{t('org.requirement')}</dt>
            <dd>
              {req ? (
                <>
                  <div>
                    {req.organisation === 'office_or_full_time'
                      ? t('org.officeOrFullTime')
                      : t('org.managers')}
                  </div>
                  {req.engineers > 0 && <div>{t('org.engineersNeeded', { count: req.engineers })}</div>}
                  <div className="org-muted">{t('org.basis', { basis: req.basis.join('、') })}</div>
                </>
              ) : (
                '—'
              )}
            </dd>
            <dt>{t('orgs.status')}</dt>
            <dd data-testid="org-status">
              <StatusFlag view={v} />
            </dd>
          </dl>
          {writer ? <SafetyOrgForm key={v.updatedAt ?? 'new'} view={v} /> : <ManagersTable view={v} />}
        </>
      )}
    </div>
  );
}

function ManagersTable({ view }: { view: SafetyOrgView }) {
  const { t } = useOrganisationT();
  return (
    <>
      <h2>{t('org.managersTitle')}</h2>
      <ListTable
        testId="org-managers"
        columns={[
          t('group.name'),
          t('group.post'),
          t('org.kind'),
          t('org.certificateNo'),
          t('org.specialty'),
          t('org.level'),
        ]}
        items={view.managers}
        empty={t('org.noManagers')}
        row={(m) => (
          <tr key={m.id}>
            <td>{m.name}</td>
            <td>{m.post}</td>
            <td>{t(`org.kinds.${m.kind}`)}</td>
            <td>{m.engineer?.certificateNo ?? '—'}</td>
            <td>{m.engineer ? t(`specialties.${m.engineer.specialty}`) : '—'}</td>
            <td>{m.engineer ? t(`levels.${m.engineer.level}`) : '—'}</td>
          </tr>
        )}
      />
    </>
  );
}

interface ManagerDraft {
  contactId: string;
  kind: SafetyManagerKind;
  isEngineer: boolean;
  certificateNo: string;
  specialty: EngineerSpecialty;
  level: EngineerLevel;
}

function SafetyOrgForm({ view }: { view: SafetyOrgView }) {
  const { t } = useOrganisationT();
  const contacts = useAllContacts();
  const people = (contacts.data ?? []).filter((c) => c.enterpriseId === view.enterpriseId);
  const save = useSaveSafetyOrg(view.enterpriseId);
  const [industry, setIndustry] = useState<SafetyOrgIndustry | ''>(
    view.industryRecorded ? (view.industry ?? '') : '',
  );
  const [headcount, setHeadcount] = useState(view.headcount === null ? '' : String(view.headcount));
  const [hasOffice, setHasOffice] = useState(view.hasOffice);
  const [officeName, setOfficeName] = useState(view.officeName);
  const [managers, setManagers] = useState<ManagerDraft[]>(
    view.managers.map((m) => ({
      contactId: m.contactId,
      kind: m.kind,
      isEngineer: m.engineer !== null,
      certificateNo: m.engineer?.certificateNo ?? '',
      specialty: m.engineer?.specialty ?? 'chemical',
      level: m.engineer?.level ?? 'intermediate',
    })),
  );
  const edit = (i: number, patch: Partial<ManagerDraft>) =>
    setManagers((list) => list.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const body = (): SafetyOrgInput => ({
    industry: industry || null,
    headcount: headcount === '' ? null : Number(headcount),
    hasOffice,
    officeName: hasOffice ? officeName : '',
    managers: managers.map((m) => ({
      contactId: m.contactId,
      kind: m.kind,
      engineer: m.isEngineer
        ? { certificateNo: m.certificateNo, specialty: m.specialty, level: m.level }
        : null,
    })),
  });
  return (
    <form
      className="form org-form"
      data-testid="safety-org-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(body());
      }}
    >
      <h2>{t('org.form')}</h2>
      <div className="form__row">
        <div className="field">
          <label htmlFor="so-industry">{t('org.industryLabel')}</label>
          <select
            id="so-industry"
            value={industry}
            onChange={(e) => setIndustry(e.target.value as SafetyOrgIndustry | '')}
          >
            <option value="">
              {t('org.industrySuggested')}
              {!view.industryRecorded && view.industry ? `（${t(`industries.${view.industry}`)}）` : ''}
            </option>
            {SAFETY_ORG_INDUSTRIES.map((i) => (
              <option key={i} value={i}>
                {t(`industries.${i}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="so-headcount">{t('org.headcountLabel')}</label>
          <input
            id="so-headcount"
            type="number"
            min="0"
            step="1"
            value={headcount}
            onChange={(e) => setHeadcount(e.target.value)}
          />
        </div>
      </div>
      <div className="form__row">
        <label className="org-check">
          <input type="checkbox" checked={hasOffice} onChange={(e) => setHasOffice(e.target.checked)} />
          {t('org.hasOffice')}
        </label>
        {hasOffice && (
          <div className="field">
            <label htmlFor="so-office">{t('org.officeName')}</label>
            <input id="so-office" value={officeName} onChange={(e) => setOfficeName(e.target.value)} />
          </div>
        )}
      </div>
      <h3>{t('org.managersTitle')}</h3>
      {managers.length === 0 && <p className="org-muted">{t('org.noManagers')}</p>}
      {managers.map((m, i) => (
        <fieldset key={i} className="org-manager" data-testid="org-manager">
          <div className="form__row">
            <div className="field">
              <label htmlFor={`so-person-${i}`}>{t('org.person')}</label>
              <select
                id={`so-person-${i}`}
                value={m.contactId}
                onChange={(e) => edit(i, { contactId: e.target.value })}
                required
              >
                <option value="">{t('group.choose')}</option>
                {people.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}（{c.post}）
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`so-kind-${i}`}>{t('org.kind')}</label>
              <select
                id={`so-kind-${i}`}
                value={m.kind}
                onChange={(e) => edit(i, { kind: e.target.value as SafetyManagerKind })}
              >
                {SAFETY_MANAGER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`org.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <label className="org-check">
              <input
                type="checkbox"
                checked={m.isEngineer}
                onChange={(e) => edit(i, { isEngineer: e.target.checked })}
              />
              {t('org.isEngineer')}
            </label>
            <button
              type="button"
              className="button button--small"
              onClick={() => setManagers((list) => list.filter((_, j) => j !== i))}
            >
              {t('org.remove')}
            </button>
          </div>
          {m.isEngineer && (
            <div className="form__row">
              <div className="field">
                <label htmlFor={`so-cert-${i}`}>{t('org.certificateNo')}</label>
                <input
                  id={`so-cert-${i}`}
                  value={m.certificateNo}
                  onChange={(e) => edit(i, { certificateNo: e.target.value })}
                  required
                />
              </div>
              <div className="field">
                <label htmlFor={`so-specialty-${i}`}>{t('org.specialty')}</label>
                <select
                  id={`so-specialty-${i}`}
                  value={m.specialty}
                  onChange={(e) => edit(i, { specialty: e.target.value as EngineerSpecialty })}
                >
                  {ENGINEER_SPECIALTIES.map((s) => (
                    <option key={s} value={s}>
                      {t(`specialties.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`so-level-${i}`}>{t('org.level')}</label>
                <select
                  id={`so-level-${i}`}
                  value={m.level}
                  onChange={(e) => edit(i, { level: e.target.value as EngineerLevel })}
                >
                  {ENGINEER_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {t(`levels.${l}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}
        </fieldset>
      ))}
      <button
        type="button"
        className="button org-add"
        onClick={() =>
          setManagers((list) => [
            ...list,
            {
              contactId: '',
              kind: 'full_time',
              isEngineer: false,
              certificateNo: '',
              specialty: 'chemical',
              level: 'intermediate',
            },
          ])
        }
      >
        {t('org.addManager')}
      </button>
      {save.isError && <ErrorNotice error={save.error} />}
      {save.isSuccess && <p className="org-muted">{t('org.saved')}</p>}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('org.save')}
        </button>
      </div>
    </form>
  );
}
