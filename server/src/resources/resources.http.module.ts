import { Module } from '@nestjs/common';
import { ResourceController } from './resource.controller.js';
import { ResourcesModule } from './resources.module.js';

/** The HTTP front of ResourcesModule: its routes, on the core module. */
@Module({ imports: [ResourcesModule], controllers: [ResourceController] })
export class ResourcesHttpModule {}
