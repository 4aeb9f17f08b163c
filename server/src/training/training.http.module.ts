import { Module } from '@nestjs/common';
import { TrainingController, TrainingSignInController } from './training.controller.js';
import { TrainingModule } from './training.module.js';
import { SignInThrottle } from './sign-in-throttle.js';

/** The HTTP front of TrainingModule: its routes, on the core module. */
@Module({
  imports: [TrainingModule],
  controllers: [TrainingController, TrainingSignInController],
  providers: [SignInThrottle],
})
export class TrainingHttpModule {}
