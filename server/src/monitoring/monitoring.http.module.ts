import { Module } from '@nestjs/common';
import { AlarmController } from './alarm.controller.js';
import { IngestKeyGuard } from './ingest-key.guard.js';
import { IngestController } from './ingest.controller.js';
import { MonitoringModule } from './monitoring.module.js';
import { PointController } from './point.controller.js';

/** The HTTP front of MonitoringModule: points, alarms, and the gateways' batch endpoint. */
@Module({
  imports: [MonitoringModule],
  controllers: [PointController, AlarmController, IngestController],
  providers: [IngestKeyGuard],
})
export class MonitoringHttpModule {}
