import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Broadcaster } from './broadcaster.js';
import { RedisEmitterBroadcaster } from './redis-emitter.broadcaster.js';
import { RoomLog } from './room-log.js';
import { SocketIoBroadcaster } from './socket-io.broadcaster.js';

/**
 * The room log: the append-only log of every incident room and the broadcaster it publishes
 * through, below both incidents and rooms (it imports neither). As imported, it broadcasts
 * through the Redis emitter (the worker, the CLI); the server imports `forServer()`, whose
 * broadcaster emits on the server's own Socket.IO namespace.
 */
@Global()
@Module({
  providers: [
    RoomLog,
    RedisEmitterBroadcaster,
    { provide: Broadcaster, useExisting: RedisEmitterBroadcaster },
  ],
  exports: [RoomLog, Broadcaster],
})
export class RoomLogModule {
  static forServer(): DynamicModule {
    return {
      module: RoomLogModule,
      providers: [
        RoomLog,
        RedisEmitterBroadcaster,
        SocketIoBroadcaster,
        { provide: Broadcaster, useExisting: SocketIoBroadcaster },
      ],
      exports: [RoomLog, Broadcaster, SocketIoBroadcaster],
    };
  }
}
