import { Module } from '@nestjs/common';
import { LiveGateway } from './live.gateway.js';
import { RoomRecordsController } from './room-records.controller.js';
import { RoomsController } from './rooms.controller.js';
import { RoomsModule } from './rooms.module.js';

/** The HTTP and socket front of RoomsModule: its routes, on the core module. */
@Module({
  imports: [RoomsModule],
  controllers: [RoomsController, RoomRecordsController],
  providers: [LiveGateway],
})
export class RoomsHttpModule {}
