/** What the leading group's pages share: tabs, pickers, a decision's deadline, status and table. */
import { Link } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ListTable } from '../components/ListTable';
import { Tabs } from '../components/Tabs';
import { type DecisionAction, type DecisionView } from '../contracts';
import { uploadFile } from '../hazards/api';
import { useAllContacts } from './api';
import { useOrganisationT } from './i18n';
import './organisation.css';

/** The office's actions; the others report progress and completion. */
export const OFFICE_ACTIONS: readonly DecisionAction[] = ['verify', 'return'];
export const WORKERS = ['zone_admin', 'commander', 'inspector'];

export function useRole() {
  return useSession()?.user.role ?? null;
}

export function GroupTabs() {
  const { t } = useOrganisationT();
  return (
    <Tabs
      label={t('group.title')}
      tabs={[
        { to: '/leading-group', label: t('tabs.members'), end: true },
        { to: '/leading-group/meetings', label: t('tabs.meetings') },
        { to: '/leading-group/decisions', label: t('tabs.board') },
      ]}
    />
  );
}

/** The zone's people, for the group's pickers: the directory's entries without an enterprise. */
export function useZonePeople() {
  const contacts = useAllContacts();
  return (contacts.data ?? []).filter((c) => c.enterpriseId === null);
}

export async function uploadAll(files: File[]): Promise<string[]> {
  return (await Promise.all(files.map((f) => uploadFile(f)))).map((f) => f.id);
}

export function Deadline({ d }: { d: DecisionView }) {
  const { t } = useOrganisationT();
  return (
    <>
      <span className="nowrap">{d.deadline}</span>
      {d.daysLeft !== null && (
        <div
          className={d.overdue ? 'org-flag org-flag--bad' : 'org-muted'}
          data-testid={d.overdue ? 'decision-overdue' : undefined}
        >
          {d.overdue
            ? t('decision.overdueBy', { days: -d.daysLeft })
            : t('decision.daysLeft', { days: d.daysLeft })}
        </div>
      )}
    </>
  );
}

export function StatusBadge({ d }: { d: DecisionView }) {
  const { t } = useOrganisationT();
  return <span className={`org-status org-status--${d.status}`}>{t(`decision.statuses.${d.status}`)}</span>;
}

export function DecisionTable({
  items,
  testId,
  showMeeting,
}: {
  items: DecisionView[];
  testId: string;
  showMeeting: boolean;
}) {
  const { t } = useOrganisationT();
  return (
    <ListTable
      testId={testId}
      columns={[
        t('decision.item'),
        t('decision.department'),
        t('decision.responsible'),
        t('decision.deadline'),
        t('decision.status'),
        ...(showMeeting ? [t('decision.meeting')] : []),
      ]}
      items={items}
      empty={t('board.empty')}
      row={(d) => (
        <tr key={d.id} data-decision={d.id}>
          <td>
            <Link to={`/leading-group/decisions/${d.id}`}>{d.item}</Link>
          </td>
          <td>{d.department}</td>
          <td>{d.responsibleName ?? t('decision.none')}</td>
          <td>
            <Deadline d={d} />
          </td>
          <td>
            <StatusBadge d={d} />
          </td>
          {showMeeting && (
            <td>
              <Link to={`/leading-group/meetings/${d.meetingId}`}>{d.meetingTitle}</Link>
            </td>
          )}
        </tr>
      )}
    />
  );
}
