import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { LEADING_GROUP_ROLES, type LeadingGroupMemberView, type LeadingGroupRole } from '../contracts';
import { useAddMember, useChangeMember, useEndMember, useMembers } from './api';
import { useOrganisationT } from './i18n';
import { GroupTabs, useRole, useZonePeople } from './leading-group-shared';
import './organisation.css';

export function LeadingGroupPage() {
  const { t } = useOrganisationT();
  const office = useRole() === 'zone_admin';
  const [history, setHistory] = useState(false);
  const members = useMembers(history);
  return (
    <div className="page">
      <PageHeader title={t('group.title')}>{t('group.subtitle')}</PageHeader>
      <GroupTabs />
      <label className="org-check">
        <input type="checkbox" checked={history} onChange={(e) => setHistory(e.target.checked)} />
        {t('group.history')}
      </label>
      <QueryState query={members} />
      {members.data && (
        <ListTable
          testId="group-members"
          columns={[
            t('group.role'),
            t('group.name'),
            t('group.department'),
            t('group.post'),
            t('group.from'),
            t('group.until'),
            t('group.note'),
            '',
          ]}
          items={members.data}
          empty={t('group.empty')}
          row={(m) => <MemberRow key={m.id} member={m} office={office} />}
        />
      )}
      {office && <AddMemberForm />}
    </div>
  );
}

function MemberRow({ member: m, office }: { member: LeadingGroupMemberView; office: boolean }) {
  const { t } = useOrganisationT();
  const [editing, setEditing] = useState<'change' | 'end' | null>(null);
  return (
    <>
      <tr className={m.untilDate ? 'org-past' : undefined}>
        <td className="nowrap">{t(`group.roles.${m.role}`)}</td>
        <td>{m.name}</td>
        <td>{m.department}</td>
        <td>{m.post}</td>
        <td className="nowrap">{m.fromDate}</td>
        <td className="nowrap">{m.untilDate ?? t('group.current')}</td>
        <td>{m.note}</td>
        <td className="nowrap">
          {office && !m.untilDate && (
            <>
              <button type="button" className="button button--small" onClick={() => setEditing('change')}>
                {t('group.change')}
              </button>{' '}
              <button type="button" className="button button--small" onClick={() => setEditing('end')}>
                {t('group.end')}
              </button>
            </>
          )}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={8}>
            {editing === 'change' ? (
              <ChangeMemberForm member={m} onDone={() => setEditing(null)} />
            ) : (
              <EndMemberForm member={m} onDone={() => setEditing(null)} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function RoleSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: LeadingGroupRole;
  onChange: (r: LeadingGroupRole) => void;
}) {
  const { t } = useOrganisationT();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as LeadingGroupRole)}>
      {LEADING_GROUP_ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`group.roles.${r}`)}
        </option>
      ))}
    </select>
  );
}

function AddMemberForm() {
  const { t } = useOrganisationT();
  const people = useZonePeople();
  const add = useAddMember();
  const [contactId, setContactId] = useState('');
  const [role, setRole] = useState<LeadingGroupRole>('member');
  const [department, setDepartment] = useState('');
  const [post, setPost] = useState('');
  const [fromDate, setFromDate] = useState('');
  return (
    <details className="org-form">
      <summary>{t('group.add')}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { contactId, role, fromDate, ...(department && { department }), ...(post && { post }) },
            { onSuccess: () => setContactId('') },
          );
        }}
      >
        <div className="form__row">
          <div className="field">
            <label htmlFor="gm-person">{t('group.person')}</label>
            <select
              id="gm-person"
              value={contactId}
              onChange={(e) => {
                setContactId(e.target.value);
                const c = people.find((p) => p.id === e.target.value);
                setDepartment(c?.organization ?? '');
                setPost(c?.post ?? '');
              }}
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
            <label htmlFor="gm-role">{t('group.role')}</label>
            <RoleSelect id="gm-role" value={role} onChange={setRole} />
          </div>
          <div className="field">
            <label htmlFor="gm-from">{t('group.from')}</label>
            <input
              id="gm-from"
              type="date"
              value={fromDate}
              onChange={(e) => setFromDate(e.target.value)}
              required
            />
          </div>
        </div>
        <div className="form__row">
          <div className="field">
            <label htmlFor="gm-department">{t('group.department')}</label>
            <input id="gm-department" value={department} onChange={(e) => setDepartment(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="gm-post">{t('group.post')}</label>
            <input id="gm-post" value={post} onChange={(e) => setPost(e.target.value)} />
          </div>
        </div>
        {add.isError && <ErrorNotice error={add.error} />}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {t('group.addButton')}
          </button>
        </div>
      </form>
    </details>
  );
}

function ChangeMemberForm({ member, onDone }: { member: LeadingGroupMemberView; onDone: () => void }) {
  const { t } = useOrganisationT();
  const change = useChangeMember();
  const [role, setRole] = useState<LeadingGroupRole>(member.role);
  const [department, setDepartment] = useState(member.department);
  const [post, setPost] = useState(member.post);
  const [fromDate, setFromDate] = useState('');
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate({ id: member.id, role, department, post, fromDate }, { onSuccess: onDone });
      }}
    >
      <strong>{t('group.changeTitle')}</strong>
      <div className="form__row">
        <div className="field">
          <label htmlFor={`gc-role-${member.id}`}>{t('group.role')}</label>
          <RoleSelect id={`gc-role-${member.id}`} value={role} onChange={setRole} />
        </div>
        <div className="field">
          <label htmlFor={`gc-dep-${member.id}`}>{t('group.department')}</label>
          <input
            id={`gc-dep-${member.id}`}
            value={department}
            onChange={(e) => setDepartment(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`gc-post-${member.id}`}>{t('group.post')}</label>
          <input
            id={`gc-post-${member.id}`}
            value={post}
            onChange={(e) => setPost(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`gc-from-${member.id}`}>{t('group.changeFrom')}</label>
          <input
            id={`gc-from-${member.id}`}
            type="date"
            min={member.fromDate}
            value={fromDate}
            onChange={(e) => setFromDate(e.target.value)}
            required
          />
        </div>
      </div>
      {change.isError && <ErrorNotice error={change.error} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          {t('group.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('group.cancel')}
        </button>
      </div>
    </form>
  );
}

function EndMemberForm({ member, onDone }: { member: LeadingGroupMemberView; onDone: () => void }) {
  const { t } = useOrganisationT();
  const end = useEndMember();
  const [untilDate, setUntilDate] = useState('');
  return (
    <form
      className="form org-inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        end.mutate({ id: member.id, untilDate }, { onSuccess: onDone });
      }}
    >
      <div className="field">
        <label htmlFor={`ge-until-${member.id}`}>{t('group.endOn')}</label>
        <input
          id={`ge-until-${member.id}`}
          type="date"
          min={member.fromDate}
          value={untilDate}
          onChange={(e) => setUntilDate(e.target.value)}
          required
        />
      </div>
      {end.isError && <ErrorNotice error={end.error} />}
      <button type="submit" className="button button--primary" disabled={end.isPending}>
        {t('group.save')}
      </button>
      <button type="button" className="button" onClick={onDone}>
        {t('group.cancel')}
      </button>
    </form>
  );
}
