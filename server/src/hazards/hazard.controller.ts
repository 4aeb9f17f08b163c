import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type {
  HazardDetailView,
  HazardNoticeView,
  HazardStatsView,
  HazardView,
  ListResponse,
} from '@muster/contracts';
import {
  HazardCreateDto,
  HazardEvaluationDto,
  HazardExportQueryDto,
  HazardListQueryDto,
  HazardNoticeQueryDto,
  HazardReportQueryDto,
  HazardResumptionDto,
  HazardResumptionReviewDto,
  HazardStatsQueryDto,
  HazardStoppageDto,
  HazardSupervisionDto,
  HazardTransitionDto,
  HazardUpdateDto,
} from './hazard.dto.js';
import { type HazardFeatureCollection, HazardMapService } from './hazard-map.service.js';
import { HazardReportService, type XlsxFile } from './hazard-report.service.js';
import { HazardService } from './hazard.service.js';
import { ApiDoc } from '../common/api-docs.js';

/** Zone roles read every ledger, an officer their own; responders work incidents, not ledgers. */
const READERS = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'] as const;
/** Who records and works hazards; the workflow decides the rest per transition. */
const WORKERS = ['zone_admin', 'inspector', 'enterprise_officer'] as const;
/** The enterprise records its own steps of closing a major hazard; a zone admin may act for it. */
const ENTERPRISE_SIDE = ['enterprise_officer', 'zone_admin'] as const;
/** The regulator lists a major hazard for supervision. */
const REGULATOR_SIDE = ['inspector', 'zone_admin'] as const;
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

  @ApiDoc('List the hazard ledger, filtered and paged', 400, 401, 403)
  @Get()
  @Roles(...READERS)
  list(@Query() q: HazardListQueryDto): Promise<ListResponse<HazardView>> {
    return this.hazards.list(q);
  }

  @ApiDoc('Record a hazard in the ledger', 400, 401, 403, 409, 413)
  @Post()
  @Roles(...WORKERS)
  create(@Body() dto: HazardCreateDto): Promise<HazardDetailView> {
    return this.hazards.create(dto);
  }

  @ApiDoc('Hazard statistics: counts by level, category, status and month', 400, 401, 403)
  @Get('stats')
  @Roles(...READERS)
  stats(@Query() q: HazardStatsQueryDto): Promise<HazardStatsView> {
    return this.reports.stats(q);
  }

  @ApiDoc("Open hazards with their enterprise's position, for the map", 401, 403)
  @Get('map')
  @Roles(...READERS)
  openOnMap(): Promise<HazardFeatureCollection> {
    return this.map.openHazards();
  }

  @ApiDoc('Export the hazard ledger as XLSX', 400, 401, 403)
  @Get('export')
  @Roles(...READERS)
  @ApiProduces(XLSX)
  async export(
    @Query() q: HazardExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return xlsx(await this.reports.ledger(await this.hazards.listAll(q)), res);
  }

  @ApiDoc('Hazard report in the form of MEM Order 16 (XLSX)', 400, 401, 403)
  @Get('reports/order16')
  @Roles(...READERS)
  @ApiProduces(XLSX)
  async order16(
    @Query() q: HazardReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return xlsx(await this.reports.order16(q), res);
  }

  @ApiDoc(
    "The enterprise's open hazards and their measures, as a notice to its employees (Work Safety Law Art. 41)",
    400,
    401,
    403,
  )
  @Get('notice')
  @Roles(...READERS)
  notice(@Query() q: HazardNoticeQueryDto): Promise<HazardNoticeView> {
    return this.hazards.notice(q);
  }

  @ApiDoc('Get a hazard with its workflow history and reminders', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...READERS)
  get(@UuidParam() id: string): Promise<HazardDetailView> {
    return this.hazards.get(id);
  }

  @ApiDoc(
    "Update a hazard's details (measures, funds, deadline, governance plan)",
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Patch(':id')
  @Roles(...WORKERS)
  update(@UuidParam() id: string, @Body() dto: HazardUpdateDto): Promise<HazardDetailView> {
    return this.hazards.update(id, dto);
  }

  @ApiDoc(
    'Move a hazard through its workflow (start, submit, accept, reject, close)',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post(':id/transitions')
  @Roles(...WORKERS)
  @HttpCode(200)
  transition(@UuidParam() id: string, @Body() dto: HazardTransitionDto): Promise<HazardDetailView> {
    return this.hazards.transition(id, dto);
  }

  @ApiDoc(
    'Record the stoppage while a major hazard is fixed (Order 16 Art. 16)',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Put(':id/stoppage')
  @Roles(...ENTERPRISE_SIDE)
  stoppage(@UuidParam() id: string, @Body() dto: HazardStoppageDto): Promise<HazardDetailView> {
    return this.hazards.recordStoppage(id, dto);
  }

  @ApiDoc('Record the evaluation of a major hazard fix (Order 16 Art. 18)', 400, 401, 403, 404, 409, 413)
  @Put(':id/evaluation')
  @Roles(...ENTERPRISE_SIDE)
  evaluation(@UuidParam() id: string, @Body() dto: HazardEvaluationDto): Promise<HazardDetailView> {
    return this.hazards.recordEvaluation(id, dto);
  }

  @ApiDoc(
    'Apply to resume production after a major hazard fix (Order 16 Art. 18)',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post(':id/resumption')
  @Roles(...ENTERPRISE_SIDE)
  @HttpCode(200)
  applyResumption(@UuidParam() id: string, @Body() dto: HazardResumptionDto): Promise<HazardDetailView> {
    return this.hazards.applyResumption(id, dto);
  }

  @ApiDoc('Review an application to resume production (Order 16 Art. 18)', 400, 401, 403, 404, 409, 413)
  @Post(':id/resumption/review')
  @Roles('inspector')
  @HttpCode(200)
  reviewResumption(
    @UuidParam() id: string,
    @Body() dto: HazardResumptionReviewDto,
  ): Promise<HazardDetailView> {
    return this.hazards.reviewResumption(id, dto);
  }

  @ApiDoc('Put a major hazard under listed supervision (挂牌督办)', 400, 401, 403, 404, 409, 413)
  @Put(':id/supervision')
  @Roles(...REGULATOR_SIDE)
  listSupervision(@UuidParam() id: string, @Body() dto: HazardSupervisionDto): Promise<HazardDetailView> {
    return this.hazards.listSupervision(id, dto);
  }

  @ApiDoc('Lift the listed supervision of a major hazard', 400, 401, 403, 404, 409)
  @Delete(':id/supervision')
  @Roles(...REGULATOR_SIDE)
  liftSupervision(@UuidParam() id: string): Promise<HazardDetailView> {
    return this.hazards.liftSupervision(id);
  }
}

function xlsx(file: XlsxFile, res: Response): StreamableFile {
  res.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(file.buffer, {
    type: XLSX,
    disposition: `attachment; filename="hazards.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  });
}
