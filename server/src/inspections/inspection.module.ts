import { Module } from '@nestjs/common';
import { HazardModule } from '../hazards/hazard.module.js';
import { InspectionController } from './inspection.controller.js';
import { InspectionPlanRepository, InspectionRecordRepository } from './inspection.repository.js';
import { InspectionService } from './inspection.service.js';

@Module({
  imports: [HazardModule],
  controllers: [InspectionController],
  providers: [InspectionService, InspectionPlanRepository, InspectionRecordRepository],
  exports: [InspectionService],
})
export class InspectionModule {}
