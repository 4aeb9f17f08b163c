import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { RoomWorkService } from './room-work.service.js';

/**
 * The room's tasks, map features and dispatches, without the HTTP and socket front (the worker
 * uses it). The directory and the resource register are where the teams, users and resources a
 * task or dispatch names are looked up, in the caller's scope.
 */
@Module({
  imports: [IncidentModule, DirectoryModule, ResourcesModule],
  providers: [RoomWorkService],
  exports: [RoomWorkService],
})
export class RoomWorkModule {}
