import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type {
  ListResponse,
  DisposalCardView,
  PlanDetailView,
  PlanLevelView,
  PlanSuggestion,
  PlanVersionView,
  PlanView,
} from '@muster/contracts';
import {
  CardCreateDto,
  CardUpdateDto,
  LevelCreateDto,
  LevelUpdateDto,
  PlanCreateDto,
  PlanListQueryDto,
  PlanSuggestQueryDto,
  PlanUpdateDto,
  VersionCreateDto,
  NeighbourNoticeDto,
  VersionFilingDto,
  VersionReturnDto,
  VersionReviewDto,
  VersionSignatureDto,
  VersionUpdateDto,
} from './plan.dto.js';
import { DisposalCardService } from './disposal-card.service.js';
import { PlanLevelService } from './plan-level.service.js';
import { PlanVersionService } from './plan-version.service.js';
import { PlanService } from './plan.service.js';
import { ApiDoc } from '../common/api-docs.js';

export const PLAN_READERS = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
] as const;
/** Plans are written by their owner: the zone's administrators, or the enterprise's officer. */
export const PLAN_WRITERS = ['zone_admin', 'enterprise_officer'] as const;

@ApiTags('plans')
@ApiBearerAuth()
@Controller('api/plans')
export class PlanController {
  constructor(
    private readonly plans: PlanService,
    private readonly versions: PlanVersionService,
  ) {}

  @ApiDoc('List emergency plans', 400, 401, 403)
  @Get()
  @Roles(...PLAN_READERS)
  list(@Query() q: PlanListQueryDto): Promise<ListResponse<PlanView>> {
    return this.plans.list(q);
  }

  /** Declared before `:id` so that "suggest" is not read as an id. */
  @ApiDoc(
    "Published plans for an incident's category and enterprise, with the level each maps its severity to",
    400,
    401,
    403,
  )
  @Get('suggest')
  @Roles(...PLAN_READERS)
  suggest(@Query() q: PlanSuggestQueryDto): Promise<PlanSuggestion> {
    return this.plans.suggest(q);
  }

  @ApiDoc('Get an emergency plan with its versions', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...PLAN_READERS)
  get(@UuidParam() id: string): Promise<PlanDetailView> {
    return this.plans.get(id);
  }

  @ApiDoc('Create an emergency plan', 400, 401, 403, 409, 413)
  @Post()
  @Roles(...PLAN_WRITERS)
  create(@Body() dto: PlanCreateDto): Promise<PlanDetailView> {
    return this.plans.create(dto);
  }

