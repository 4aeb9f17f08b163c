import { Module } from '@nestjs/common';
import { EnterpriseController } from './enterprise.controller.js';
import { EnterpriseModule } from './enterprise.module.js';

/** The HTTP front of EnterpriseModule: its routes, on the core module. */
@Module({ imports: [EnterpriseModule], controllers: [EnterpriseController] })
export class EnterpriseHttpModule {}
