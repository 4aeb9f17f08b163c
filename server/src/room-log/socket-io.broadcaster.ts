import { Injectable } from '@nestjs/common';
import type {
  AlarmView,
  IncidentSummary,
  NotificationPush,
  NotificationsReadMessage,
  RoomEventMessage,
  ServerToClientEvents,
  ZoneChange,
} from '@muster/contracts';
import type { Namespace } from 'socket.io';
import { Broadcaster } from './broadcaster.js';
import { RedisEmitterBroadcaster } from './redis-emitter.broadcaster.js';
import { OVERVIEW_ROOM, incidentRoom, userRoom } from './socket-rooms.js';

export type LiveNamespace = Namespace<Record<string, never>, ServerToClientEvents>;

/**
 * The server's adapter: emits through its own /live namespace, which the Redis adapter carries to
 * the other server processes. Until the gateway has attached the namespace (while booting), the
 * Redis emitter reaches the same sockets.
 */
@Injectable()
export class SocketIoBroadcaster extends Broadcaster {
  private namespace: LiveNamespace | null = null;

  constructor(private readonly fallback: RedisEmitterBroadcaster) {
    super();
  }

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  roomEvent(message: RoomEventMessage): void {
    if (!this.namespace) return this.fallback.roomEvent(message);
    this.namespace.to(incidentRoom(message.incidentId)).emit('room:event', message);
  }

  incidentChanged(summary: IncidentSummary): void {
    if (!this.namespace) return this.fallback.incidentChanged(summary);
    this.namespace.to(OVERVIEW_ROOM).emit('incident:upsert', summary);
  }

  alarmChanged(alarm: AlarmView): void {
    if (!this.namespace) return this.fallback.alarmChanged(alarm);
    this.namespace.to(OVERVIEW_ROOM).emit('alarm:upsert', alarm);
  }

  notification(userId: string, push: NotificationPush): void {
    if (!this.namespace) return this.fallback.notification(userId, push);
    this.namespace.to(userRoom(userId)).emit('notification:new', push);
  }

  notificationsRead(userId: string, message: NotificationsReadMessage): void {
    if (!this.namespace) return this.fallback.notificationsRead(userId, message);
    this.namespace.to(userRoom(userId)).emit('notification:read', message);
  }

  zoneChanged(change: ZoneChange): void {
    if (!this.namespace) return this.fallback.zoneChanged(change);
    this.namespace.to(OVERVIEW_ROOM).emit('zone:changed', change);
  }
}
