import { Inject, Injectable, Logger } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import {
  type AlarmView,
  type IncidentSummary,
  LIVE_NAMESPACE,
  type NotificationPush,
  type NotificationsReadMessage,
  type RoomEventMessage,
  type ZoneChange,
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
  private readonly logger = new Logger(RedisEmitterBroadcaster.name);
  private emitter: ReturnType<Emitter['of']> | null = null;
  private warnedAt = 0;

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

  alarmChanged(alarm: AlarmView): void {
    this.namespace().to(OVERVIEW_ROOM).emit('alarm:upsert', alarm);
  }

  notification(userId: string, push: NotificationPush): void {
    this.namespace().to(userRoom(userId)).emit('notification:new', push);
  }

  notificationsRead(userId: string, message: NotificationsReadMessage): void {
    this.namespace().to(userRoom(userId)).emit('notification:read', message);
  }

  zoneChanged(change: ZoneChange): void {
    this.namespace().to(OVERVIEW_ROOM).emit('zone:changed', change);
  }

  private namespace(): ReturnType<Emitter['of']> {
    // The emitter publishes and never looks at the answer: while Redis is down (its connection
    // queues nothing offline) the rejection would go unhandled and end the worker. A missed
    // broadcast costs nothing lasting, as consoles catch up from the log when they reconnect.
    const publisher = {
      publish: (channel: string, message: string | Buffer) =>
        this.redis.publish(channel, message).catch((err: unknown) => {
          if (Date.now() - this.warnedAt > 60_000) {
            this.warnedAt = Date.now();
            this.logger.warn(
              { err },
              'live broadcasts not published (further failures for a minute are not logged)',
            );
          }
          return 0;
        }),
    };
    this.emitter ??= new Emitter(publisher, { key: `${this.config.REDIS_PREFIX}:socket.io` }).of(
      LIVE_NAMESPACE,
    );
    return this.emitter;
  }
}
