import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { MessagingModule } from '../messaging/messaging.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { RoomWorkModule } from '../rooms/room-work.module.js';
import { CalloutDeliveryStore } from './callout-delivery.store.js';
import { CalloutEngine } from './callout-engine.js';
import { CalloutHooks } from './callout-hooks.js';
import { CalloutService } from './callout.service.js';
import { DrillRosters } from './drill-rosters.js';
import { InboundTexts } from './inbound-texts.js';
import { MyCalloutsService } from './my-callouts.service.js';
import { PhoneResponderService } from './phone-responder.service.js';
import { ResponderPositionsService } from './responder-positions.service.js';
import { ResponderService } from './responder.service.js';

/**
 * Call-outs. The server takes requests, answers and webhooks; the worker runs the engine's jobs
 * (both import this module, and only the worker consumes the queues).
 */
@Module({
  imports: [IncidentModule, DirectoryModule, PlansModule, RoomWorkModule, JobsModule, MessagingModule],
  providers: [
    CalloutService,
    CalloutEngine,
    CalloutDeliveryStore,
    ResponderService,
    PhoneResponderService,
    DrillRosters,
    MyCalloutsService,
    CalloutHooks,
    ResponderPositionsService,
    InboundTexts,
  ],
  exports: [
    CalloutService,
    CalloutEngine,
    ResponderService,
    PhoneResponderService,
    DrillRosters,
    MyCalloutsService,
    CalloutHooks,
    ResponderPositionsService,
    InboundTexts,
    MessagingModule,
  ],
})
export class CalloutsModule {}
