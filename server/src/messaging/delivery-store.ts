import type { AuditService } from '../audit/audit.service.js';
import type { Db } from '../database/db.js';
import { type DeliveryStatus, isEndStatus, statusesKeptAgainst } from './delivery-status.js';
import type { ProviderResult } from './provider.js';
import type { ProviderName } from './routing.js';

/** One send as the sender sees it: a call-out delivery or a notification text. */
export interface DeliveryRow {
  id: string;
  /** The number it goes to. */
  phone: string;
  status: string;
  /** When the last attempt started; with status `sending`, the attempt was interrupted. */
  sendingSince: Date | null;
  /** Until when that attempt's request to the provider may be in flight (the send lease). */
  inFlightUntil: Date | null;
  /** The provider the last attempt went to (null: none yet, or sent before providers were chosen). */
  provider: ProviderName | null;
  /** Attempts started so far: which attempt the reader saw, for claiming the next one. */
  attempts: number;
}

/** What a status callback says of a row, in delivery states. */
export interface StatusUpdate {
  status: DeliveryStatus;
  sid: string | null;
  errorCode: number | null;
}

/** What the delivery sender records of a send, in the table that holds it (one store a table). */
export interface DeliveryStore {
  /**
   * The attempt after attempt `seen` starts, through `provider`: the row is `sending`, under a
   * lease of `leaseMs`. False, and nothing written, when the row is no longer as it was read:
   * another run of the same job (a stalled job handed to a second worker while the first still
   * ran) claimed an attempt since, or the send was settled.
   */
  claim(id: string, seen: number, leaseMs: number, provider: ProviderName): Promise<boolean>;
  /**
   * The provider took it (`fresh`: this attempt's answer) or was found holding it (an interrupted
   * attempt adopted). A fresh answer does not undo a status callback that came first.
   */
  accepted(id: string, result: ProviderResult, fresh: boolean): Promise<void>;
  /** The provider refused it for good. */
  failed(id: string, code: number | null, message: string): Promise<void>;
  /** The attempt is over without an answer: the lease ends, the row stays `sending`. */
  attemptEnded(id: string): Promise<void>;
}

export type DeliveryTable = 'callout_delivery' | 'notification_sms';

/**
 * The SQL the tables of sends share (`callout_delivery` and `notification_sms` have the same send
 * columns); each table's store extends it with its own reads and writes.
 */
export abstract class DeliveryTableStore implements DeliveryStore {
  protected constructor(
    protected readonly db: Db,
    private readonly audit: AuditService,
    readonly table: DeliveryTable,
  ) {}

  async claim(id: string, seen: number, leaseMs: number, provider: ProviderName): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.db.manager.query(
      `UPDATE ${this.table} SET status = 'sending', sending_since = now(), attempts = attempts + 1,
              in_flight_until = now() + $2::int * interval '1 millisecond', provider = $3, updated_at = now()
        WHERE id = $1 AND attempts = $4 AND status IN ('pending', 'sending')
        RETURNING 1`,
      [id, leaseMs, provider, seen],
    );
    return rows.length === 1;
  }

  async accepted(id: string, result: ProviderResult, fresh: boolean): Promise<void> {
    await this.db.manager.query(this.acceptedUpdate(), [id, result.sid, result.status, fresh]);
  }

  /** The UPDATE of `accepted` ($1 id, $2 sid, $3 status, $4 fresh), for a store to build on. */
  protected acceptedUpdate(): string {
    // A status callback may already have moved a fresh send on; never go back from there.
    return `UPDATE ${this.table} SET provider_sid = $2, in_flight_until = NULL,
                   status = CASE WHEN $4 AND status <> 'sending' THEN status ELSE $3 END, updated_at = now()
             WHERE id = $1`;
  }

  async failed(id: string, code: number | null, message: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE ${this.table} SET status = 'failed', error_code = $2, error_message = $3,
              in_flight_until = NULL, updated_at = now()
        WHERE id = $1`,
      [id, code, message],
    );
  }

  async attemptEnded(id: string): Promise<void> {
    await this.db.manager.query(`UPDATE ${this.table} SET in_flight_until = NULL WHERE id = $1`, [id]);
  }

  /** The id of the send `provider` knows as `sid`, or null. */
  async idBySid(provider: ProviderName, sid: string): Promise<string | null> {
    const [row]: { id: string }[] = await this.db.manager.query(
      `SELECT id FROM ${this.table} WHERE provider_sid = $1 AND provider = $2 LIMIT 1`,
      [sid, provider],
    );
    return row?.id ?? null;
  }

  /** Nothing is left to send it for. */
  async skip(id: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE ${this.table} SET status = 'skipped', in_flight_until = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  /**
   * Writes a status callback to its row in one conditional statement (two callbacks racing
   * cannot move it back) and returns the row as written, or null when the row kept its status.
   * An end state that was not taken contradicts the end recorded before it (`failed` after
   * `delivered`): it goes to the audit log, so the provider's word is kept without acting on it.
   */
  protected async applyStatus<Row>(id: string, s: StatusUpdate): Promise<Row | null> {
    return this.db.transaction(async () => {
      const [rows]: [Row[], number] = await this.db.manager.query(
        `UPDATE ${this.table}
            SET status = $2, provider_sid = coalesce(provider_sid, $3), error_code = coalesce($4, error_code),
                updated_at = now()
          WHERE id = $1 AND NOT (status = ANY($5::text[]))
          RETURNING *`,
        [id, s.status, s.sid, s.errorCode, statusesKeptAgainst(s.status)],
      );
      if (rows[0]) return rows[0];
      if (isEndStatus(s.status)) await this.recordNotTaken(id, s);
      return null;
    });
  }

  private async recordNotTaken(id: string, s: StatusUpdate): Promise<void> {
    const [row]: { status: string; provider_sid: string | null }[] = await this.db.manager.query(
      `SELECT status, provider_sid FROM ${this.table} WHERE id = $1`,
      [id],
    );
    if (!row) return;
    await this.audit.record({
      action: `${this.table}.status_not_taken`,
      entity: this.table,
      entityId: id,
      before: { status: row.status, providerSid: row.provider_sid },
      after: { status: row.status, reported: s.status, providerSid: s.sid, errorCode: s.errorCode },
    });
  }
}
