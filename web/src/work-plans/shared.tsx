/** What the work-plan pages share: who reviews, the zone's year and days, the status badges, the year field. */
import { useSearchParams } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { YearField as SharedYearField } from '../components/YearField';
import { type WorkPlanQuarterCell, type WorkPlanStatus } from '../contracts';
import { useWorkPlansT } from './i18n';
import './work-plans.css';

export const REVIEWERS = ['zone_admin', 'inspector'];

function useZoneYear(): number {
  const config = usePublicConfig();
  const timeZone = config.data?.timeZone ?? 'Asia/Shanghai';
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(new Date()));
}

export function useYear(): [number, (y: number) => void] {
  const current = useZoneYear();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || current;
  return [year, (y) => setParams({ year: String(y) }, { replace: true })];
}

export function useDay() {
  const { i18n } = useWorkPlansT();
  const config = usePublicConfig();
  const format = new Intl.DateTimeFormat(i18n.language, {
    timeZone: config.data?.timeZone ?? 'Asia/Shanghai',
    dateStyle: 'medium',
  });
  return (iso: string | null) => (iso ? format.format(new Date(iso)) : '—');
}

export function useDateTime() {
  const { i18n } = useWorkPlansT();
  const config = usePublicConfig();
  const format = new Intl.DateTimeFormat(i18n.language, {
    timeZone: config.data?.timeZone ?? 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (iso: string | null) => (iso ? format.format(new Date(iso)) : '—');
}

export function StatusBadge({ status }: { status: WorkPlanStatus | 'not_started' }) {
  const { t } = useWorkPlansT();
  return (
    <span className={`wp-badge wp-badge--${status}`} data-testid="work-plan-status">
      {t(`status.${status}`)}
    </span>
  );
}

export function QuarterBadge({ cell }: { cell: WorkPlanQuarterCell }) {
  const { t } = useWorkPlansT();
  return (
    <span
      className={`wp-q wp-q--${cell.state}`}
      title={t('quarter.due', { date: cell.dueOn })}
      data-testid={`work-plan-q${cell.quarter}`}
    >
      {t(`quarter.${cell.state}`)}
    </span>
  );
}

export function YearField({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const { t } = useWorkPlansT();
  return <SharedYearField id="wp-year" className="wp-year" label={t('year')} year={year} setYear={setYear} />;
}
