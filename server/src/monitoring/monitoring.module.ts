import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { HazardModule } from '../hazards/hazard.module.js';
import { UserFinder } from '../identity/user-finder.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { InstallationsModule } from '../installations/installations.module.js';
import { NotificationModule } from '../notifications/notification.module.js';
import { AlarmHazards } from './alarm-hazard.js';
import { AlarmRaiser } from './alarm-raiser.js';
import { AlarmRepository } from './alarm.repository.js';
import { AlarmService } from './alarm.service.js';
import { AlarmViews } from './alarm-views.js';
import { IngestKeyService } from './ingest-key.service.js';
import { IngestService } from './ingest.service.js';
import { PointService } from './point.service.js';
import { ReadingPartitionsJob } from './reading-partitions.job.js';
import { SensorPointRepository } from './sensor-point.repository.js';

/** Live monitoring's core: points, readings and their alarms, for the server and the worker alike. */
@Module({
  imports: [EnterpriseModule, InstallationsModule, IncidentModule, HazardModule, NotificationModule],
  providers: [
    SensorPointRepository,
    AlarmRepository,
    AlarmViews,
    AlarmRaiser,
    AlarmHazards,
    AlarmService,
    IngestService,
    IngestKeyService,
    PointService,
    UserFinder,
    ReadingPartitionsJob,
  ],
  exports: [IngestService, IngestKeyService, AlarmService, PointService],
})
export class MonitoringModule {}
