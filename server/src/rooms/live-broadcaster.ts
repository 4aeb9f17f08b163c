import { Inject, Injectable } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { Namespace } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import {
  LIVE_NAMESPACE,
  type RoomEventMessage,
  type ServerToClientEvents,
  type IncidentSummary,
} from '@muster/contracts';
import { REDIS } from '../redis/redis.module.js';

export const incidentRoom = (incidentId: string) => `incident:${incidentId}`;
/** Zone roles watching every incident (the commander's overview map). */
export const OVERVIEW_ROOM = 'overview';

interface Target {
  to(room: string): {
    emit<E extends keyof ServerToClientEvents>(
      event: E,
      ...args: Parameters<ServerToClientEvents[E]>
    ): unknown;
  };
}

/**
 * The one place that turns domain events into socket messages. In the server it emits through
 * its own namespace (the Redis adapter carries it to the other server processes); in the worker,
 * which has no sockets, through the Redis emitter to the same adapter channel.
 */
@Injectable()
export class LiveBroadcaster {
  private target: Target | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  attach(namespace: Namespace<Record<string, never>, ServerToClientEvents>): void {
    this.target = namespace as unknown as Target;
  }

  roomEvent(message: RoomEventMessage): void {
    this.emitter().to(incidentRoom(message.incidentId)).emit('room:event', message);
  }

  incidentChanged(summary: IncidentSummary): void {
    this.emitter().to(OVERVIEW_ROOM).emit('incident:upsert', summary);
  }

  private emitter(): Target {
    this.target ??= new Emitter(this.redis, { key: `${this.config.REDIS_PREFIX}:socket.io` }).of(
      LIVE_NAMESPACE,
    ) as unknown as Target;
    return this.target;
  }
}
