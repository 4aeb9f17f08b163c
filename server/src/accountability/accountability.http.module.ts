import { Module } from '@nestjs/common';
import { AccountabilityController } from './accountability.controller.js';
import { AccountabilityModule } from './accountability.module.js';

/** The HTTP front of AccountabilityModule. */
@Module({ imports: [AccountabilityModule], controllers: [AccountabilityController] })
export class AccountabilityHttpModule {}
