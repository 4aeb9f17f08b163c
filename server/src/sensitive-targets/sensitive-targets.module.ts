import { Module } from '@nestjs/common';
import { SensitiveTargetRepository } from './sensitive-target.repository.js';
import { SensitiveTargetService } from './sensitive-target.service.js';
import { SensitiveTargetTransferService } from './sensitive-target-transfer.service.js';

/** The zone's register of sensitive targets; `SensitiveTargetService.all` is what warnings read. */
@Module({
  providers: [SensitiveTargetRepository, SensitiveTargetService, SensitiveTargetTransferService],
  exports: [SensitiveTargetService, SensitiveTargetTransferService],
})
export class SensitiveTargetsModule {}
