import { Module } from '@nestjs/common';
import { CalloutsModule } from '../callouts/callouts.module.js';
import { ClockModule } from '../common/clock.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { NotificationModule } from '../notifications/notification.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { RoomWorkModule } from '../rooms/room-work.module.js';
import { RollCallRepository } from './rollcall.repository.js';
import { RollCallService } from './rollcall.service.js';

/**
 * Roll call at the assembly points. It reads inbound texts through call-outs' `InboundTexts`
 * (registered when it starts), so the SMS webhook stays call-outs' own.
 */
@Module({
  imports: [
    ClockModule,
    EnterpriseModule,
    DirectoryModule,
    IncidentModule,
    RoomWorkModule,
    ResourcesModule,
    NotificationModule,
    CalloutsModule,
  ],
  providers: [RollCallRepository, RollCallService],
  exports: [RollCallService],
})
export class RollCallModule {}
