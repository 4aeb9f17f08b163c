import { Module } from '@nestjs/common';
import { InspectionController } from './inspection.controller.js';
import { InspectionModule } from './inspection.module.js';

/** The HTTP front of InspectionModule: its routes, on the core module. */
@Module({ imports: [InspectionModule], controllers: [InspectionController] })
export class InspectionHttpModule {}
