/** What the culture pages share: who writes and reviews, the year, the tabs, the application badges and checklist. */
import { useSearchParams } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { ListTable } from '../components/ListTable';
import { Tabs } from '../components/Tabs';
import { YearField as SharedYearField } from '../components/YearField';
import {
  type ModelApplicationStatus,
  type ModelCriteriaView,
  type ModelPrerequisiteCheck,
} from '../contracts';
import { useCultureT } from './i18n';
import './culture.css';

export const ACTIVITY_WRITERS = ['zone_admin', 'inspector', 'enterprise_officer'];
export const REVIEWERS = ['zone_admin', 'inspector'];

export function useZone(): string {
  return usePublicConfig().data?.timeZone ?? 'Asia/Shanghai';
}

export function useYear(): [number, (y: number) => void] {
  const timeZone = useZone();
  const [params, setParams] = useSearchParams();
  const current = Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(new Date()));
  const year = Number(params.get('year')) || current;
  return [year, (y) => setParams({ year: String(y) }, { replace: true })];
}

export function CultureTabs() {
  const { t } = useCultureT();
  return (
    <Tabs
      label={t('title')}
      tabs={[
        { to: '/culture', label: t('tabs.activities'), end: true },
        { to: '/culture/programme', label: t('tabs.programme') },
        { to: '/culture/model-enterprises', label: t('tabs.models') },
      ]}
    />
  );
}

export function YearField({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const { t } = useCultureT();
  return (
    <SharedYearField
      id="culture-year"
      className="culture-year"
      label={t('year')}
      year={year}
      setYear={setYear}
    />
  );
}

export function organiserName(a: { enterpriseId: string | null; organiserName: string }, zone: string) {
  return a.enterpriseId ? a.organiserName : zone;
}

export function StatusBadge({ status }: { status: ModelApplicationStatus }) {
  const { t } = useCultureT();
  return (
    <span className={`culture-status culture-status--${status}`} data-testid="application-status">
      {t(`status.${status}`)}
    </span>
  );
}

export function Prerequisites({ checks }: { checks: ModelPrerequisiteCheck[] }) {
  const { t } = useCultureT();
  return (
    <ul className="culture-checks" data-testid="culture-prerequisites">
      {checks.map((c) => (
        <li
          key={c.code}
          className={c.ok ? 'culture-check culture-check--ok' : 'culture-check culture-check--fail'}
        >
          <strong>{c.ok ? t('prerequisite.ok') : t('prerequisite.fail')}</strong>{' '}
          {t(`prerequisite.${c.code}`, { years: c.years, since: c.since })}
          {!c.ok && ` (${t('prerequisite.found', { count: c.count })})`}
        </li>
      ))}
    </ul>
  );
}

export function CriteriaTable({ criteria }: { criteria: ModelCriteriaView }) {
  const { t } = useCultureT();
  return (
    <>
      <p className="culture-note">
        {t('programme.totalPoints', {
          total: criteria.totalPoints,
          pass: criteria.passScore,
          years: criteria.incidentYears,
          validity: criteria.validityYears,
        })}
      </p>
      <ListTable
        testId="culture-criteria"
        columns={[
          t('programme.code'),
          t('programme.section'),
          t('programme.item'),
          t('programme.points'),
          t('programme.evidence'),
        ]}
        items={criteria.items}
        empty={t('programme.noCriteria', { year: criteria.year })}
        row={(i) => (
          <tr key={i.code}>
            <td className="nowrap">{i.code}</td>
            <td className="nowrap">{i.section}</td>
            <td>{i.title}</td>
            <td className="num">{i.points}</td>
            <td>{i.evidence}</td>
          </tr>
        )}
      />
    </>
  );
}
