import { Module } from '@nestjs/common';
import { CalloutsModule } from '../callouts/callouts.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { PortalModule } from '../portal/portal.module.js';
import { RoomWorkModule } from '../rooms/room-work.module.js';
import { SensitiveTargetsModule } from '../sensitive-targets/sensitive-targets.module.js';
import { AlertsSection } from './alerts-section.js';
import { WarningService } from './warning.service.js';

/**
 * Geo-targeted warnings and their CAP alerts; the paging itself is the call-outs' engine. The
 * alerts issued for real are a section of the public pages.
 */
@Module({
  imports: [
    IncidentModule,
    RoomWorkModule,
    EnterpriseModule,
    DirectoryModule,
    SensitiveTargetsModule,
    CalloutsModule,
    PortalModule,
  ],
  providers: [WarningService, AlertsSection],
  exports: [WarningService],
})
export class WarningsModule {}
