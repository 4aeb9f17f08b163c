import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AuditEntity, NotificationKind, NotificationParams } from '@muster/contracts';
import type { NotificationContact, Recipients } from '../notifications/notification.service.js';

/**
 * One reminder a deadline owes now: one stage (30 minutes before, three days before, overdue…)
 * of one deadline of one record, to its recipients.
 */
export interface OwedReminder {
  /** The notification it sends (its words live in the contracts' NOTIFICATION_TEXT). */
  kind: NotificationKind;
  /** Which reminder of this deadline: e.g. `before_30m`, `before_10m`, `due_in_3_days`, `overdue`. */
  stage: string;
  entity: AuditEntity;
  entityId: string;
  /** The deadline (an ISO instant or a zone-local date): a moved deadline is reminded afresh. */
  deadline: string;
  /** Account holders, by id or by role (optionally of one enterprise). */
  to: Recipients;
  /**
   * Who hears of it instead when `to` reaches no active account (an enterprise without an officer
   * account: the zone's inspectors), so that no reminder goes out to nobody.
   */
  fallback?: Recipients;
  /** More account holders besides `to` (an escalation's: the zone's, beside the enterprise's). */
  alsoTo?: Recipients;
  /** People reached by phone only (a responsible person in the ledger, a certificate holder). */
  contacts?: NotificationContact[];
  params: NotificationParams;
}

/**
 * A domain's deadlines, as the one reminder scheduler asks for them. `owed` returns every
 * reminder whose time has come and whose act is still not done, whether sent already or not: the
 * scheduler claims each (kind, stage, record, deadline, recipient) once, so a source never keeps
 * its own "sent" flags. It is asked again just before a reminder goes out, so an act done since
 * the scan sends nothing.
 */
export interface ReminderSource {
  /** Stable name, for logs, the audit and the scheduler's per-source progress. */
  readonly name: string;
  owed(now: Date): Promise<OwedReminder[]>;
  /**
   * The reminders one record owes now, for the re-check just before sending; cheaper than `owed`
   * for sources with many records. Without it the scheduler filters `owed(now)`.
   */
  owedFor?(entityId: string, now: Date): Promise<OwedReminder[]>;
}

/**
 * Where domains register their deadlines (in `onModuleInit`), so the scheduler below them knows
 * none of them: the same inversion as `IncidentHooks`.
 */
@Injectable()
export class ReminderSources {
  private readonly sources: ReminderSource[] = [];

  register(source: ReminderSource): void {
    if (this.sources.some((s) => s.name === source.name)) {
      throw new Error(`reminder source ${source.name} registered twice`);
    }
    this.sources.push(source);
  }

  list(): readonly ReminderSource[] {
    return this.sources;
  }
}

/**
 * The shell of a source whose deadlines belong to records (a hazard, a plan version, a
 * resource…): it registers itself, and `owed` and `owedFor` are one computation, over every
 * record or over one.
 */
export abstract class RecordReminderSource implements ReminderSource, OnModuleInit {
  abstract readonly name: string;

  protected constructor(private readonly registry: ReminderSources) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  owed(now: Date): Promise<OwedReminder[]> {
    return this.compute(now);
  }

  owedFor(id: string, now: Date): Promise<OwedReminder[]> {
    return this.compute(now, id);
  }

  /** The reminders owed at `now`, of every record or of the one with this id. */
  protected abstract compute(now: Date, id?: string): Promise<OwedReminder[]>;
}
