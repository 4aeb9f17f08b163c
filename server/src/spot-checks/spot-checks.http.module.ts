import { Module } from '@nestjs/common';
import { SpotCheckController } from './spot-check.controller.js';
import { SpotChecksModule } from './spot-checks.module.js';

/** The HTTP front of SpotChecksModule. */
@Module({ imports: [SpotChecksModule], controllers: [SpotCheckController] })
export class SpotChecksHttpModule {}
