import { Module } from '@nestjs/common';
import { WorkPlanController, WorkPlanTemplateController } from './work-plan.controller.js';
import { WorkPlansModule } from './work-plans.module.js';

/** The HTTP front of WorkPlansModule: its routes, on the core module. */
@Module({ imports: [WorkPlansModule], controllers: [WorkPlanTemplateController, WorkPlanController] })
export class WorkPlansHttpModule {}
