import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { CalloutEngine } from './callout-engine.js';
import { CalloutService } from './callout.service.js';
import { MESSAGING_PROVIDER } from './provider.js';
import { ProviderStatusWriter } from './provider-status.js';
import { ResponderService } from './responder.service.js';
import { TwilioProvider } from './twilio.provider.js';

/**
 * Call-outs. The server takes requests, answers and webhooks; the worker runs the engine's jobs
 * (both import this module, and only the worker consumes the queues).
 */
@Module({
  imports: [IncidentModule, DirectoryModule, PlansModule, JobsModule],
  providers: [
    CalloutService,
    CalloutEngine,
    ResponderService,
    ProviderStatusWriter,
    { provide: MESSAGING_PROVIDER, useClass: TwilioProvider },
  ],
  exports: [CalloutService, CalloutEngine, ResponderService, ProviderStatusWriter, MESSAGING_PROVIDER],
})
export class CalloutsModule {}
