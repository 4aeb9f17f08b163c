import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useReducer, useRef, useSyncExternalStore } from 'react';
import type {
  ConsequenceRunView,
  DispatchView,
  MapFeatureView,
  PresenceMessage,
  RoomEventMessage,
  RoomJoinAck,
  TaskView,
  TypedRoomEvent,
} from '../contracts';
import { consequenceKeys } from '../consequences/queries';
import { applyConsequenceEvents } from '../consequences/threat-zones';
import { fetchRoomEvents } from '../incidents/api';
import { incidentKeys } from '../incidents/queries';
import { applyCalloutEvents, needsRefetch, type BoardCallout } from '../incidents/room/callout-board';
import { liveConnection, type LiveSocket, type LiveStatus } from './live-socket';
import {
  affectedRecords,
  applyDispatchEvents,
  applyFeatureEvents,
  applyTaskEvents,
  contiguousSeq,
  hasGap,
  mergeRoomEvents,
} from './room-events';

/** The shared `/live` connection while the calling component is mounted. */
export function useLiveSocket(): { socket: LiveSocket | null; status: LiveStatus } {
  useEffect(() => {
    liveConnection.acquire();
    return () => liveConnection.release();
  }, []);
  const socket = useSyncExternalStore(liveConnection.subscribe, liveConnection.socket);
  const status = useSyncExternalStore(liveConnection.subscribe, liveConnection.status);
  return { socket, status };
}

export type Present = PresenceMessage['present'][number];

export interface RoomState {
  events: TypedRoomEvent[];
  present: Present[];
  /** The first join has answered: the timeline holds the whole log up to now. */
  joined: boolean;
  error: string | null;
}

type RoomAction =
  | { type: 'events'; events: TypedRoomEvent[] }
  | { type: 'joined' }
  | { type: 'joinFailed'; error: string }
  | { type: 'presence'; present: Present[] };

function roomReducer(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case 'events':
      return state.events === action.events ? state : { ...state, events: action.events };
    case 'joined':
      return state.joined && !state.error ? state : { ...state, joined: true, error: null };
    case 'joinFailed':
      return { ...state, error: action.error };
    case 'presence':
      return { ...state, present: action.present };
  }
}

const INITIAL: RoomState = { events: [], present: [], joined: false, error: null };

/** How long a hole in the seq numbers may stay before the missing events are fetched over REST. */
const GAP_REPAIR_MS = 1_500;
const JOIN_TIMEOUT_MS = 10_000;

/** Brings the room's cached lists up to date with newly seen events. */
function applyToCaches(queryClient: QueryClient, incidentId: string, added: TypedRoomEvent[]): void {
  const affected = affectedRecords(added);
  const follow = <T>(key: readonly unknown[], apply: (data: T | undefined) => T | undefined) => {
    queryClient.setQueryData<T>(key, (data) => apply(data));
    // A fetch already in flight may answer with the state from before these events.
    if (queryClient.isFetching({ queryKey: key, exact: true }) > 0) {
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
    }
  };
  if (affected.tasks) follow<TaskView[]>(incidentKeys.tasks(incidentId), (d) => applyTaskEvents(d, added));
  if (affected.features)
    follow<MapFeatureView[]>(incidentKeys.features(incidentId), (d) => applyFeatureEvents(d, added));
  if (affected.dispatches) {
    follow<DispatchView[]>(incidentKeys.dispatches(incidentId), (d) => applyDispatchEvents(d, added));
    // A dispatch from the register moves the resource in or out of service everywhere.
    void queryClient.invalidateQueries({ queryKey: ['resources'] });
  }
  if (affected.incident) {
    void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId), exact: true });
    void queryClient.invalidateQueries({ queryKey: incidentKeys.lists });
  }
  if (affected.reports) void queryClient.invalidateQueries({ queryKey: incidentKeys.reports(incidentId) });
  if (affected.callouts) {
    const key = incidentKeys.callouts(incidentId);
    if (needsRefetch(added)) void queryClient.invalidateQueries({ queryKey: key, exact: true });
    else follow<BoardCallout[]>(key, (d) => applyCalloutEvents(d, added));
  }
  if (added.some((e) => e.type === 'consequence.modelled'))
    follow<ConsequenceRunView[]>(consequenceKeys.runs(incidentId), (d) =>
      applyConsequenceEvents(incidentId, d, added),
    );
  void queryClient.invalidateQueries({ queryKey: incidentKeys.summary(incidentId) });
}

/**
 * A live incident room: joins `room:join` with the last seq seen, keeps the room's events in
 * seq order (each once), follows presence, rejoins after every reconnect asking only for what
 * came after, and keeps the room's TanStack Query caches (incident, reports, tasks, map
 * features, dispatches, call-outs) in step with the events.
 */
export function useRoom(incidentId: string): RoomState & { status: LiveStatus } {
  const { socket, status } = useLiveSocket();
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(roomReducer, INITIAL);
  // The log as last merged, outside React's render cycle, so socket callbacks read it current.
  const eventsRef = useRef<TypedRoomEvent[]>([]);

  useEffect(() => {
    if (!socket) return;
    let active = true;
    let gapTimer: ReturnType<typeof setTimeout> | null = null;

    const receive = (incoming: readonly unknown[]) => {
      if (!active) return;
      const { events, added } = mergeRoomEvents(eventsRef.current, incoming);
      if (added.length === 0) return;
      eventsRef.current = events;
      dispatch({ type: 'events', events });
      applyToCaches(queryClient, incidentId, added);
      scheduleGapRepair();
    };

    // Events can overtake one another between server processes; a hole that does not fill by
    // itself is fetched from the log.
    const scheduleGapRepair = () => {
      if (gapTimer || !hasGap(eventsRef.current)) return;
      gapTimer = setTimeout(() => {
        gapTimer = null;
        if (!active || !hasGap(eventsRef.current)) return;
        fetchRoomEvents(incidentId, contiguousSeq(eventsRef.current)).then(receive, () =>
          scheduleGapRepair(),
        );
      }, GAP_REPAIR_MS);
    };

    const join = () => {
      socket
        .timeout(JOIN_TIMEOUT_MS)
        .emit(
          'room:join',
          { incidentId, sinceSeq: contiguousSeq(eventsRef.current) },
          (error: Error | null, ack: RoomJoinAck) => {
            if (!active) return;
            if (error) {
              dispatch({ type: 'joinFailed', error: 'timeout' });
              // Still connected but unanswered: ask again.
              if (socket.connected) setTimeout(() => active && socket.connected && join(), 2_000);
              return;
            }
            if (!ack.ok) {
              dispatch({ type: 'joinFailed', error: ack.error });
              return;
            }
            receive(ack.events);
            dispatch({ type: 'joined' });
          },
        );
    };

    const onEvent = (message: RoomEventMessage) => {
      if (message.incidentId === incidentId) receive([message]);
    };
    const onPresence = (message: PresenceMessage) => {
      if (message.incidentId === incidentId && active)
        dispatch({ type: 'presence', present: message.present });
    };

    socket.on('room:event', onEvent);
    socket.on('room:presence', onPresence);
    socket.on('connect', join);
    if (socket.connected) join();

    return () => {
      active = false;
      if (gapTimer) clearTimeout(gapTimer);
      socket.off('room:event', onEvent);
      socket.off('room:presence', onPresence);
      socket.off('connect', join);
      if (socket.connected) socket.emit('room:leave', { incidentId });
    };
  }, [socket, incidentId, queryClient]);

  return { ...state, status };
}
