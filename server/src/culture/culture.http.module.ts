import { Module } from '@nestjs/common';
import { CultureActivityController, ModelProgrammeController } from './culture.controller.js';
import { CultureModule } from './culture.module.js';

/** The HTTP front of CultureModule: its routes, on the core module. */
@Module({ imports: [CultureModule], controllers: [CultureActivityController, ModelProgrammeController] })
export class CultureHttpModule {}