  @ApiDoc("Update an emergency plan's details", 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  update(@UuidParam() id: string, @Body() dto: PlanUpdateDto): Promise<PlanDetailView> {
    return this.plans.update(id, dto);
  }

  @ApiDoc('Delete an emergency plan without a published version', 400, 401, 403, 404, 409)
  @Delete(':id')
  @Roles(...PLAN_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.plans.remove(id);
  }

  @ApiDoc('Start a new version of a plan (a draft)', 400, 401, 403, 404, 409, 413)
  @Post(':id/versions')
  @Roles(...PLAN_WRITERS)
  createVersion(@UuidParam() id: string, @Body() dto: VersionCreateDto): Promise<PlanVersionView> {
    return this.versions.create(id, dto);
  }
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('api/plan-versions')
export class PlanVersionController {
  constructor(
    private readonly versions: PlanVersionService,
    private readonly levels: PlanLevelService,
    private readonly cards: DisposalCardService,
  ) {}

  @ApiDoc('Get a plan version with its response levels and disposal cards', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...PLAN_READERS)
  get(@UuidParam() id: string): Promise<PlanVersionView> {
    return this.versions.get(id);
  }

  @ApiDoc('Update a draft plan version', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  update(@UuidParam() id: string, @Body() dto: VersionUpdateDto): Promise<PlanVersionView> {
    return this.versions.update(id, dto);
  }

  @ApiDoc('Delete a draft plan version', 400, 401, 403, 404, 409)
  @Delete(':id')
  @Roles(...PLAN_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.versions.remove(id);
  }

  @ApiDoc('Submit a draft plan version for review', 400, 401, 403, 404, 409)
  @Post(':id/submit')
  @Roles(...PLAN_WRITERS)
  @HttpCode(200)
  submit(@UuidParam() id: string): Promise<PlanVersionView> {
    return this.versions.submit(id);
  }

  @ApiDoc('Return a submitted plan version to draft, with the reason', 400, 401, 403, 404, 409, 413)
  @Post(':id/return')
  @Roles(...PLAN_WRITERS)
  @HttpCode(200)
  returnToDraft(@UuidParam() id: string, @Body() dto: VersionReturnDto): Promise<PlanVersionView> {
    return this.versions.returnToDraft(id, dto);
  }

  @ApiDoc('Publish a submitted plan version (the previous one is superseded)', 400, 401, 403, 404, 409)
  @Post(':id/publish')
  @Roles(...PLAN_WRITERS)
  @HttpCode(200)
  publish(@UuidParam() id: string): Promise<PlanVersionView> {
    return this.versions.publish(id);
  }

  @ApiDoc(
    'Record the expert review or discussion of a plan version in preparation (MEM Order 2 Art. 21)',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post(':id/review')
  @Roles(...PLAN_WRITERS)
  @HttpCode(200)
  recordReview(@UuidParam() id: string, @Body() dto: VersionReviewDto): Promise<PlanVersionView> {
    return this.versions.recordReview(id, dto);
  }

  @ApiDoc(
    "Record the principal's signature of a reviewed plan version (MEM Order 2 Art. 24)",
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post(':id/signature')
  @Roles(...PLAN_WRITERS)
  @HttpCode(200)
  recordSignature(@UuidParam() id: string, @Body() dto: VersionSignatureDto): Promise<PlanVersionView> {
    return this.versions.recordSignature(id, dto);
  }

  @ApiDoc(
    'Record whether a plan concerns its neighbours and when they were told (MEM Order 2 Art. 24)',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post(':id/neighbour-notice')
  @Roles(...PLAN_WRITERS)
  @HttpCode(200)
  recordNeighbourNotice(@UuidParam() id: string, @Body() dto: NeighbourNoticeDto): Promise<PlanVersionView> {
    return this.versions.recordNeighbourNotice(id, dto);
  }

  @ApiDoc(
    'Record the filing of a published plan version with the department (MEM Order 2 Art. 26)',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post(':id/filing')
  @Roles(...PLAN_WRITERS)
  @HttpCode(200)
  recordFiling(@UuidParam() id: string, @Body() dto: VersionFilingDto): Promise<PlanVersionView> {
    return this.versions.recordFiling(id, dto);
  }

  @ApiDoc('Add a response level to a draft plan version', 400, 401, 403, 404, 409, 413)
  @Post(':id/levels')
  @Roles(...PLAN_WRITERS)
  addLevel(@UuidParam() id: string, @Body() dto: LevelCreateDto): Promise<PlanLevelView> {
    return this.levels.add(id, dto);
  }

  @ApiDoc('Add a disposal card to a draft plan version', 400, 401, 403, 404, 409, 413)
  @Post(':id/cards')
  @Roles(...PLAN_WRITERS)
  addCard(@UuidParam() id: string, @Body() dto: CardCreateDto): Promise<DisposalCardView> {
    return this.cards.add(id, dto);
  }
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('api/plan-levels')
export class PlanLevelController {
  constructor(private readonly levels: PlanLevelService) {}

  @ApiDoc('Update a response level of a draft plan version', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  update(@UuidParam() id: string, @Body() dto: LevelUpdateDto): Promise<PlanLevelView> {
    return this.levels.update(id, dto);
  }

  @ApiDoc('Remove a response level from a draft plan version', 400, 401, 403, 404, 409)
  @Delete(':id')
  @Roles(...PLAN_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.levels.remove(id);
  }
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('api/disposal-cards')
export class DisposalCardController {
  constructor(private readonly cards: DisposalCardService) {}

  @ApiDoc('Update a disposal card of a draft plan version', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  update(@UuidParam() id: string, @Body() dto: CardUpdateDto): Promise<DisposalCardView> {
    return this.cards.update(id, dto);
  }

  @ApiDoc('Remove a disposal card from a draft plan version', 400, 401, 403, 404, 409)
  @Delete(':id')
  @Roles(...PLAN_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.cards.remove(id);
  }
}
