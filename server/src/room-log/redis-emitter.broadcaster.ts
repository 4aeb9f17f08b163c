import { Inject, Injectable } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import {
  type IncidentSummary,
  LIVE_NAMESPACE,
  type NotificationPush,
  type NotificationsReadMessage,
  type RoomEventMessage,
} from '@muster/contracts';
import { REDIS } from '../redis/redis.module.js';
import { Broadcaster } from './broadcaster.js';
import { OVERVIEW_ROOM, incidentRoom, userRoom } from './socket-rooms.js';

/**
 * The worker's adapter (and any process without sockets): publishes on the Socket.IO Redis
 * adapter's channel, from which every server process delivers to its own sockets.
 */
@Injectable()
export class RedisEmitterBroadcaster extends Broadcaster {
  private emitter: ReturnType<Emitter['of']> | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  roomEvent(message: RoomEventMessage): void {
    this.namespace().to(incidentRoom(message.incidentId)).emit('room:event', message);
  }

  incidentChanged(summary: IncidentSummary): void {
    this.namespace().to(OVERVIEW_ROOM).emit('incident:upsert', summary);
  }

  notification(userId: string, push: NotificationPush): void {
    this.namespace().to(userRoom(userId)).emit('notification:new', push);
  }

  notificationsRead(userId: string, message: NotificationsReadMessage): void {
    this.namespace().to(userRoom(userId)).emit('notification:read', message);
  }

  private namespace(): ReturnType<Emitter['of']> {
    this.emitter ??= new Emitter(this.redis, { key: `${this.config.REDIS_PREFIX}:socket.io` }).of(
      LIVE_NAMESPACE,
    );
    return this.emitter;
  }
}
