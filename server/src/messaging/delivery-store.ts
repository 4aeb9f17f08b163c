import type { AuditService } from '../audit/audit.service.js';
import { type Db, inRounds, type RowQuery } from '../database/db.js';
import { type DeliveryStatus, isEndStatus, statusesKeptAgainst } from './delivery-status.js';
import type { ProviderResult } from './provider.js';
import { type ProviderName, RECEIPTS_BY_SID } from './routing.js';

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
 * Two statements of a kind at once: one waiting on a row lock (a response being recorded for the
 * same person) must not hold up every send behind it.
 */
export const SEND_BATCH = { inFlight: 2, maxBatch: 500 };
/**
 * A status waits up to 10 ms for others to share its statement. The provider posts a callback at
 * a time per connection and few connections at once while it is busy taking sends, so without a
 * window most statements carried one or two: in a fan-out of 10,000 that cost PostgreSQL more
 * than all the sends' own statements. Nothing waits on a status but the provider's answer.
 */
const STATUS_BATCH = { inFlight: 2, maxBatch: 500, lingerMs: 10 };

interface ClaimCall {
  id: string;
  seen: number;
  leaseMs: number;
  provider: ProviderName;
}

interface AcceptCall {
  id: string;
  sid: string;
  status: string;
  fresh: boolean;
}

interface ReportCall {
  id: string;
  update: StatusUpdate;
}

/**
 * The SQL the tables of sends share (`callout_delivery` and `notification_sms` have the same send
 * columns); each table's store extends it with its own reads and writes.
 */
export abstract class DeliveryTableStore implements DeliveryStore {
  private readonly claimOne: (call: ClaimCall) => Promise<boolean>;
  private readonly acceptOne: (call: AcceptCall) => Promise<void>;
  private readonly reportOne: (call: ReportCall) => Promise<Record<string, unknown> | null>;

  protected constructor(
    protected readonly db: Db,
    private readonly audit: AuditService,
    readonly table: DeliveryTable,
  ) {
    // A fan-out runs a hundred sends at once and each gets two status callbacks (sent, delivered): their claims,
    // outcomes and statuses share statements instead of costing a round trip each.
    this.claimOne = db.batched((calls, query) => this.claimAll(calls, query), SEND_BATCH);
    this.acceptOne = db.batched((calls, query) => this.acceptAll(calls, query), SEND_BATCH);
    this.reportOne = db.batched((calls, query) => this.reportAll(calls, query), STATUS_BATCH);
  }

  claim(id: string, seen: number, leaseMs: number, provider: ProviderName): Promise<boolean> {
    return this.claimOne({ id, seen, leaseMs, provider });
  }

  private async claimAll(calls: readonly ClaimCall[], query: RowQuery): Promise<boolean[]> {
    const claimed = calls.map(() => false);
    // Two claims of one row in a round: the later one sees the attempt the earlier one took.
    for (const round of inRounds(calls, (c) => c.id)) {
      const rows = await query<{ id: string }>(
        `UPDATE ${this.table} AS t
            SET status = 'sending', sending_since = now(), attempts = t.attempts + 1,
                in_flight_until = now() + u.lease * interval '1 millisecond', provider = u.provider,
                updated_at = now()
           FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[]) AS u (id, seen, lease, provider)
          WHERE t.id = u.id AND t.attempts = u.seen AND t.status IN ('pending', 'sending')
          RETURNING t.id`,
        [
          round.map((c) => c.key.id),
          round.map((c) => c.key.seen),
          round.map((c) => c.key.leaseMs),
          round.map((c) => c.key.provider),
        ],
      );
      const ids = new Set(rows.map((r) => r.id));
      for (const c of round) claimed[c.index] = ids.has(c.key.id);
    }
    return claimed;
  }

  accepted(id: string, result: ProviderResult, fresh: boolean): Promise<void> {
    return this.acceptOne({ id, sid: result.sid, status: result.status, fresh });
  }

