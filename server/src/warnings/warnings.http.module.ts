import { Module } from '@nestjs/common';
import { CapController } from './cap.controller.js';
import { WarningController } from './warning.controller.js';
import { WarningsModule } from './warnings.module.js';

/** The HTTP front of WarningsModule: the room's routes and the public CAP feed. */
@Module({ imports: [WarningsModule], controllers: [WarningController, CapController] })
export class WarningsHttpModule {}
