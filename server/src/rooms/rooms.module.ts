import { Module } from '@nestjs/common';
import { IncidentModule } from '../incidents/incident.module.js';
import { LiveGateway } from './live.gateway.js';
import { RoomRecordsController } from './room-records.controller.js';
import { RoomRecordsService } from './room-records.service.js';
import { RoomWorkService } from './room-work.service.js';
import { RoomsController } from './rooms.controller.js';

@Module({
  imports: [IncidentModule],
  controllers: [RoomsController, RoomRecordsController],
  providers: [RoomWorkService, RoomRecordsService, LiveGateway],
  exports: [RoomWorkService],
})
export class RoomsModule {}
