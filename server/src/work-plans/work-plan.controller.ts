import {
  Body,
  Controller,
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
import type {
  ListResponse,
  RecordLanguage,
  WorkPlanDetail,
  WorkPlanOverview,
  WorkPlanProgressReportView,
  WorkPlanTemplateView,
} from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { RecordLang } from '../common/record-language.js';
import { CONTENT_TYPES } from '../common/tabular.js';
import { UuidParam } from '../common/uuid-param.js';
import { WorkPlanExportService } from './work-plan-export.service.js';
import {
  ApproveDto,
  PlanContentDto,
  PlanStartDto,
  ProgressReportDto,
  ReturnDto,
  TemplateCreateDto,
  TemplateUpdateDto,
  WorkPlanYearQueryDto,
} from './work-plan.dto.js';
import { WorkPlanService } from './work-plan.service.js';
import { WORK_PLAN_AUTHORS, WORK_PLAN_READERS, WORK_PLAN_REVIEWERS } from './work-plans.access.js';

@ApiTags('work-plans')
@ApiBearerAuth()
@Controller('api/work-plan-templates')
export class WorkPlanTemplateController {
  constructor(private readonly plans: WorkPlanService) {}

  @ApiDoc('The yearly templates, newest first (enterprises see the published ones)', 401, 403)
  @Get()
  @Roles(...WORK_PLAN_READERS)
  list(): Promise<ListResponse<WorkPlanTemplateView>> {
    return this.plans.listTemplates();
  }

  @ApiDoc('A template with its sections and required tasks', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...WORK_PLAN_READERS)
  get(@UuidParam() id: string): Promise<WorkPlanTemplateView> {
    return this.plans.getTemplate(id);
  }

  @ApiDoc("Draft a year's template for the enterprises' implementation plans", 400, 401, 403, 409, 413)
  @Post()
  @Roles('zone_admin')
  create(@Body() dto: TemplateCreateDto): Promise<WorkPlanTemplateView> {
    return this.plans.createTemplate(dto);
  }

  @ApiDoc('Change a draft template, or a published one’s title and deadline', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles('zone_admin')
  update(@UuidParam() id: string, @Body() dto: TemplateUpdateDto): Promise<WorkPlanTemplateView> {
    return this.plans.updateTemplate(id, dto);
  }

  @ApiDoc('Publish a template: the enterprises fill in their plans from it', 400, 401, 403, 404, 409)
  @Post(':id/publish')
  @HttpCode(200)
  @Roles('zone_admin')
  publish(@UuidParam() id: string): Promise<WorkPlanTemplateView> {
    return this.plans.publishTemplate(id);
  }
}

@ApiTags('work-plans')
@ApiBearerAuth()
@Controller('api/work-plans')
export class WorkPlanController {
  constructor(
    private readonly plans: WorkPlanService,
    private readonly exports: WorkPlanExportService,
  ) {}

  @ApiDoc(
    "Per enterprise: the year's plan and its quarterly reports (submitted, late, missing)",
    400,
    401,
    403,
  )
  @Get('overview')
  @Roles(...WORK_PLAN_READERS)
  overview(@Query() q: WorkPlanYearQueryDto): Promise<WorkPlanOverview> {
    return this.plans.overview(q.year);
  }

  @ApiDoc('The overview and every approved plan’s task progress as XLSX', 400, 401, 403)
  @Get('export')
  @Roles(...WORK_PLAN_READERS)
  @ApiProduces(CONTENT_TYPES.xlsx)
  async export(
    @Query() q: WorkPlanYearQueryDto,
    @RecordLang() lang: RecordLanguage,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const year = q.year ?? this.plans.thisYear();
    res.setHeader('Content-Type', CONTENT_TYPES.xlsx);
    res.setHeader('Content-Disposition', `attachment; filename="work-plans-${year}.xlsx"`);
    return new StreamableFile(await this.exports.xlsx(year, lang));
  }

  @ApiDoc("Start the enterprise's plan for a year from the published template", 400, 401, 403, 409, 413)
  @Post()
  @Roles(...WORK_PLAN_AUTHORS)
  start(@Body() dto: PlanStartDto): Promise<WorkPlanDetail> {
    return this.plans.start(dto.year);
  }

  @ApiDoc(
    'A plan with its template, history of submissions and reviews, and progress reports',
    400,
    401,
    403,
    404,
  )
  @Get(':id')
  @Roles(...WORK_PLAN_READERS)
  get(@UuidParam() id: string): Promise<WorkPlanDetail> {
    return this.plans.get(id);
  }

  @ApiDoc('The plan as a printable PDF', 400, 401, 403, 404, 503)
  @Get(':id/pdf')
  @Roles(...WORK_PLAN_READERS)
  @ApiProduces('application/pdf')
  async pdf(@UuidParam() id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.exports.pdf(id);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.body, {
      type: 'application/pdf',
      disposition: `attachment; filename="work-plan.pdf"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    });
  }

  @ApiDoc('Save the draft (or the revision of a returned plan)', 400, 401, 403, 404, 409, 413)
  @Put(':id')
  @Roles(...WORK_PLAN_AUTHORS)
  save(@UuidParam() id: string, @Body() dto: PlanContentDto): Promise<WorkPlanDetail> {
    return this.plans.save(id, dto);
  }

  @ApiDoc('Submit the plan to the zone for review', 400, 401, 403, 404, 409)
  @Post(':id/submit')
  @HttpCode(200)
  @Roles(...WORK_PLAN_AUTHORS)
  submit(@UuidParam() id: string): Promise<WorkPlanDetail> {
    return this.plans.submit(id);
  }

  @ApiDoc('Approve the submitted plan', 400, 401, 403, 404, 409, 413)
  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...WORK_PLAN_REVIEWERS)
  approve(@UuidParam() id: string, @Body() dto: ApproveDto): Promise<WorkPlanDetail> {
    return this.plans.approve(id, dto);
  }

  @ApiDoc('Return the submitted plan for revision, with comments by section', 400, 401, 403, 404, 409, 413)
  @Post(':id/return')
  @HttpCode(200)
  @Roles(...WORK_PLAN_REVIEWERS)
  return(@UuidParam() id: string, @Body() dto: ReturnDto): Promise<WorkPlanDetail> {
    return this.plans.return(id, dto);
  }

  @ApiDoc("Report a quarter's progress on each task of the approved plan", 400, 401, 403, 404, 409, 413)
  @Post(':id/progress')
  @HttpCode(200)
  @Roles(...WORK_PLAN_AUTHORS)
  progress(@UuidParam() id: string, @Body() dto: ProgressReportDto): Promise<WorkPlanProgressReportView> {
    return this.plans.report(id, dto);
  }
}
