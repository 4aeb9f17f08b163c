import { io, type Socket } from 'socket.io-client';
import type { RoomEventView, RoomEventMessage, RoomJoinAck } from '@muster/contracts';

/**
 * A room client as the web console behaves: it keeps the events by seq, drops anything it has
 * already seen, and on rejoin asks for what came after the last one it holds without a hole
 * before it. Pushes may arrive out of seq order — an event another server published reaches this
 * one through Redis and can come after one this server emitted itself — so arrival order counts
 * for nothing.
 */
export class LiveRoomClient {
  readonly socket: Socket;
  readonly events: RoomEventView[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(
    baseUrl: string,
    token: string | undefined,
    transports: ('websocket' | 'polling')[] = ['websocket'],
  ) {
    this.socket = io(`${baseUrl}/live`, {
      auth: token === undefined ? {} : { token },
      transports,
      reconnection: false,
      forceNew: true,
    });
    this.socket.on('room:event', (e: RoomEventMessage) => this.accept([e]));
  }

  /** The highest seq held. */
  get lastSeq(): number {
    return this.events.at(-1)?.seq ?? 0;
  }

  /** The last seq held with every one before it: what a rejoin asks to have after. */
  get contiguousSeq(): number {
    let seq = 0;
    for (const e of this.events) {
      if (e.seq !== seq + 1) break;
      seq = e.seq;
    }
    return seq;
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (e) => reject(e));
    });
  }

  async join(incidentId: string, sinceSeq = this.contiguousSeq): Promise<RoomJoinAck> {
    const ack = (await this.socket
      .timeout(5000)
      .emitWithAck('room:join', { incidentId, sinceSeq })) as RoomJoinAck;
    if (ack.ok) this.accept(ack.events);
    return ack;
  }

  /** Resolves once `count` events in total have been seen. */
  waitForCount(count: number, timeoutMs = 5000): Promise<void> {
    if (this.events.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`saw ${this.events.length} events, expected ${count}`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  close(): void {
    this.socket.disconnect();
  }

  private accept(events: RoomEventView[]): void {
    for (const e of events) {
      if (this.events.some((held) => held.seq === e.seq)) continue;
      const at = this.events.findIndex((held) => held.seq > e.seq);
      const event = { seq: e.seq, type: e.type, payload: e.payload, actor: e.actor, at: e.at };
      this.events.splice(at < 0 ? this.events.length : at, 0, event);
    }
    this.waiters = this.waiters.filter((w) => (this.events.length >= w.count ? (w.resolve(), false) : true));
  }
}
