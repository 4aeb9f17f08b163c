import { Module } from '@nestjs/common';
import { DutyPolicyController } from './duty-policy.controller.js';
import { DutyModule } from './duty.module.js';

/** The HTTP front of DutyModule. */
@Module({
  imports: [DutyModule],
  controllers: [DutyPolicyController],
})
export class DutyHttpModule {}
