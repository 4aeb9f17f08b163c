import {
  type ChainActView,
  type ChainDuty,
  type IncidentCategory,
  type IncidentSource,
  type IncidentStatus,
  type ReportingChainView,
  type Severity,
  followUpIntervalHours,
  onwardLevels,
  owesProvincialReport,
} from '@muster/contracts';
import {
  REPORT_DEADLINE_MS,
  type StoredReportingFacts,
  clockFacts,
  endOfZoneDay,
  endOfZoneDayWindow,
  minutesLate,
  supplementaryUntil,
  supplementaryWindowDays,
} from './reporting.js';

const HOUR_MS = 60 * 60 * 1000;
/** Art. 11: each level passes the report on within 2 hours. */
export const ONWARD_HOURS_PER_LEVEL = 2;
/** Art. 29: the investigation report within 60 days, extended by at most 60 with approval. */
export const INVESTIGATION_DAYS = 60;
export const MAX_INVESTIGATION_EXTENSION_DAYS = 60;

/** Art. 32: the government answers within 15 days of the report, 30 for especially serious accidents. */
export function replyDays(severity: Severity): number {
  return severity === 'especially_serious' ? 30 : 15;
}

/** The response still runs (Order 21's follow-ups are owed) until the incident is contained or closed. */
export function responseRunning(status: IncidentStatus): boolean {
  return status === 'reported' || status === 'verified' || status === 'responding';
}

export interface ChainFacts {
  enterpriseId: string | null;
  severity: Severity;
  category: IncidentCategory;
  status: IncidentStatus;
  source: IncidentSource;
  occurredAt: Date;
  headInformedAt: Date;
  reportedAt: Date;
  enterpriseReportedAt: Date | null;
}

/** The chain's facts from an incident's columns (see `clockFacts`). */
export function chainFacts(
  i: StoredReportingFacts & Pick<ChainFacts, 'enterpriseId' | 'severity' | 'status'>,
): ChainFacts {
  return {
    ...clockFacts(i),
    enterpriseId: i.enterpriseId,
    severity: i.severity,
    status: i.status,
    source: i.source,
  };
}

export interface ChainReport {
  kind: 'initial' | 'supplementary';
  submittedAt: Date;
}

const NOT_OWED: ChainDuty = { state: 'not_owed', from: null, deadline: null, metAt: null, lateByMinutes: 0 };

/** One duty's state at `now`: met (maybe late), or still running, or overdue. */
export function dutyAt(from: Date, deadline: Date, metAt: Date | null, now: Date): ChainDuty {
  const base = { from: from.toISOString(), deadline: deadline.toISOString() };
  if (metAt) {
    const late = minutesLate(deadline, metAt);
    return { ...base, state: late > 0 ? 'met_late' : 'met', metAt: metAt.toISOString(), lateByMinutes: late };
  }
  const late = minutesLate(deadline, now);
  return { ...base, state: late > 0 ? 'overdue' : 'owed', metAt: null, lateByMinutes: late };
}

/** When the investigation report is due, with the extension approved (if any). */
export function investigationDue(occurredAt: Date, extensionDays: number, tz: string): Date {
  return endOfZoneDayWindow(occurredAt, INVESTIGATION_DAYS + extensionDays, tz);
}

/**
 * Every clock of the reporting chain at `now`. A grade that rises later (a 续报 inside the
 * window) adds the levels and the provincial report it requires with the clocks they would have
 * had from the start, so they show overdue at once: the regulator counts from the accident's
 * report, not from when the figures caught up. `acts` are the chain's recorded acts, `reports`
 * the incident's initial and follow-up reports; day-counted deadlines fall at the end of a
 * zone-local day (see `endOfZoneDayWindow`).
 */
