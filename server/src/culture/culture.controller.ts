import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  CultureActivityView,
  CultureYearStats,
  ListResponse,
  ModelApplicationDetail,
  ModelApplicationView,
  ModelCriteriaView,
  ModelEnterpriseView,
  ModelPrerequisiteCheck,
} from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { ACTIVITY_WRITERS, APPLICANTS, CULTURE_READERS, DECIDERS, REVIEWERS } from './culture.access.js';
import {
  ActivityCreateDto,
  ActivityListQueryDto,
  ActivityUpdateDto,
  ApplicationCreateDto,
  ApplicationListQueryDto,
  CriteriaDto,
  DecisionDto,
  ModelEnterpriseQueryDto,
  OptionalYearDto,
  PrerequisiteQueryDto,
  ReturnDto,
  ReviewDto,
  SelfAssessmentDto,
  YearDto,
} from './culture.dto.js';
import { CultureService } from './culture.service.js';
import { ModelProgrammeService } from './model-programme.service.js';

@ApiTags('culture')
@ApiBearerAuth()
@Controller('api/culture/activities')
export class CultureActivityController {
  constructor(private readonly culture: CultureService) {}

  @ApiDoc('Publicity activities, newest first', 400, 401, 403)
  @Get()
  @Roles(...CULTURE_READERS)
  list(@Query() q: ActivityListQueryDto): Promise<ListResponse<CultureActivityView>> {
    return this.culture.list(q);
  }

  @ApiDoc("A year's activities counted by kind, by month and per organiser", 400, 401, 403)
  @Get('stats')
  @Roles(...CULTURE_READERS)
  stats(@Query() q: OptionalYearDto): Promise<CultureYearStats> {
    return this.culture.yearStats(q.year);
  }

  @ApiDoc('One publicity activity', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...CULTURE_READERS)
  get(@UuidParam() id: string): Promise<CultureActivityView> {
    return this.culture.get(id);
  }

  @ApiDoc('Record a publicity activity with its photos', 400, 401, 403, 404, 413)
  @Post()
  @Roles(...ACTIVITY_WRITERS)
  create(@Body() dto: ActivityCreateDto): Promise<CultureActivityView> {
    return this.culture.create(dto);
  }

  @ApiDoc('Change a publicity activity', 400, 401, 403, 404, 413)
  @Patch(':id')
  @Roles(...ACTIVITY_WRITERS)
  update(@UuidParam() id: string, @Body() dto: ActivityUpdateDto): Promise<CultureActivityView> {
    return this.culture.update(id, dto);
  }

  @ApiDoc('Delete a publicity activity', 400, 401, 403, 404)
  @Delete(':id')
  @Roles(...ACTIVITY_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.culture.remove(id);
  }
}

@ApiTags('culture')
@ApiBearerAuth()
@Controller('api/culture')
export class ModelProgrammeController {
  constructor(private readonly programme: ModelProgrammeService) {}

  @ApiDoc("Every year's model-enterprise criteria, newest first", 401, 403)
  @Get('criteria')
  @Roles(...CULTURE_READERS)
  criteriaList(): Promise<ModelCriteriaView[]> {
    return this.programme.criteriaList();
  }

  @ApiDoc("A year's model-enterprise criteria", 400, 401, 403, 404)
  @Get('criteria/year')
  @Roles(...CULTURE_READERS)
  criteria(@Query() q: YearDto): Promise<ModelCriteriaView> {
    return this.programme.criteriaOf(q.year);
  }

  @ApiDoc(
    "Publish or change a year's criteria (until applications are under review)",
    400,
    401,
    403,
    409,
    413,
  )
  @Put('criteria/year')
  @Roles(...DECIDERS)
  setCriteria(@Query() q: YearDto, @Body() dto: CriteriaDto): Promise<ModelCriteriaView> {
    return this.programme.setCriteria(q.year, dto);
  }

  @ApiDoc("An enterprise's prerequisites for applying, checked now", 400, 401, 403, 404)
  @Get('prerequisites')
  @Roles(...CULTURE_READERS)
  prerequisites(@Query() q: PrerequisiteQueryDto): Promise<ModelPrerequisiteCheck[]> {
    return this.programme.prerequisitesFor(q.year, q.enterpriseId);
  }

  @ApiDoc('Model-enterprise applications', 400, 401, 403)
  @Get('applications')
  @Roles(...CULTURE_READERS)
  applications(@Query() q: ApplicationListQueryDto): Promise<ListResponse<ModelApplicationView>> {
    return this.programme.list(q);
  }

  @ApiDoc('An application with its criteria and prerequisites', 400, 401, 403, 404)
  @Get('applications/:id')
  @Roles(...CULTURE_READERS)
  application(@UuidParam() id: string): Promise<ModelApplicationDetail> {
    return this.programme.detail(id);
  }

  @ApiDoc("Open the enterprise's application for a year", 400, 401, 403, 409, 413)
  @Post('applications')
  @Roles(...APPLICANTS)
  apply(@Body() dto: ApplicationCreateDto): Promise<ModelApplicationDetail> {
    return this.programme.create(dto);
  }

  @ApiDoc('Save self-assessment items with their evidence', 400, 401, 403, 404, 409, 413)
  @Put('applications/:id/items')
  @Roles(...APPLICANTS)
  saveSelf(@UuidParam() id: string, @Body() dto: SelfAssessmentDto): Promise<ModelApplicationDetail> {
    return this.programme.saveSelf(id, dto);
  }

  @ApiDoc('Submit the application to the zone (prerequisites checked)', 400, 401, 403, 404, 409)
  @Post('applications/:id/submit')
  @Roles(...APPLICANTS)
  @HttpCode(200)
  submit(@UuidParam() id: string): Promise<ModelApplicationDetail> {
    return this.programme.submit(id);
  }

  @ApiDoc('Score items of a submitted application', 400, 401, 403, 404, 409, 413)
  @Put('applications/:id/review')
  @Roles(...REVIEWERS)
  review(@UuidParam() id: string, @Body() dto: ReviewDto): Promise<ModelApplicationDetail> {
    return this.programme.review(id, dto);
  }

  @ApiDoc('Return a submitted application for more evidence', 400, 401, 403, 404, 409, 413)
  @Post('applications/:id/return')
  @Roles(...REVIEWERS)
  @HttpCode(200)
  returnForEvidence(@UuidParam() id: string, @Body() dto: ReturnDto): Promise<ModelApplicationDetail> {
    return this.programme.returnForEvidence(id, dto);
  }

  @ApiDoc('Award the title or decline with a reason', 400, 401, 403, 404, 409, 413)
  @Post('applications/:id/decision')
  @Roles(...DECIDERS)
  @HttpCode(200)
  decide(@UuidParam() id: string, @Body() dto: DecisionDto): Promise<ModelApplicationDetail> {
    return this.programme.decide(id, dto);
  }

  @ApiDoc('Enterprises holding the model-enterprise title on a day', 400, 401, 403)
  @Get('model-enterprises')
  @Roles(...CULTURE_READERS)
  modelEnterprises(@Query() q: ModelEnterpriseQueryDto): Promise<ModelEnterpriseView[]> {
    return this.programme.modelEnterprises(q.asOf);
  }
}
