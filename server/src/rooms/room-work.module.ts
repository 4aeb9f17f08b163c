import { Module } from '@nestjs/common';
import { IncidentModule } from '../incidents/incident.module.js';
import { RoomWorkService } from './room-work.service.js';

/** The room's tasks, map features and dispatches, without the HTTP and socket front (the worker uses it). */
@Module({
  imports: [IncidentModule],
  providers: [RoomWorkService],
  exports: [RoomWorkService],
})
export class RoomWorkModule {}
