/**
 * The Socket.IO contract (namespace `/live`). Server, worker and web import these names
 * so an event is spelled once.
 */
import type { NotificationView } from './hazards.js';
import type { IncidentSummary } from './incidents.js';
import type { AlarmView } from './monitoring.js';
import type { TypedRoomEvent } from './room-events.js';

export const LIVE_NAMESPACE = '/live';

export const ClientEvent = {
  /** `{ incidentId, sinceSeq }` → ack `{ ok, events }` (the events after sinceSeq, in order). */
  RoomJoin: 'room:join',
  RoomLeave: 'room:leave',
  /** Zone roles: receive `incident:upsert` for every incident change (overview map and list). */
  OverviewJoin: 'overview:join',
} as const;

export const ServerEvent = {
  RoomEvent: 'room:event',
  RoomPresence: 'room:presence',
  IncidentUpsert: 'incident:upsert',
  /** Zone roles in the overview: an alarm raised, cleared or handled (the zone's alarm board and map). */
  AlarmUpsert: 'alarm:upsert',
  /** To each socket of the recipient: a new notification, with their unread count after it. */
  Notification: 'notification:new',
  /** To each socket of the user: notifications were read (in another tab or device). */
  NotificationsRead: 'notification:read',
  /** Zone roles in the overview: figures of a kind changed (the leaders' dashboard reads them again). */
  ZoneChanged: 'zone:changed',
} as const;

/** What changed, for views that show zone-wide figures rather than one record. */
export interface ZoneChange {
  topic: 'hazards' | 'callouts' | 'assessments';
}

/**
 * A new notification as pushed live. Its title and body are in Chinese (a push has no request
 * to take a language from); the console words it again from `kind` and `params` in its own.
 */
export interface NotificationPush {
  notification: NotificationView;
  /** The recipient's unread count, counted up to 100 (the bell shows "99+" beyond 99). */
  unread: number;
}

export interface NotificationsReadMessage {
  /** The notifications read, or every one. */
  ids: string[] | 'all';
  unread: number;
}

export type RoomEventMessage = TypedRoomEvent & { incidentId: string };

export interface RoomJoinRequest {
  incidentId: string;
  sinceSeq?: number;
}

export type RoomJoinAck =
  { ok: true; events: TypedRoomEvent[]; lastSeq: number } | { ok: false; error: string };

export interface PresenceMessage {
  incidentId: string;
  present: { userId: string; name: string; role: string }[];
}

export interface ServerToClientEvents {
  'room:event': (e: RoomEventMessage) => void;
  'room:presence': (p: PresenceMessage) => void;
  'incident:upsert': (s: IncidentSummary) => void;
  'alarm:upsert': (a: AlarmView) => void;
  'notification:new': (p: NotificationPush) => void;
  'notification:read': (m: NotificationsReadMessage) => void;
  'zone:changed': (c: ZoneChange) => void;
}

export interface ClientToServerEvents {
  'room:join': (req: RoomJoinRequest, ack: (res: RoomJoinAck) => void) => void;
  'room:leave': (req: { incidentId: string }, ack?: (res: { ok: boolean }) => void) => void;
  'overview:join': (req: Record<string, never>, ack: (res: { ok: boolean; error?: string }) => void) => void;
}
