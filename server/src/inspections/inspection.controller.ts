import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { ListResponse, InspectionPlanView, InspectionRecordView } from '@muster/contracts';
import {
  InspectionPlanCreateDto,
  InspectionPlanListQueryDto,
  InspectionPlanUpdateDto,
  InspectionRecordAnswerDto,
  InspectionRecordCreateDto,
  InspectionRecordListQueryDto,
  SpotCheckCreateDto,
} from './inspection.dto.js';
import { InspectionService } from './inspection.service.js';
import { ApiDoc } from '../common/api-docs.js';

const READERS = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'] as const;
const WORKERS = ['zone_admin', 'inspector', 'enterprise_officer'] as const;

@ApiTags('inspections')
@ApiBearerAuth()
@Controller('api/inspections')
export class InspectionController {
  constructor(private readonly inspections: InspectionService) {}

  @ApiDoc('List inspection plans', 400, 401, 403)
  @Get('plans')
  @Roles(...READERS)
  listPlans(@Query() q: InspectionPlanListQueryDto): Promise<ListResponse<InspectionPlanView>> {
    return this.inspections.listPlans(q);
  }

  @ApiDoc('Create an inspection plan with its checklist and frequency', 400, 401, 403, 409, 413)
  @Post('plans')
  @Roles(...WORKERS)
  createPlan(@Body() dto: InspectionPlanCreateDto): Promise<InspectionPlanView> {
    return this.inspections.createPlan(dto);
  }

  @ApiDoc('Get an inspection plan', 400, 401, 403, 404)
  @Get('plans/:id')
  @Roles(...READERS)
  getPlan(@UuidParam() id: string): Promise<InspectionPlanView> {
    return this.inspections.getPlan(id);
  }

  @ApiDoc('Update an inspection plan', 400, 401, 403, 404, 409, 413)
  @Patch('plans/:id')
  @Roles(...WORKERS)
  updatePlan(@UuidParam() id: string, @Body() dto: InspectionPlanUpdateDto): Promise<InspectionPlanView> {
    return this.inspections.updatePlan(id, dto);
  }

  @ApiDoc('List inspection records', 400, 401, 403)
  @Get('records')
  @Roles(...READERS)
  listRecords(@Query() q: InspectionRecordListQueryDto): Promise<ListResponse<InspectionRecordView>> {
    return this.inspections.listRecords(q);
  }

  @ApiDoc('Start an inspection record from a plan', 400, 401, 403, 409, 413)
  @Post('records')
  @Roles(...WORKERS)
  startRecord(@Body() dto: InspectionRecordCreateDto): Promise<InspectionRecordView> {
    return this.inspections.startRecord(dto);
  }

  @ApiDoc('Get an inspection record with its answers', 400, 401, 403, 404)
  @Get('records/:id')
  @Roles(...READERS)
  getRecord(@UuidParam() id: string): Promise<InspectionRecordView> {
    return this.inspections.getRecord(id);
  }

  @ApiDoc('Answer checklist items of an inspection record', 400, 401, 403, 404, 409, 413)
  @Patch('records/:id')
  @Roles(...WORKERS)
  answer(@UuidParam() id: string, @Body() dto: InspectionRecordAnswerDto): Promise<InspectionRecordView> {
    return this.inspections.answer(id, dto);
  }

  @ApiDoc('Complete an inspection record; failed items become hazards', 400, 401, 403, 404, 409, 413)
  @Post('records/:id/complete')
  @Roles(...WORKERS)
  @HttpCode(200)
  complete(@UuidParam() id: string, @Body() dto: InspectionRecordAnswerDto): Promise<InspectionRecordView> {
    return this.inspections.complete(id, dto);
  }

  /** The zone samples enterprises; officers do not choose who the zone checks. */
  @ApiDoc('Record a spot check of an enterprise', 400, 401, 403, 409, 413)
  @Post('spot-checks')
  @Roles('zone_admin', 'inspector')
  spotCheck(@Body() dto: SpotCheckCreateDto): Promise<InspectionRecordView[]> {
    return this.inspections.spotCheck(dto);
  }
}
