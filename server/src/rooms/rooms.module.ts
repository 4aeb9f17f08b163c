import { Module } from '@nestjs/common';
import { IncidentModule } from '../incidents/incident.module.js';
import { LiveGateway } from './live.gateway.js';
import { RoomWorkService } from './room-work.service.js';
import { RoomsController } from './rooms.controller.js';

@Module({
  imports: [IncidentModule],
  controllers: [RoomsController],
  providers: [RoomWorkService, LiveGateway],
  exports: [RoomWorkService],
})
export class RoomsModule {}
