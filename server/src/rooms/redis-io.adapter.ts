import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { closeRedis, logOutages } from '../redis/redis.module.js';
import { routePollingToOwner } from './cluster-polling.js';

/**
 * Socket.IO over Redis pub/sub: a message emitted to a room by any server process reaches the
 * room's clients on every process, so the server scales out behind a load balancer, and over the
 * processes of one host (WEB_CONCURRENCY, see cluster-polling.ts for long-polling clients).
 */
export class RedisIoAdapter extends IoAdapter {
  private pub?: Redis;
  private sub?: Redis;
  private adapter?: ReturnType<typeof createAdapter>;
  private closePolling?: () => Promise<void>;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string,
    private readonly prefix: string,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    // Auto-pipelining sends the publishes of one tick in one write: under load every request
    // publishes (room event, overview), and a socket write costs more than the command.
    this.pub = logOutages(
      new Redis(this.redisUrl, {
        lazyConnect: true,
        maxRetriesPerRequest: null,
        enableAutoPipelining: true,
      }),
      'Socket.IO publish',
    );
    this.sub = logOutages(this.pub.duplicate({ enableAutoPipelining: false }), 'Socket.IO subscribe');
    // The adapter publishes and never looks at the answer. A publish that meets a closed or lost
    // connection (a job's broadcast finishing as the server stops) would be an unhandled
    // rejection, which ends the process; a missed broadcast costs nothing lasting, as consoles
    // catch up from the room log when they reconnect.
    const publish = this.pub.publish.bind(this.pub);
    this.pub.publish = ((...args: Parameters<typeof publish>) =>
      publish(...args).catch(() => 0)) as typeof this.pub.publish;
    // A Redis that is down at boot must not stop the server: it serves HTTP and local rooms, and
    // the clients reconnect and catch up from the room log once pub/sub is back.
    await Promise.allSettled([this.pub.connect(), this.sub.connect()]);
    this.adapter = createAdapter(this.pub, this.sub, { key: `${this.prefix}:socket.io` });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, serveClient: false } as ServerOptions) as Server;
    if (this.adapter) server.adapter(this.adapter);
    this.closePolling = routePollingToOwner(server);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.closePolling?.();
    // quit, not disconnect: closing the server makes the adapter publish the sockets' departures,
    // and a connection dropped under those commands rejects them with nobody left to catch it.
    await Promise.allSettled([closeRedis(this.pub), closeRedis(this.sub)]);
  }
}
