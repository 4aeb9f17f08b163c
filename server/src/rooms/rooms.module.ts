import { Module } from '@nestjs/common';
import { IncidentModule } from '../incidents/incident.module.js';
import { RoomRecordsService } from './room-records.service.js';
import { RoomWorkModule } from './room-work.module.js';

/** The room's records and work (tasks, map features, dispatches), without the HTTP and socket front. */
@Module({
  imports: [IncidentModule, RoomWorkModule],
  providers: [RoomRecordsService],
  exports: [IncidentModule, RoomWorkModule, RoomRecordsService],
})
export class RoomsModule {}
