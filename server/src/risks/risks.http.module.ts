import { Module } from '@nestjs/common';
import { RiskController } from './risk.controller.js';
import { RisksModule } from './risks.module.js';

/** The HTTP front of RisksModule. */
@Module({ imports: [RisksModule], controllers: [RiskController] })
export class RisksHttpModule {}
