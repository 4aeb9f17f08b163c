import { Module } from '@nestjs/common';
import { ContactController } from './contact.controller.js';
import { RotationController } from './rotation.controller.js';
import { TeamController } from './team.controller.js';
import { DirectoryModule } from './directory.module.js';

/** The HTTP front of DirectoryModule: its routes, on the core module. */
@Module({ imports: [DirectoryModule], controllers: [ContactController, TeamController, RotationController] })
export class DirectoryHttpModule {}
