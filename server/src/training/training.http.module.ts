import { Module } from '@nestjs/common';
import { TrainingController, TrainingSignInController } from './training.controller.js';
import { TrainingModule } from './training.module.js';

/** The HTTP front of TrainingModule: its routes, on the core module. */
@Module({ imports: [TrainingModule], controllers: [TrainingController, TrainingSignInController] })
export class TrainingHttpModule {}
