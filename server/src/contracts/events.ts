/**
 * Socket.IO contract of DESIGN.md (namespace `/live`). Server, worker and web import these names
 * so an event is spelled once.
 */
export const LIVE_NAMESPACE = '/live';

export const ClientEvent = {
  RoomJoin: 'room:join',
  RoomLeave: 'room:leave',
} as const;

export const ServerEvent = {
  RoomEvent: 'room:event',
} as const;
