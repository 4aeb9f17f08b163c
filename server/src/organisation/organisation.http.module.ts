import { Module } from '@nestjs/common';
import { LeadingGroupController, SafetyOrgController } from './organisation.controller.js';
import { OrganisationModule } from './organisation.module.js';

/** The HTTP front of OrganisationModule: its routes, on the core module. */
@Module({ imports: [OrganisationModule], controllers: [LeadingGroupController, SafetyOrgController] })
export class OrganisationHttpModule {}