export function reportingChain(
  f: ChainFacts,
  acts: ChainActView[],
  reports: ChainReport[],
  now: Date,
  tz: string,
): ReportingChainView {
  const one = (kind: ChainActView['kind']) => acts.find((a) => a.kind === kind) ?? null;
  const at = (a: ChainActView | null) => (a ? new Date(a.at) : null);

  const enterpriseDeadline = new Date(f.headInformedAt.getTime() + REPORT_DEADLINE_MS);
  const enterpriseDuty =
    f.enterpriseReportedAt || f.enterpriseId
      ? dutyAt(f.headInformedAt, enterpriseDeadline, f.enterpriseReportedAt, now)
      : NOT_OWED;

  const provincialAct = one('provincial');
  // Only an enterprise reports to the province itself; the zone's own incidents go up the chain.
  const provincialDuty =
    owesProvincialReport(f.severity) && (f.enterpriseId || provincialAct)
      ? dutyAt(f.headInformedAt, enterpriseDeadline, at(provincialAct), now)
      : provincialAct
        ? { ...NOT_OWED, metAt: provincialAct.at }
        : NOT_OWED;

  const levels = onwardLevels(f.severity);
  const onward = levels.map((level, i) => {
    const act = acts.find((a) => a.kind === 'onward' && a.level === level) ?? null;
    const deadline = new Date(f.reportedAt.getTime() + (i + 1) * ONWARD_HOURS_PER_LEVEL * HOUR_MS);
    return { ...dutyAt(f.reportedAt, deadline, at(act), now), level, act };
  });

  const times = reports.map((r) => r.submittedAt.getTime());
  const lastAt = new Date(Math.max(f.reportedAt.getTime(), ...times));
  const intervalHours = followUpIntervalHours(f.severity);
  const followUp = responseRunning(f.status)
    ? dutyAt(lastAt, new Date(lastAt.getTime() + intervalHours * HOUR_MS), null, now)
    : NOT_OWED;

  const followUpTimes = reports
    .filter((r) => r.kind === 'supplementary')
    .map((r) => r.submittedAt.getTime())
    .sort((a, b) => a - b);
  const supplements = acts
    .filter((a) => a.kind === 'casualty_change')
    .map((act) => {
      const known = new Date(act.at);
      const met = followUpTimes.find((t) => t >= known.getTime());
      return { ...dutyAt(known, endOfZoneDay(known, tz), met ? new Date(met) : null, now), act };
    });

  const reportAct = one('investigation_report');
  const extension = one('investigation_extension');
  const replyAct = one('investigation_reply');
  const reportDue = investigationDue(f.occurredAt, extension?.extensionDays ?? 0, tz);
  const investigationReport = { ...dutyAt(f.occurredAt, reportDue, at(reportAct), now), act: reportAct };
  const reply = reportAct
    ? {
        ...dutyAt(
          new Date(reportAct.at),
          endOfZoneDayWindow(new Date(reportAct.at), replyDays(f.severity), tz),
          at(replyAct),
          now,
        ),
        act: replyAct,
      }
    : { ...NOT_OWED, act: null };

  const running: { duty: string; deadline: string | null; state: ChainDuty['state'] }[] = [
    { duty: 'enterpriseReport', ...enterpriseDuty },
    { duty: 'provincialReport', ...provincialDuty },
    ...onward.map((d) => ({ duty: `onward.${d.level}`, ...d })),
    { duty: 'followUp', ...followUp },
    ...supplements.map((d) => ({ duty: 'supplement', ...d })),
    { duty: 'investigation.report', ...investigationReport },
    { duty: 'investigation.reply', ...reply },
  ];
  const next = running
    .filter((d) => (d.state === 'owed' || d.state === 'overdue') && d.deadline)
    .sort((a, b) => Date.parse(a.deadline!) - Date.parse(b.deadline!))[0];

  return {
    generatedAt: now.toISOString(),
    enterpriseReport: {
      ...enterpriseDuty,
      headInformedAt: f.headInformedAt.toISOString(),
      source: f.source,
      zoneKnewAt: f.reportedAt.toISOString(),
    },
    provincialReport: { ...provincialDuty, act: provincialAct },
    onward: {
      receivedAt: f.reportedAt.toISOString(),
      targetLevel: levels[levels.length - 1]!,
      levels: onward,
    },
    followUp: {
      ...followUp,
      intervalHours,
      reports: followUpTimes.length,
      lastAt: lastAt.toISOString(),
    },
    supplementaryWindow: {
      days: supplementaryWindowDays(f.category),
      until: supplementaryUntil(f.category, f.occurredAt, tz).toISOString(),
      open: now.getTime() <= supplementaryUntil(f.category, f.occurredAt, tz).getTime(),
    },
    supplements,
    investigation: {
      report: investigationReport,
      extension,
      reply,
      fileClosedAt: replyAct?.at ?? null,
    },
    nextDue: next ? { duty: next.duty, deadline: next.deadline! } : null,
  };
}
