import { Module } from '@nestjs/common';
import { InstallationController } from './installation.controller.js';
import { InstallationsModule } from './installations.module.js';

/** The HTTP front of InstallationsModule. */
@Module({ imports: [InstallationsModule], controllers: [InstallationController] })
export class InstallationsHttpModule {}
