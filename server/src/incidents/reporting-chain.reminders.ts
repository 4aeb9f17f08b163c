import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  type ChainDuty,
  type NotificationKind,
  type NotificationParams,
  type ReportingChainView,
} from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Recipients } from '../notifications/notification.service.js';
import { type OwedReminder, type ReminderSource, ReminderSources } from '../reminders/reminder-sources.js';
import type { Incident } from './incident.entity.js';
import { ReportingChainRepository } from './reporting-chain.repository.js';
import { chainFacts, replyDays, reportingChain } from './reporting-chain.js';
import { mapChainAct } from './incident.view.js';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A reminder stage: its name and how long before the deadline it falls due. */
type Stage = readonly [name: string, beforeMs: number];

/**
 * The hour and two-hour clocks remind with 30 and 10 minutes left (on the enterprise's hour,
 * 30 and 50 minutes in) and escalate once the deadline has passed; day-counted ones a week and
 * a day ahead.
 */
export const MINUTE_STAGES: Stage[] = [
  ['left_30m', 30 * MINUTE_MS],
  ['left_10m', 10 * MINUTE_MS],
];
export const FOLLOW_UP_STAGES: Stage[] = [['left_1h', HOUR_MS]];
export const SUPPLEMENT_STAGES: Stage[] = [['owed', DAY_MS]];
export const DAY_STAGES: Stage[] = [
  ['due_in_7_days', 7 * DAY_MS],
  ['due_in_1_day', DAY_MS],
];

const ZONE: Recipients = { roles: ['commander', 'zone_admin'] };

/**
 * The stage a running duty has reached at `now`: `overdue` once its deadline has passed, else
 * the latest reminder whose time has come (a scan that finds two passed sends only the nearer:
 * "30 minutes left" is moot with 10 left), else none.
 */
export function stageAt(duty: ChainDuty, stages: Stage[], now: Date): string | null {
  if ((duty.state !== 'owed' && duty.state !== 'overdue') || !duty.deadline) return null;
  const left = Date.parse(duty.deadline) - now.getTime();
  if (left < 0) return 'overdue';
  let reached: string | null = null;
  for (const [name, before] of stages) if (left <= before) reached = name;
  return reached;
}

/**
 * The reporting chain's deadlines for the one reminder scheduler: the enterprise's hour (where
 * the zone knows of an incident and its report is still owed) and its direct report to the
 * province, the zone's onward reports, follow-ups, 补报, and the investigation's report and reply.
 * Drills owe nothing: their chain is an exercise.
 */
@Injectable()
export class ReportingChainReminders implements ReminderSource, OnModuleInit {
  readonly name = 'incident-reporting-chain';

  constructor(
    private readonly sources: ReminderSources,
    private readonly chains: ReportingChainRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async owed(now: Date): Promise<OwedReminder[]> {
    const incidents = await this.chains.openChains();
    const ids = incidents.map((i) => i.id);
    const [acts, reports] = await Promise.all([this.chains.actsOf(ids), this.chains.reportTimesOf(ids)]);
    const out: OwedReminder[] = [];
    for (const incident of incidents) {
      const chain = reportingChain(
        chainFacts(incident),
        acts.filter((a) => a.incidentId === incident.id).map(mapChainAct),
        reports.filter((r) => r.incidentId === incident.id),
        now,
        this.config.TZ,
      );
      out.push(...this.remindersOf(incident, chain, now));
    }
    return out;
  }

  private remindersOf(incident: Incident, chain: ReportingChainView, now: Date): OwedReminder[] {
    const out: OwedReminder[] = [];
    const enterprise: Recipients | null = incident.enterpriseId
      ? { roles: ['enterprise_officer'], enterpriseId: incident.enterpriseId }
      : null;
    const base: NotificationParams = {
      title: incident.title,
      // Without an enterprise, where it happened names it (params are not translated).
      enterprise: incident.enterpriseName ?? incident.address,
      severity: incident.severity,
    };
    /**
     * One duty: its stage now, to whom (an overdue duty also goes to `escalateTo`). One reminder
     * per stage, whoever it reaches: the ledger knows a reminder by its stage and deadline, and
     * claims it per person.
     */
    const add = (
      duty: ChainDuty,
      stages: Stage[],
      kinds: [due: NotificationKind, overdue: NotificationKind],
      to: (Recipients | null)[],
      params: NotificationParams = {},
      escalateTo: Recipients | null = null,
    ) => {
      const stage = stageAt(duty, stages, now);
      if (!stage) return;
      const overdue = stage === 'overdue';
      const [first, second] = to.filter((r): r is Recipients => r !== null);
      if (!first) return;
      const also = second ?? (overdue ? escalateTo : null);
      out.push({
        kind: overdue ? kinds[1] : kinds[0],
        stage,
        entity: 'incident',
        entityId: incident.id,
        deadline: duty.deadline!,
        to: first,
        // An enterprise without an officer account cannot be told: the zone is, and calls it.
        ...(first === enterprise ? { fallback: ZONE } : {}),
        ...(also ? { alsoTo: also } : {}),
        params: { ...base, deadline: this.zoneTime(duty.deadline!), ...params },
      });
    };

    add(
      chain.enterpriseReport,
      MINUTE_STAGES,
      ['reporting.enterprise_report_due', 'reporting.enterprise_report_overdue'],
      [enterprise],
      {},
      ZONE,
    );
    add(
      chain.provincialReport,
      MINUTE_STAGES,
      ['reporting.provincial_report_due', 'reporting.provincial_report_overdue'],
      [enterprise],
      {},
      ZONE,
    );
    for (const level of chain.onward.levels) {
      add(level, MINUTE_STAGES, ['reporting.onward_due', 'reporting.onward_overdue'], [ZONE], {
        level: level.level,
      });
    }
    add(
      chain.followUp,
      FOLLOW_UP_STAGES,
      ['reporting.follow_up_due', 'reporting.follow_up_overdue'],
      [enterprise, ZONE],
      { hours: chain.followUp.intervalHours },
    );
    for (const s of chain.supplements) {
      add(
        s,
        SUPPLEMENT_STAGES,
        ['reporting.supplement_due', 'reporting.supplement_overdue'],
        [enterprise, ZONE],
        {
          note: s.act.note,
        },
      );
    }
    add(
      chain.investigation.report,
      DAY_STAGES,
      ['investigation.report_due', 'investigation.report_overdue'],
      [ZONE],
    );
    add(
      chain.investigation.reply,
      DAY_STAGES,
      ['investigation.reply_due', 'investigation.reply_overdue'],
      [ZONE],
      { days: replyDays(incident.severity) },
    );
    return out;
  }

  private zoneTime(iso: string): string {
    return DateTime.fromISO(iso, { zone: this.config.TZ }).toFormat('yyyy-MM-dd HH:mm');
  }
}
