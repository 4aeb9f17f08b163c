import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { ListResponse, HazardDetailView, HazardStatsView, HazardView } from '@muster/contracts';
import {
  HazardCreateDto,
  HazardExportQueryDto,
  HazardListQueryDto,
  HazardReportQueryDto,
  HazardStatsQueryDto,
  HazardTransitionDto,
  HazardUpdateDto,
} from './hazard.dto.js';
import { type HazardFeatureCollection, HazardMapService } from './hazard-map.service.js';
import { HazardReportService, type XlsxFile } from './hazard-report.service.js';
import { HazardService } from './hazard.service.js';

/** Zone roles read every ledger, an officer their own; responders work incidents, not ledgers. */
const READERS = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'] as const;
/** Who records and works hazards; the workflow decides the rest per transition. */
const WORKERS = ['zone_admin', 'inspector', 'enterprise_officer'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('hazards')
@ApiBearerAuth()
@Controller('api/hazards')
export class HazardController {
  constructor(
    private readonly hazards: HazardService,
    private readonly reports: HazardReportService,
    private readonly map: HazardMapService,
  ) {}

  @Get()
  @Roles(...READERS)
  list(@Query() q: HazardListQueryDto): Promise<ListResponse<HazardView>> {
    return this.hazards.list(q);
  }

  @Post()
  @Roles(...WORKERS)
  create(@Body() dto: HazardCreateDto): Promise<HazardDetailView> {
    return this.hazards.create(dto);
  }

  @Get('stats')
  @Roles(...READERS)
  stats(@Query() q: HazardStatsQueryDto): Promise<HazardStatsView> {
    return this.reports.stats(q);
  }

  @Get('map')
  @Roles(...READERS)
  openOnMap(): Promise<HazardFeatureCollection> {
    return this.map.openHazards();
  }

  @Get('export')
  @Roles(...READERS)
  @ApiProduces(XLSX)
  async export(
    @Query() q: HazardExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return xlsx(await this.reports.ledger(await this.hazards.listAll(q)), res);
  }

  @Get('reports/order16')
  @Roles(...READERS)
  @ApiProduces(XLSX)
  async order16(
    @Query() q: HazardReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return xlsx(await this.reports.order16(q), res);
  }

  @Get(':id')
  @Roles(...READERS)
  get(@UuidParam() id: string): Promise<HazardDetailView> {
    return this.hazards.get(id);
  }

  @Patch(':id')
  @Roles(...WORKERS)
  update(@UuidParam() id: string, @Body() dto: HazardUpdateDto): Promise<HazardDetailView> {
    return this.hazards.update(id, dto);
  }

  @Post(':id/transitions')
  @Roles(...WORKERS)
  @HttpCode(200)
  transition(@UuidParam() id: string, @Body() dto: HazardTransitionDto): Promise<HazardDetailView> {
    return this.hazards.transition(id, dto);
  }
}

function xlsx(file: XlsxFile, res: Response): StreamableFile {
  res.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(file.buffer, {
    type: XLSX,
    disposition: `attachment; filename="hazards.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  });
}
