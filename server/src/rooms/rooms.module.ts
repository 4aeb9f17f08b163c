import { Module } from '@nestjs/common';
import { IncidentModule } from '../incidents/incident.module.js';
import { LiveGateway } from './live.gateway.js';
import { RoomRecordsController } from './room-records.controller.js';
import { RoomRecordsService } from './room-records.service.js';
import { RoomWorkModule } from './room-work.module.js';
import { RoomsController } from './rooms.controller.js';

@Module({
  imports: [IncidentModule, RoomWorkModule],
  controllers: [RoomsController, RoomRecordsController],
  providers: [RoomRecordsService, LiveGateway],
  exports: [RoomWorkModule],
})
export class RoomsModule {}
