import { Module } from '@nestjs/common';
import { EnforcementController } from './enforcement.controller.js';
import { EnforcementModule } from './enforcement.module.js';

/** The HTTP front of EnforcementModule: its routes, on the core module. */
@Module({ imports: [EnforcementModule], controllers: [EnforcementController] })
export class EnforcementHttpModule {}
