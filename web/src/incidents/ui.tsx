import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublicConfig } from '../api/queries';
import type { TFunction } from 'i18next';
import {
  ROLES,
  type IncidentStatus,
  type ReportingDuty,
  type ResponseLevel,
  type Role,
  type Severity,
} from '../contracts';
import { formatDateTime } from '../lib/format';
import type { LiveStatus } from '../live/live-socket';
import { countdown, formatDuration } from './incident-model';
import { levelName } from './level-name';
import './incidents.css';

/** The zone's time zone, in which every time on the incident pages is shown and entered. */
export function useZoneTimeZone(): string {
  return usePublicConfig().data?.timeZone ?? 'Asia/Shanghai';
}

/** Formats an instant on the zone clock, in the interface language. */
export function useZoneTime(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const timeZone = useZoneTimeZone();
  return (iso) => formatDateTime(iso, i18n.language, timeZone);
}

// One ticking clock for every countdown on the page, rather than a timer per badge.
let now = Date.now();
const tickers = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
function subscribeClock(listener: () => void): () => void {
  tickers.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      for (const tick of tickers) tick();
    }, 1000);
  }
  return () => {
    tickers.delete(listener);
    if (tickers.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, updated every second while a component shows it. */
export function useNow(): number {
  return useSyncExternalStore(subscribeClock, () => now);
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <span className={`severity-badge severity-badge--${severity}`} data-severity={severity}>
      {t(`incidents.severity.${severity}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`incident-status incident-status--${status}`} data-status={status}>
      {t(`incidents.status.${status}`)}
    </span>
  );
}

export function LevelBadge({ level }: { level: ResponseLevel | null }) {
  const { t, i18n } = useTranslation();
  if (!level) return <span className="level-badge level-badge--none">{t('incidents.level.none')}</span>;
  return (
    <span className={`level-badge level-badge--${level}`} data-level={level}>
      {levelName(level, i18n.language)}
    </span>
  );
}

export function LateFlag() {
  const { t } = useTranslation();
  return (
    <span className="late-flag" title={t('incidents.clock.lateHint')} data-testid="late-flag">
      {t('incidents.clock.late')}
    </span>
  );
}

export function DrillFlag() {
  const { t } = useTranslation();
  return <span className="drill-flag">{t('incidents.drill')}</span>;
}

/**
 * The 1-hour reporting deadline (Decree 493 Art. 9): counting down while the first report is
 * still owed, and once it is in, what was done and when (on time, or late by so many minutes),
 * in plain colours, as there is nothing left to hurry for.
 */
export function ReportingCountdown({
  deadline,
  duty,
  closed,
  compact,
}: {
  deadline: string;
  duty: ReportingDuty;
  closed?: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const nowMs = useNow();
  const zoneTime = useZoneTime();
  const className = `reporting-clock${compact ? ' reporting-clock--compact' : ''}`;
  if (duty.met) {
    const late = duty.lateByMinutes > 0;
    return (
      <span
        className={`${className} reporting-clock--met`}
        data-testid="reporting-clock"
        data-duty="met"
        title={t('incidents.clock.deadlineAt', { time: zoneTime(deadline) })}
      >
        <span className="reporting-clock__done">
          {t('incidents.clock.reportedAt', { time: zoneTime(duty.metAt) })}
        </span>
        {' · '}
        <span className="reporting-clock__verdict" title={late ? t('incidents.clock.lateHint') : undefined}>
          {late ? t('incidents.clock.lateBy', { count: duty.lateByMinutes }) : t('incidents.clock.metOnTime')}
        </span>
      </span>
    );
  }
  const left = countdown(deadline, nowMs);
  const time = formatDuration(left.seconds, t('incidents.clock.daySuffix'));
  return (
    <span className={className} data-testid="reporting-clock" data-duty="owed">
      {!closed && !left.overdue ? (
        <span
          className="reporting-clock__left"
          role="timer"
          title={t('incidents.clock.deadlineAt', { time: zoneTime(deadline) })}
        >
          {t('incidents.clock.deadlineIn', { time })}
        </span>
      ) : (
        <span className="reporting-clock__at">
          {t('incidents.clock.deadlineAt', { time: zoneTime(deadline) })}
        </span>
      )}
      {left.overdue && <LateFlag />}
    </span>
  );
}

export function LiveIndicator({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  return (
    <span
      className={`live-indicator live-indicator--${status}`}
      role="status"
      data-testid="live-status"
      data-status={status}
    >
      <span className="live-indicator__dot" aria-hidden="true" />
      {t(`incidents.live.${status}`)}
    </span>
  );
}

/** A transient confirmation that fades after a few seconds. */
export function useFlash(durationMs = 6000): [string | null, (message: string) => void] {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!message) return;
    const id = setTimeout(() => setMessage(null), durationMs);
    return () => clearTimeout(id);
  }, [message, durationMs]);
  return [message, setMessage];
}

/** A role as people read it; `system` for entries the system made itself. */
export function roleLabel(t: TFunction, role: string | undefined): string {
  if (!role || role === 'system') return t('incidents.timeline.system');
  return (ROLES as readonly string[]).includes(role) ? t(`roles.${role as Role}`) : role;
}
