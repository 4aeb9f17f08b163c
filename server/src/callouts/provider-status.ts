import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Db } from '../database/db.js';

/**
 * Where a provider status stands in the life of a text or a call: one order for call-out
 * deliveries and notification texts alike. Twilio's status callbacks come late, twice and out of
 * order (three per message, racing the send's own answer), so a row takes a status only when it
 * moves forwards. Every end state ranks the same, so the first one recorded stands.
 */
const RANK: Readonly<Record<string, number>> = {
  pending: 0,
  sending: 1,
  accepted: 2,
  queued: 2,
  initiated: 2,
  sent: 3,
  ringing: 3,
  'in-progress': 4,
  delivered: 5,
  completed: 5,
  failed: 5,
  undelivered: 5,
  busy: 5,
  'no-answer': 5,
  canceled: 5,
};

const END = 5;

export function isEndStatus(status: string): boolean {
  return RANK[status] === END;
}

/**
 * Whether a row in status `current` takes `incoming`. Forwards only; a repeat changes nothing,
 * except an end state: whoever recorded it first (the send's own answer) may not have drawn its
 * consequence (the call that follows a failed SMS). Another end state does not replace the one
 * recorded: a `failed` that arrives after `delivered` must neither undo what the phone showed nor
 * set off a call.
 */
export function takesStatus(current: string, incoming: string): boolean {
  const from = RANK[current] ?? 0;
  const to = RANK[incoming] ?? 0;
  if (to !== from) return to > from;
  if (to === END) return incoming === current;
  return incoming !== current;
}

/** The statuses a row keeps against `incoming`, for a conditional UPDATE. */
export function statusesKeptAgainst(incoming: string): string[] {
  return Object.keys(RANK).filter((current) => !takesStatus(current, incoming));
}

export interface ProviderStatus {
  status: string;
  /** The provider's id of the message or call (MessageSid / CallSid). */
  sid: string | null;
  errorCode: number | null;
}

/** The tables whose rows follow a provider's status callbacks. */
export type ProviderStatusTable = 'callout_delivery' | 'notification_sms';

@Injectable()
export class ProviderStatusWriter {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  /**
   * Writes a status callback to its row in one conditional statement (two callbacks racing
   * cannot move it back) and returns the row as written, or null when the row kept its status.
   * An end state that was not taken contradicts the end recorded before it (`failed` after
   * `delivered`): it goes to the audit log, so the provider's word is kept without acting on it.
   */
  async apply<Row>(table: ProviderStatusTable, id: string, s: ProviderStatus): Promise<Row | null> {
    return this.db.transaction(async () => {
      const [rows]: [Row[], number] = await this.db.manager.query(
        `UPDATE ${table}
            SET status = $2, provider_sid = coalesce(provider_sid, $3), error_code = coalesce($4, error_code),
                updated_at = now()
          WHERE id = $1 AND NOT (status = ANY($5::text[]))
          RETURNING *`,
        [id, s.status, s.sid, s.errorCode, statusesKeptAgainst(s.status)],
      );
      if (rows[0]) return rows[0];
      if (isEndStatus(s.status)) await this.recordNotTaken(table, id, s);
      return null;
    });
  }

  private async recordNotTaken(table: ProviderStatusTable, id: string, s: ProviderStatus): Promise<void> {
    const [row]: { status: string; provider_sid: string | null }[] = await this.db.manager.query(
      `SELECT status, provider_sid FROM ${table} WHERE id = $1`,
      [id],
    );
    if (!row) return;
    await this.audit.record({
      action: `${table}.status_not_taken`,
      entity: table,
      entityId: id,
      before: { status: row.status, providerSid: row.provider_sid },
      after: { status: row.status, reported: s.status, providerSid: s.sid, errorCode: s.errorCode },
    });
  }
}
