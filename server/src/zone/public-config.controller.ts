import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { PublicConfig } from '@muster/contracts';
import { ApiDoc } from '../common/api-docs.js';

/** What the web console needs before login: which basemap to draw and in which time zone. */
@ApiTags('config')
@Controller('api/config')
export class PublicConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @ApiDoc('Public settings the console needs before sign-in (map, zone)')
  @Get('public')
  @Public()
  get(): PublicConfig {
    return {
      zoneName: '杜集经济开发区',
      timeZone: this.config.TZ,
      mapTileUrl: this.config.MAP_TILE_URL,
      demoMode: this.config.DEMO_MODE,
    };
  }
}