  private async acceptAll(calls: readonly AcceptCall[], query: RowQuery): Promise<void[]> {
    for (const round of inRounds(calls, (c) => c.id)) {
      await query(this.acceptedUpdate(), [
        round.map((c) => c.key.id),
        round.map((c) => c.key.sid),
        round.map((c) => c.key.status),
        round.map((c) => c.key.fresh),
        RECEIPTS_BY_SID,
      ]);
    }
    return calls.map(() => undefined);
  }

  /**
   * The UPDATE of `accepted` for rows $1 with sids $2, statuses $3 and whether each is fresh $4,
   * $5 the providers whose receipts name a send by its sid; it returns the rows written (`t.*`)
   * for a store to build on in a `WITH`.
   */
  protected acceptedUpdate(): string {
    // A status callback may already have moved a fresh send on; never go back from there.
    return `UPDATE ${this.table} AS t SET provider_sid = u.sid, in_flight_until = NULL,
                   receipt_sid = CASE WHEN t.provider = ANY($5::text[]) THEN u.sid ELSE t.receipt_sid END,
                   status = CASE WHEN u.fresh AND t.status <> 'sending' THEN t.status ELSE u.status END,
                   updated_at = now()
              FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bool[]) AS u (id, sid, status, fresh)
             WHERE t.id = u.id
             RETURNING t.*`;
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

  /**
   * The id of the send `provider` knows as `sid`, or null. Only the sends of `RECEIPTS_BY_SID`
   * providers can be found so: the others' ids are not indexed.
   */
  async idBySid(provider: ProviderName, sid: string): Promise<string | null> {
    if (!RECEIPTS_BY_SID.includes(provider)) throw new Error(`${provider}'s sends are not found by their id`);
    const [row]: { id: string }[] = await this.db.manager.query(
      `SELECT id FROM ${this.table} WHERE receipt_sid = $1 AND provider = $2 LIMIT 1`,
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
    return (await this.reportOne({ id, update: s })) as Row | null;
  }

  private async reportAll(
    calls: readonly ReportCall[],
    query: RowQuery,
  ): Promise<(Record<string, unknown> | null | Error)[]> {
    const written: (Record<string, unknown> | null | Error)[] = calls.map(() => null);
    for (const round of inRounds(calls, (c) => c.id)) {
      const rows = await query<Record<string, unknown> & { id: string }>(
        `UPDATE ${this.table} AS t
            SET status = u.status, provider_sid = coalesce(t.provider_sid, u.sid),
                receipt_sid = CASE WHEN t.provider = ANY($6::text[]) THEN coalesce(t.receipt_sid, u.sid)
                                   ELSE t.receipt_sid END,
                error_code = coalesce(u.code, t.error_code), updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[])
                AS u (id, status, sid, code, kept)
          WHERE t.id = u.id AND t.status <> ALL (string_to_array(u.kept, ','))
          RETURNING t.*`,
        [
          round.map((c) => c.key.id),
          round.map((c) => c.key.update.status),
          round.map((c) => c.key.update.sid),
          round.map((c) => c.key.update.errorCode),
          round.map((c) => statusesKeptAgainst(c.key.update.status).join(',')),
          RECEIPTS_BY_SID,
        ],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const c of round) written[c.index] = byId.get(c.key.id) ?? null;
    }
    for (const [i, c] of calls.entries()) {
      if (written[i] || !isEndStatus(c.update.status)) continue;
      // Only this call fails when its audit row cannot be written: the others' statuses are in.
      await this.recordNotTaken(c.id, c.update).catch((e: unknown) => {
        written[i] = e instanceof Error ? e : new Error(String(e));
      });
    }
    return written;
  }

  private async recordNotTaken(id: string, s: StatusUpdate): Promise<void> {
    await this.db.transaction(() => this.auditNotTaken(id, s));
  }

  private async auditNotTaken(id: string, s: StatusUpdate): Promise<void> {
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
