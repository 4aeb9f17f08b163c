import { Module } from '@nestjs/common';
import { IncidentModule } from '../incidents/incident.module.js';
import { ConsequenceService } from './consequences.service.js';

/** Consequence model runs of incident rooms, without the HTTP front. */
@Module({
  imports: [IncidentModule],
  providers: [ConsequenceService],
  exports: [ConsequenceService],
})
export class ConsequencesModule {}
