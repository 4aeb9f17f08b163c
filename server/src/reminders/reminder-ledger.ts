import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import type { OwedReminder } from './reminder-sources.js';

/** Everyone: the recipient of a claim that settles a reminder for all (waived, or migrated). */
export const EVERYONE = '*';

export type ReminderKey = Pick<OwedReminder, 'kind' | 'stage' | 'entity' | 'entityId' | 'deadline'>;

export function sameReminder(a: ReminderKey, b: ReminderKey): boolean {
  return (
    a.kind === b.kind &&
    a.stage === b.stage &&
    a.entity === b.entity &&
    a.entityId === b.entityId &&
    a.deadline === b.deadline
  );
}

/** The text key of a reminder, for out-of-app delivery keys and logs. */
export function reminderKeyText(r: ReminderKey): string {
  return `${r.kind}|${r.stage}|${r.entity}|${r.entityId}|${r.deadline}`;
}

/**
 * The ledger of reminders claimed, one row per reminder and recipient (`reminder_claim`). A claim
 * is taken inside the transaction that notifies, so it exists exactly when the notification does.
 */
@Injectable()
export class ReminderLedger {
  constructor(private readonly db: Db) {}

  /**
   * Claims the reminder for these recipients; returns those claimed now (the rest had it already).
   * Two scans racing on one reminder meet at the unique key: the second waits for the first's
   * transaction and then finds the rows taken.
   */
  async claim(
    source: string,
    r: ReminderKey,
    recipients: string[],
    outcome: 'sent' | 'waived',
  ): Promise<Set<string>> {
    if (!recipients.length) return new Set();
    const rows: { recipient: string }[] = await this.db.manager.query(
      `INSERT INTO reminder_claim (source, kind, stage, entity, entity_id, deadline, recipient, outcome)
       SELECT $1, $2, $3, $4, $5, $6, unnest($7::text[]), $8
       ON CONFLICT (kind, stage, entity, entity_id, deadline, recipient) DO NOTHING
       RETURNING recipient`,
      [source, r.kind, r.stage, r.entity, r.entityId, r.deadline, recipients, outcome],
    );
    return new Set(rows.map((x) => x.recipient));
  }

  /** Whether the reminder is settled for everyone (waived, or sent before the ledger). */
  async settled(r: ReminderKey): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `SELECT 1 FROM reminder_claim
        WHERE kind = $1 AND stage = $2 AND entity = $3 AND entity_id = $4 AND deadline = $5
          AND recipient = $6`,
      [r.kind, r.stage, r.entity, r.entityId, r.deadline, EVERYONE],
    );
    return rows.length > 0;
  }

  /** Of these reminders, the ones nobody has been sent yet (no claim of any recipient). */
  async unclaimed<R extends ReminderKey>(reminders: R[]): Promise<R[]> {
    if (!reminders.length) return [];
    const taken: { k: string }[] = await this.db.manager.query(
      `SELECT DISTINCT kind || '|' || stage || '|' || entity || '|' || entity_id || '|' || deadline AS k
         FROM reminder_claim WHERE entity_id = ANY($1::text[])`,
      [[...new Set(reminders.map((r) => r.entityId))]],
    );
    const set = new Set(taken.map((t) => t.k));
    return reminders.filter((r) => !set.has(reminderKeyText(r)));
  }
}
