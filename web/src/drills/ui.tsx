import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSession } from '../auth/session-hooks';
import { Tabs } from '../components/Tabs';
import type { ActionOutcome, ObjectiveOutcome, Role, RunStatus } from '../contracts';
import { fetchAllContacts, fetchTeams } from '../directory/api';
import { fetchPlanChoices } from './api';
import { useDrillsT } from './i18n';
import './drills.css';

const DIRECTORS: readonly Role[] = ['zone_admin', 'commander'];
const EVALUATORS: readonly Role[] = ['zone_admin', 'commander', 'evaluator'];

/** Writes scenarios and runs a drill (the server decides in the end). */
export function useCanDirect(): boolean {
  const role = useSession()?.user.role;
  return role ? DIRECTORS.includes(role) : false;
}

/** Tags observations and fills in the evaluation form. */
export function useCanEvaluate(): boolean {
  const role = useSession()?.user.role;
  return role ? EVALUATORS.includes(role) : false;
}

export function DrillsTabs() {
  const { t } = useDrillsT();
  return (
    <Tabs
      label={t('title')}
      className="drill-tabs"
      tabs={[
        { to: '/drills', label: t('tabs.runs'), end: true },
        { to: '/drills/scenarios', label: t('tabs.scenarios') },
        { to: '/drills/improvements', label: t('tabs.improvements') },
        { to: '/drills/compliance', label: t('tabs.compliance') },
      ]}
    />
  );
}

/**
 * The mark no one can miss on a drill's screens: a striped band with 演练 and a faint tiled
 * word across the page, so a screenshot or a glance at a wall screen is never taken for a real
 * incident.
 */
export function DrillWatermark({ children }: { children?: ReactNode }) {
  const { t } = useDrillsT();
  return (
    <>
      <div className="drill-banner" role="note" data-testid="drill-watermark">
        <span className="drill-banner__word">{t('watermark.word')}</span>
        <span className="drill-banner__text">{children ?? t('watermark.text')}</span>
        <span className="drill-banner__word">{t('watermark.word')}</span>
      </div>
      <div className="drill-watermark" aria-hidden="true" />
    </>
  );
}

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const { t } = useDrillsT();
  return (
    <span className={`drill-status drill-status--${status}`} data-status={status}>
      {t(`runStatus.${status}`)}
    </span>
  );
}

export function OutcomeBadge({ outcome }: { outcome: ActionOutcome | ObjectiveOutcome }) {
  const { t } = useDrillsT();
  return (
    <span className={`drill-outcome drill-outcome--${outcome}`} data-outcome={outcome}>
      {t(`outcome.${outcome}`)}
    </span>
  );
}

/** Field problems from the server, right under the field they are about. */
export function FieldProblems({ problems, id }: { problems: string[]; id?: string }) {
  if (problems.length === 0) return null;
  return (
    <p className="field__error" id={id} role="alert">
      {problems.join('；')}
    </p>
  );
}

export const drillKeys = {
  all: ['drills'] as const,
  scenarios: (filter: object) => ['drills', 'scenarios', filter] as const,
  scenario: (id: string) => ['drills', 'scenario', id] as const,
  versions: (id: string) => ['drills', 'scenario', id, 'versions'] as const,
  runs: (filter: object) => ['drills', 'runs', filter] as const,
  run: (id: string) => ['drills', 'run', id] as const,
  metrics: (id: string) => ['drills', 'run', id, 'metrics'] as const,
  observations: (id: string) => ['drills', 'run', id, 'observations'] as const,
  evaluations: (id: string) => ['drills', 'run', id, 'evaluations'] as const,
  report: (id: string) => ['drills', 'run', id, 'report'] as const,
  improvements: (filter: object) => ['drills', 'improvements', filter] as const,
  compliance: (enterpriseId: string) => ['drills', 'compliance', enterpriseId] as const,
};

export function usePlanChoices() {
  return useQuery({
    queryKey: ['drills', 'plan-choices'],
    queryFn: ({ signal }) => fetchPlanChoices(signal),
  });
}

export function useTeamChoices() {
  return useQuery({ queryKey: ['drills', 'teams'], queryFn: ({ signal }) => fetchTeams(signal) });
}

export function useContactChoices() {
  return useQuery({ queryKey: ['drills', 'contacts'], queryFn: ({ signal }) => fetchAllContacts(signal) });
}

/** "3 people · 1 team · 1 evaluator": each count with its own plural. */
export function useRosterLine() {
  const { t } = useDrillsT();
  return (roster: { contacts: unknown[]; teams: unknown[]; evaluators: unknown[] }) =>
    [
      t('runs.rosterContacts', { count: roster.contacts.length }),
      t('runs.rosterTeams', { count: roster.teams.length }),
      t('runs.rosterEvaluators', { count: roster.evaluators.length }),
    ].join(' · ');
}
