import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { NotificationModule } from '../notifications/notification.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { IncidentHooks } from './incident-hooks.js';
import { IncidentNotifications } from './incident-notifications.js';
import { IncidentRepository } from './incident.repository.js';
import { IncidentService } from './incident.service.js';

@Module({
  imports: [EnterpriseModule, PlansModule, NotificationModule],
  providers: [IncidentService, IncidentRepository, IncidentHooks, IncidentNotifications],
  exports: [IncidentService, IncidentRepository, IncidentHooks],
})
export class IncidentModule {}
