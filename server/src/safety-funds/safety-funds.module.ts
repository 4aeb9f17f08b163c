import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { FileModule } from '../files/file.module.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { SafetyFundMeasures } from './safety-fund-measures.js';
import { SafetyFundSpendRepository, SafetyFundYearRepository } from './safety-fund.repository.js';
import { SafetyFundService } from './safety-fund.service.js';

/** Safety funds: each enterprise's yearly requirement, what it set aside and its spending ledger. */
@Module({
  imports: [EnterpriseModule, FileModule, MeasuresModule],
  providers: [SafetyFundYearRepository, SafetyFundSpendRepository, SafetyFundService, SafetyFundMeasures],
  exports: [SafetyFundService],
})
export class SafetyFundsModule {}
