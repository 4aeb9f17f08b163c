import { Module } from '@nestjs/common';
import { ClockModule } from '../common/clock.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { UserFinder } from '../identity/user-finder.js';
import { InspectionModule } from '../inspections/inspection.module.js';
import { NotificationModule } from '../notifications/notification.module.js';
import { PortalModule } from '../portal/portal.module.js';
import { SpotCheckPortal } from './spot-check-portal.js';
import { SpotCheckRepository } from './spot-check.repository.js';
import { SpotCheckService } from './spot-check.service.js';

/** The double random draw (双随机): tasks, reproducible draws, the inspections they schedule. */
@Module({
  imports: [ClockModule, EnterpriseModule, InspectionModule, NotificationModule, PortalModule],
  providers: [SpotCheckRepository, SpotCheckService, SpotCheckPortal, UserFinder],
  exports: [SpotCheckService],
})
export class SpotChecksModule {}
