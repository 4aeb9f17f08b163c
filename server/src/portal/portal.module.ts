import { Module } from '@nestjs/common';
import { PortalSections } from './portal-sections.js';

/** The public pages' registry of sections; the domains that publish import it and register. */
@Module({ providers: [PortalSections], exports: [PortalSections] })
export class PortalModule {}
