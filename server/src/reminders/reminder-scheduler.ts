import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { type NotificationContact, NotificationService } from '../notifications/notification.service.js';
import { EVERYONE, ReminderLedger, reminderKeyText, sameReminder } from './reminder-ledger.js';
import { type OwedReminder, type ReminderSource, ReminderSources } from './reminder-sources.js';

export interface ScanResult {
  /** Reminders the sources owe now that nobody has been sent yet. */
  owed: number;
  sent: number;
  /** Found done, moved, or claimed by another scan between the scan and the send. */
  dropped: number;
  /** Sources or reminders that failed (logged; the next scan tries them again). */
  failed: number;
}

export interface PendingReminder extends OwedReminder {
  source: string;
}

/**
 * The one reminder scheduler: every minute (the worker's `reminder-scan` job) it asks every
 * registered source what it owes now, and sends each reminder not sent yet, each in a transaction
 * of its own that claims it in the ledger, notifies (in app, and by SMS per NotificationService's
 * rules) and audits it. A crash rolls back the reminder under way and leaves the rest unclaimed
 * for the next scan; a second scan at the same time meets the first at the ledger's unique key.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    private readonly sources: ReminderSources,
    private readonly ledger: ReminderLedger,
    private readonly db: Db,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly context: RequestContext,
  ) {}

  scan(only?: readonly string[]): Promise<ScanResult> {
    return this.asSystem(() => this.scanAll(only));
  }

  private async scanAll(only?: readonly string[]): Promise<ScanResult> {
    const result: ScanResult = { owed: 0, sent: 0, dropped: 0, failed: 0 };
    for (const source of this.selected(only)) {
      let owed: OwedReminder[];
      try {
        owed = await this.ledger.unclaimed(await source.owed(this.clock.now()));
      } catch (err) {
        this.logger.error({ err, source: source.name }, 'Reminder source failed');
        result.failed++;
        continue;
      }
      result.owed += owed.length;
      for (const r of owed) {
        try {
          if (await this.sendOne(source, r)) result.sent++;
          else result.dropped++;
        } catch (err) {
          this.logger.error({ err, source: source.name, reminder: reminderKeyText(r) }, 'Reminder failed');
          result.failed++;
        }
      }
    }
    return result;
  }

  /** What the sources owe now that nobody has been sent yet (for tests and the demo seed). */
  pending(only?: readonly string[]): Promise<PendingReminder[]> {
    return this.asSystem(() => this.pendingOf(only));
  }

  private async pendingOf(only?: readonly string[]): Promise<PendingReminder[]> {
    const out: PendingReminder[] = [];
    for (const source of this.selected(only)) {
      const owed = await this.ledger.unclaimed(await source.owed(this.clock.now()));
      for (const r of owed) if (!(await this.ledger.settled(r))) out.push({ ...r, source: source.name });
    }
    return out;
  }

  /**
   * Sends one reminder to those of its recipients who have not had it, once: true when anyone was
   * notified. The source is asked again inside the transaction, so a deadline met (or moved, or a
   * stage passed) since the scan sends nothing.
   */
  send(source: ReminderSource | string, reminder: OwedReminder): Promise<boolean> {
    const src = typeof source === 'string' ? this.source(source) : source;
    return this.asSystem(() => this.sendOne(src, reminder));
  }

  private sendOne(src: ReminderSource, reminder: OwedReminder): Promise<boolean> {
    return this.db.transaction(async () => {
      if (await this.ledger.settled(reminder)) return false;
      const now = this.clock.now();
      const fresh = (src.owedFor ? await src.owedFor(reminder.entityId, now) : await src.owed(now)).find(
        (o) => sameReminder(o, reminder),
      );
      if (!fresh) return false;

      let userIds = await this.resolve(fresh.to);
      if (!userIds.length && fresh.fallback) userIds = await this.resolve(fresh.fallback);
      if (fresh.alsoTo) userIds = [...new Set([...userIds, ...(await this.resolve(fresh.alsoTo))])];
      const contacts = dedupe(fresh.contacts ?? []);
      const claimed = await this.ledger.claim(
        src.name,
        fresh,
        [...userIds.map((id) => `user:${id}`), ...contacts.map((c) => `phone:${c.phone}`)],
        'sent',
      );
      const users = userIds.filter((id) => claimed.has(`user:${id}`));
      const phones = contacts.filter((c) => claimed.has(`phone:${c.phone}`));
      if (!users.length && !phones.length) return false;

      await this.notifications.notify(
        { userIds: users },
        {
          // Quiet preferences and SMS choices apply by kind: urgent kinds go out whatever they say.
          kind: fresh.kind,
          params: fresh.params,
          entity: fresh.entity,
          entityId: fresh.entityId,
          // One text per number per reminder, whichever recipient the number came through.
          deliveryKey: `reminder:${reminderKeyText(fresh)}`,
          contacts: phones,
        },
      );
      await this.audit.record({
        action: 'reminder.sent',
        entity: fresh.entity,
        entityId: fresh.entityId,
        after: {
          source: src.name,
          kind: fresh.kind,
          stage: fresh.stage,
          deadline: fresh.deadline,
          recipients: users.length,
          contacts: phones.map((c) => c.name),
        },
      });
      return true;
    });
  }

  /**
   * Records the reminders owed now as settled without sending them, for records entered after the
   * fact (the demo zone, back-dated) about which nobody is to be paged at once. Reminders that
   * come due later (the next stage, a moved deadline) go out as usual. Returns how many.
   */
  waiveOwed(reason: string, which: (r: PendingReminder) => boolean = () => true): Promise<number> {
    return this.asSystem(() => this.waive(reason, which));
  }

  private async waive(reason: string, which: (r: PendingReminder) => boolean): Promise<number> {
    const owed = (await this.pendingOf()).filter(which);
    return this.db.transaction(async () => {
      let waived = 0;
      for (const r of owed) {
        if (!(await this.ledger.claim(r.source, r, [EVERYONE], 'waived')).size) continue;
        await this.audit.record({
          action: 'reminder.waived',
          entity: r.entity,
          entityId: r.entityId,
          after: { source: r.source, kind: r.kind, stage: r.stage, deadline: r.deadline, reason },
        });
        waived++;
      }
      return waived;
    });
  }

  /**
   * Sources read every enterprise's records whoever asks (a scoped repository would otherwise see
   * only the caller's); a system actor already set (the worker's job, the demo seed) is kept for
   * the audit.
   */
  private asSystem<T>(fn: () => Promise<T>): Promise<T> {
    return this.context.systemActor() ? fn() : this.context.runAsSystem('reminders', fn);
  }

  private async resolve(to: OwedReminder['to']): Promise<string[]> {
    const ids = new Set(to.userIds ?? []);
    if (to.roles?.length) {
      for (const id of await this.notifications.activeUserIds(to.roles, to.enterpriseId)) ids.add(id);
    }
    return [...ids];
  }

  private selected(only?: readonly string[]): readonly ReminderSource[] {
    const all = this.sources.list();
    return only ? all.filter((s) => only.includes(s.name)) : all;
  }

  private source(name: string): ReminderSource {
    const s = this.sources.list().find((x) => x.name === name);
    if (!s) throw new Error(`no reminder source ${name}`);
    return s;
  }
}

function dedupe(contacts: NotificationContact[]): NotificationContact[] {
  const seen = new Map<string, NotificationContact>();
  for (const c of contacts) if (c.phone && !seen.has(c.phone)) seen.set(c.phone, c);
  return [...seen.values()];
}
