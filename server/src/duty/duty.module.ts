import { Module } from '@nestjs/common';
import { CalloutsModule } from '../callouts/callouts.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationModule } from '../notifications/notification.module.js';
import { DutyAlerts } from './duty-alerts.js';
import { DutyPolicyService } from './duty-policy.service.js';

/**
 * Duty alerting (值班). The server registers the filing and acknowledgement hooks; the worker
 * (which imports this module too) runs the alert job.
 */
@Module({
  imports: [
    IncidentModule,
    CalloutsModule,
    DirectoryModule,
    EnterpriseModule,
    NotificationModule,
    JobsModule,
  ],
  providers: [DutyPolicyService, DutyAlerts],
  exports: [DutyPolicyService],
})
export class DutyModule {}
