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

const READERS = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'] as const;
const WORKERS = ['zone_admin', 'inspector', 'enterprise_officer'] as const;

@ApiTags('inspections')
@ApiBearerAuth()
@Controller('api/inspections')
export class InspectionController {
  constructor(private readonly inspections: InspectionService) {}

  @Get('plans')
  @Roles(...READERS)
  listPlans(@Query() q: InspectionPlanListQueryDto): Promise<ListResponse<InspectionPlanView>> {
    return this.inspections.listPlans(q);
  }

  @Post('plans')
  @Roles(...WORKERS)
  createPlan(@Body() dto: InspectionPlanCreateDto): Promise<InspectionPlanView> {
    return this.inspections.createPlan(dto);
  }

  @Get('plans/:id')
  @Roles(...READERS)
  getPlan(@UuidParam() id: string): Promise<InspectionPlanView> {
    return this.inspections.getPlan(id);
  }

  @Patch('plans/:id')
  @Roles(...WORKERS)
  updatePlan(@UuidParam() id: string, @Body() dto: InspectionPlanUpdateDto): Promise<InspectionPlanView> {
    return this.inspections.updatePlan(id, dto);
  }

  @Get('records')
  @Roles(...READERS)
  listRecords(@Query() q: InspectionRecordListQueryDto): Promise<ListResponse<InspectionRecordView>> {
    return this.inspections.listRecords(q);
  }

  @Post('records')
  @Roles(...WORKERS)
  startRecord(@Body() dto: InspectionRecordCreateDto): Promise<InspectionRecordView> {
    return this.inspections.startRecord(dto);
  }

  @Get('records/:id')
  @Roles(...READERS)
  getRecord(@UuidParam() id: string): Promise<InspectionRecordView> {
    return this.inspections.getRecord(id);
  }

  @Patch('records/:id')
  @Roles(...WORKERS)
  answer(@UuidParam() id: string, @Body() dto: InspectionRecordAnswerDto): Promise<InspectionRecordView> {
    return this.inspections.answer(id, dto);
  }

  @Post('records/:id/complete')
  @Roles(...WORKERS)
  @HttpCode(200)
  complete(@UuidParam() id: string, @Body() dto: InspectionRecordAnswerDto): Promise<InspectionRecordView> {
    return this.inspections.complete(id, dto);
  }

  /** The zone samples enterprises; officers do not choose who the zone checks. */
  @Post('spot-checks')
  @Roles('zone_admin', 'inspector')
  spotCheck(@Body() dto: SpotCheckCreateDto): Promise<InspectionRecordView[]> {
    return this.inspections.spotCheck(dto);
  }
}
