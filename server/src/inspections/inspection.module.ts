import { Module } from '@nestjs/common';
import { FileModule } from '../files/file.module.js';
import { HazardModule } from '../hazards/hazard.module.js';
import { InspectionPlanRepository, InspectionRecordRepository } from './inspection.repository.js';
import { InspectionService } from './inspection.service.js';

@Module({
  imports: [HazardModule, FileModule],
  providers: [InspectionService, InspectionPlanRepository, InspectionRecordRepository],
  exports: [InspectionService, InspectionRecordRepository],
})
export class InspectionModule {}
