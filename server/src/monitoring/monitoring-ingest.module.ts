import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { MonitoringModule } from './monitoring.module.js';
import { MqttIngest } from './mqtt-ingest.js';

/** The worker's part: the MQTT subscriber (the partition upkeep job is in the core). */
@Module({
  imports: [MonitoringModule, EnterpriseModule],
  providers: [MqttIngest],
})
export class MonitoringIngestModule {}
