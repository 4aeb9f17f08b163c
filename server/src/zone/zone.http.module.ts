import { Module } from '@nestjs/common';
import { PublicConfigController } from './public-config.controller.js';

/** What the console needs to know of the zone before sign-in (name, boundary, map tiles). */
@Module({ controllers: [PublicConfigController] })
export class ZoneHttpModule {}
