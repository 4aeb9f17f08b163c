import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { MonitoringModule } from './monitoring.module.js';
import { MqttIngest } from './mqtt-ingest.js';
import { ReadingPartitionsJob } from './reading-partitions.job.js';

/** The worker's part: the MQTT subscriber and the partition upkeep. */
@Module({
  imports: [MonitoringModule, EnterpriseModule],
  providers: [MqttIngest, ReadingPartitionsJob],
})
export class MonitoringIngestModule {}
