import { Module } from '@nestjs/common';
import {
  ResponsibilityStatementController,
  StatementSigningController,
} from './responsibility-statements.controller.js';
import { ResponsibilityStatementsModule } from './responsibility-statements.module.js';
import { StatementSignThrottle } from './sign-throttle.js';

/** The HTTP front of ResponsibilityStatementsModule: its routes, on the core module. */
@Module({
  imports: [ResponsibilityStatementsModule],
  controllers: [ResponsibilityStatementController, StatementSigningController],
  providers: [StatementSignThrottle],
})
export class ResponsibilityStatementsHttpModule {}
