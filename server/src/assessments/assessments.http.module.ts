import { Module } from '@nestjs/common';
import { AssessmentController } from './assessment.controller.js';
import { AssessmentsModule } from './assessments.module.js';

@Module({
  imports: [AssessmentsModule],
  controllers: [AssessmentController],
})
export class AssessmentsHttpModule {}
