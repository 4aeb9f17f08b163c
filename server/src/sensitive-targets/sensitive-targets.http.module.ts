import { Module } from '@nestjs/common';
import { SensitiveTargetController } from './sensitive-target.controller.js';
import { SensitiveTargetsModule } from './sensitive-targets.module.js';

/** The HTTP front of SensitiveTargetsModule. */
@Module({ imports: [SensitiveTargetsModule], controllers: [SensitiveTargetController] })
export class SensitiveTargetsHttpModule {}
