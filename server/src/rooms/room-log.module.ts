import { Global, Module } from '@nestjs/common';
import { LiveBroadcaster } from './live-broadcaster.js';
import { RoomLog } from './room-log.js';

@Global()
@Module({ providers: [RoomLog, LiveBroadcaster], exports: [RoomLog, LiveBroadcaster] })
export class RoomLogModule {}
