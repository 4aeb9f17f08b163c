import type { RoomEventView, RollCallView } from '../contracts';

/** The newest roll call event the room has seen: the board refetches when it moves. */
export function lastRollCallSeq(events: readonly Pick<RoomEventView, 'seq' | 'type'>[]): number {
  let last = 0;
  for (const e of events) if (e.type.startsWith('rollcall.') && e.seq > last) last = e.seq;
  return last;
}

/** The board's current roll call: the open one, else the latest closed one. */
export function currentRollCall(list: readonly RollCallView[] | undefined): RollCallView | undefined {
  return list?.find((r) => r.status === 'open') ?? list?.[0];
}
