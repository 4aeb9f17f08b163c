import { Module } from '@nestjs/common';
import { SafetyFundController } from './safety-fund.controller.js';
import { SafetyFundsModule } from './safety-funds.module.js';

/** The HTTP front of SafetyFundsModule: its routes, on the core module. */
@Module({ imports: [SafetyFundsModule], controllers: [SafetyFundController] })
export class SafetyFundsHttpModule {}
