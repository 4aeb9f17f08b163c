import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { IngestKeyIssued, IngestKeyStatus, PointView, ReadingSeries } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { INSTALLATION_EDITORS, INSTALLATION_READERS } from '../installations/installation.access.js';
import { IngestKeyService } from './ingest-key.service.js';
import { PointCreateDto, PointUpdateDto, ReadingQueryDto } from './point.dto.js';
import { PointService } from './point.service.js';

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('api')
export class PointController {
  constructor(
    private readonly points: PointService,
    private readonly keys: IngestKeyService,
  ) {}

  @ApiDoc("An installation's sensor points with their latest readings", 400, 401, 403, 404)
  @Get('installations/:id/points')
  @Roles(...INSTALLATION_READERS)
  ofInstallation(@UuidParam() id: string): Promise<PointView[]> {
    return this.points.ofInstallation(id);
  }

  @ApiDoc('Add a sensor point with its range and alarm thresholds', 400, 401, 403, 404, 409, 413)
  @Post('installations/:id/points')
  @Roles(...INSTALLATION_EDITORS)
  create(@UuidParam() id: string, @Body() dto: PointCreateDto): Promise<PointView> {
    return this.points.create(id, dto);
  }

  @ApiDoc('A sensor point with its latest reading', 400, 401, 403, 404)
  @Get('points/:id')
  @Roles(...INSTALLATION_READERS)
  get(@UuidParam() id: string): Promise<PointView> {
    return this.points.get(id);
  }

  @ApiDoc(
    "Change a point's thresholds, delay, hold time or what its alarm does",
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Patch('points/:id')
  @Roles(...INSTALLATION_EDITORS)
  update(@UuidParam() id: string, @Body() dto: PointUpdateDto): Promise<PointView> {
    return this.points.update(id, dto);
  }

  @ApiDoc("A point's readings over a window (default the last hour), thinned for a chart", 400, 401, 403, 404)
  @Get('points/:id/readings')
  @Roles(...INSTALLATION_READERS)
  readings(@UuidParam() id: string, @Query() q: ReadingQueryDto): Promise<ReadingSeries> {
    return this.points.readings(id, q);
  }

  @ApiDoc(
    'Whether the enterprise has a gateway ingestion key (its prefix, never the key), with the MQTT topic and HTTP endpoint it serves',
    400,
    401,
    403,
    404,
  )
  @Get('enterprises/:id/ingest-key')
  @Roles('zone_admin', 'enterprise_officer')
  keyStatus(@UuidParam() id: string): Promise<IngestKeyStatus> {
    return this.keys.status(id);
  }

  @ApiDoc(
    "Issue the enterprise's gateway ingestion key, replacing the old one (shown once)",
    400,
    401,
    403,
    404,
  )
  @Post('enterprises/:id/ingest-key')
  @Roles('zone_admin', 'enterprise_officer')
  @HttpCode(201)
  issueKey(@UuidParam() id: string): Promise<IngestKeyIssued> {
    return this.keys.issue(id);
  }
}
