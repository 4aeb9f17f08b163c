import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context.js';
import type {
  RoomActor,
  RoomEventMessage,
  RoomEventOf,
  RoomEventPayloads,
  RoomEventType,
  TypedRoomEvent,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { RoomEvent } from './room-event.entity.js';
import { Broadcaster } from './broadcaster.js';
import { NotFoundError } from '../common/domain-errors.js';

/** The number of a room's first event; an incident inserted with its room opened has this `last_seq`. */
export const ROOM_OPENING_SEQ = 1;

/**
 * A logged event as the API and the live gateway send it. The row's payload is the one `append`
 * wrote, which the compiler checked against `RoomEventPayloads`: that is what makes it typed.
 */
export function mapRoomEvent(e: RoomEvent): TypedRoomEvent {
  return {
    seq: e.seq,
    type: e.type,
    payload: e.payload,
    actor: e.actor,
    at: e.at.toISOString(),
  } as TypedRoomEvent;
}

/**
 * The room's append-only log. An event is numbered and written inside the caller's transaction,
 * and broadcast only after that transaction commits: a client never sees an event that is not
 * in the log, and a client that reconnects finds every event it missed.
 */
@Injectable()
export class RoomLog {
  constructor(
    private readonly db: Db,
    private readonly context: RequestContext,
    private readonly live: Broadcaster,
  ) {}

  /** `payload` must be what `RoomEventPayloads` says an event of `type` carries. */
  async append<T extends RoomEventType>(
    incidentId: string,
    type: T,
    payload: RoomEventPayloads[T],
  ): Promise<RoomEventOf<T>> {
    if (!this.db.inTransaction()) throw new Error(`room event ${type} appended outside a transaction`);
    const actor = this.actor();
    const at = new Date();
    // One round trip: the row lock taken by the UPDATE serializes writers of one room, so seq has
    // no gaps or repeats, and the event is written with the number the lock handed out.
    const rows: { seq: number }[] = await this.db.manager.query(
      `WITH next AS (
         UPDATE incident SET last_seq = last_seq + 1, updated_at = now() WHERE id = $1 RETURNING last_seq
       )
       INSERT INTO room_event (incident_id, seq, type, payload, actor, at)
       SELECT $1, last_seq, $2, $3::jsonb, $4::jsonb, $5 FROM next
       RETURNING seq`,
      [incidentId, type, JSON.stringify(payload), JSON.stringify(actor), at],
    );
    const seq = (Array.isArray(rows[0]) ? (rows[0] as unknown as typeof rows) : rows)[0]?.seq;
    if (!seq) throw new NotFoundError('Incident not found');
    const view: RoomEventOf<T> = { seq, type, payload, actor, at: at.toISOString() };
    // An event of one type T is one member of the union; TypeScript cannot follow a generic T there.
    const message = { incidentId, ...view } as RoomEventMessage;
    this.db.afterCommit(() => this.live.roomEvent(message));
    return view;
  }

  /**
   * The first event of a room, logged by the transaction that inserts its incident: that insert
   * writes the incident's `last_seq` as this event's `seq` (`ROOM_OPENING_SEQ`). Nobody else can
   * number events in a room whose incident is not yet committed, so there is no lock to take,
   * and the event is written with the commit instead of in a round trip of its own.
   */
  async opening<T extends RoomEventType>(
    incidentId: string,
    type: T,
    payload: RoomEventPayloads[T],
  ): Promise<RoomEventOf<T>> {
    if (!this.db.inTransaction()) throw new Error(`room event ${type} opened outside a transaction`);
    const actor = this.actor();
    const at = new Date();
    await this.db.writeAtCommit(
      `INSERT INTO room_event (incident_id, seq, type, payload, actor, at)
       VALUES ($1, ${ROOM_OPENING_SEQ}, $2, $3::jsonb, $4::jsonb, $5)`,
      [incidentId, type, JSON.stringify(payload), JSON.stringify(actor), at],
    );
    const view = { seq: ROOM_OPENING_SEQ, type, payload, actor, at: at.toISOString() } as RoomEventOf<T>;
    this.db.afterCommit(() => this.live.roomEvent({ incidentId, ...view } as RoomEventMessage));
    return view;
  }

  /**
   * Many events of one type, numbered in order, in one statement: a tier's thousands of calls
   * are logged in one round trip, not one each, and hold the room's lock only that long.
   */
  async appendMany<T extends RoomEventType>(
    incidentId: string,
    type: T,
    payloads: RoomEventPayloads[T][],
  ): Promise<RoomEventOf<T>[]> {
    if (!this.db.inTransaction()) throw new Error(`room events ${type} appended outside a transaction`);
    if (!payloads.length) return [];
    const actor = this.actor();
    const at = new Date();
    const rows: { seq: number }[] = await this.db.manager.query(
      `WITH next AS (
         UPDATE incident SET last_seq = last_seq + $2, updated_at = now() WHERE id = $1 RETURNING last_seq
       )
       INSERT INTO room_event (incident_id, seq, type, payload, actor, at)
       SELECT $1, next.last_seq - $2 + p.n, $3, p.payload, $5::jsonb, $6
         FROM next, unnest($4::jsonb[]) WITH ORDINALITY AS p(payload, n)
       RETURNING seq`,
      [incidentId, payloads.length, type, payloads.map((p) => JSON.stringify(p)), JSON.stringify(actor), at],
    );
    if (rows.length !== payloads.length) throw new NotFoundError('Incident not found');
    const seqs = rows.map((r) => r.seq).sort((a, b) => a - b);
    const views = payloads.map(
      (payload, i) => ({ seq: seqs[i]!, type, payload, actor, at: at.toISOString() }) as RoomEventOf<T>,
    );
    this.db.afterCommit(() => {
      for (const view of views) this.live.roomEvent({ incidentId, ...view } as RoomEventMessage);
    });
    return views;
  }

  /** Whether the room logged an event numbered `seq`. */
  async has(incidentId: string, seq: number): Promise<boolean> {
    return this.db.repo(RoomEvent).existsBy({ incidentId, seq });
  }

  async since(incidentId: string, sinceSeq: number, limit = 5000): Promise<TypedRoomEvent[]> {
    const rows = await this.db
      .repo(RoomEvent)
      .createQueryBuilder('e')
      .where('e.incidentId = :incidentId AND e.seq > :sinceSeq', { incidentId, sinceSeq })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map(mapRoomEvent);
  }

  /** Every event of one type in the room, in order (the threat zones its models computed, say). */
  async ofType<T extends RoomEventType>(incidentId: string, type: T): Promise<RoomEventOf<T>[]> {
    const rows = await this.db.repo(RoomEvent).find({ where: { incidentId, type }, order: { seq: 'ASC' } });
    return rows.map(mapRoomEvent) as RoomEventOf<T>[];
  }

  private actor(): RoomActor {
    const p = this.context.principal();
    if (p) return { id: p.id, name: p.name, role: p.role };
    return { id: null, name: this.context.systemActor() ?? 'system', role: 'system' };
  }
}
