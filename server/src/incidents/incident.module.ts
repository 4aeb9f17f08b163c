import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { FileModule } from '../files/file.module.js';
import { NotificationModule } from '../notifications/notification.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { IncidentHooks } from './incident-hooks.js';
import { IncidentNotifications } from './incident-notifications.js';
import { IncidentRepository } from './incident.repository.js';
import { IncidentService } from './incident.service.js';
import { ReportingChainRepository } from './reporting-chain.repository.js';
import { ReportingChainReminders } from './reporting-chain.reminders.js';
import { ReportingChainService } from './reporting-chain.service.js';

@Module({
  imports: [EnterpriseModule, PlansModule, FileModule, RemindersModule, NotificationModule],
  providers: [
    IncidentService,
    IncidentRepository,
    IncidentHooks,
    IncidentNotifications,
    ReportingChainService,
    ReportingChainRepository,
    ReportingChainReminders,
  ],
  exports: [IncidentService, IncidentRepository, IncidentHooks, ReportingChainService],
})
export class IncidentModule {}
