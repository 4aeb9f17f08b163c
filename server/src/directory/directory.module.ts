import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { ScopedUserRepository } from '../identity/scoped-user.repository.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { CertificateMeasures } from './certificate-measures.js';
import { CertificateReminders } from './certificate-reminders.js';
import { UserFinder } from '../identity/user-finder.js';
import { ContactRepository } from './contact.repository.js';
import { ContactService } from './contact.service.js';
import { ContactTransferService } from './contact-transfer.service.js';
import { RotationRepository } from './rotation.repository.js';
import { RotationService } from './rotation.service.js';
import { TeamRepository } from './team.repository.js';
import { TeamService } from './team.service.js';

/**
 * Contacts, teams and on-call rotations. Exported for escalation policies and call-outs: load
 * contacts and teams by ids (`ContactService.findByIds`, `TeamService.findByIds`) and ask who is
 * on call (`RotationService.onCallAt`). The people a request may name include user accounts
 * (`ScopedUserRepository`), and other domains show users' names (`UserFinder`): both are
 * provided here with the rest of who's who rather than by the identity module, which the worker
 * (it loads the room and drill services too) does not have.
 */
@Module({
  imports: [EnterpriseModule, MeasuresModule, RemindersModule],
  providers: [
    CertificateMeasures,
    CertificateReminders,
    ContactRepository,
    TeamRepository,
    RotationRepository,
    ContactService,
    TeamService,
    RotationService,
    ContactTransferService,
    ScopedUserRepository,
    UserFinder,
  ],
  exports: [
    ContactRepository,
    TeamRepository,
    RotationRepository,
    ScopedUserRepository,
    UserFinder,
    ContactService,
    TeamService,
    RotationService,
    ContactTransferService,
  ],
})
export class DirectoryModule {}
