import { Module } from '@nestjs/common';
import { LevelActivationController } from './level-activation.controller.js';
import { ResponseModule } from './response.module.js';

/** The HTTP front of ResponseModule: its routes, on the core module. */
@Module({ imports: [ResponseModule], controllers: [LevelActivationController] })
export class ResponseHttpModule {}
