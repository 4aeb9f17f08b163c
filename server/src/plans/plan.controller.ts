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
  VersionReturnDto,
  VersionUpdateDto,
} from './plan.dto.js';
import { DisposalCardService } from './disposal-card.service.js';
import { PlanLevelService } from './plan-level.service.js';
import { PlanVersionService } from './plan-version.service.js';
import { PlanService } from './plan.service.js';

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

  @Get()
  @Roles(...PLAN_READERS)
  list(@Query() q: PlanListQueryDto): Promise<ListResponse<PlanView>> {
    return this.plans.list(q);
  }

  /** Declared before `:id` so that "suggest" is not read as an id. */
  @Get('suggest')
  @Roles(...PLAN_READERS)
  suggest(@Query() q: PlanSuggestQueryDto): Promise<PlanSuggestion> {
    return this.plans.suggest(q);
  }

  @Get(':id')
  @Roles(...PLAN_READERS)
  get(@UuidParam() id: string): Promise<PlanDetailView> {
    return this.plans.get(id);
  }

  @Post()
  @Roles(...PLAN_WRITERS)
  create(@Body() dto: PlanCreateDto): Promise<PlanDetailView> {
    return this.plans.create(dto);
  }

  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  update(@UuidParam() id: string, @Body() dto: PlanUpdateDto): Promise<PlanDetailView> {
    return this.plans.update(id, dto);
  }

  @Delete(':id')
  @Roles(...PLAN_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.plans.remove(id);
  }

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

  @Get(':id')
  @Roles(...PLAN_READERS)
  get(@UuidParam() id: string): Promise<PlanVersionView> {
    return this.versions.get(id);
  }

  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  update(@UuidParam() id: string, @Body() dto: VersionUpdateDto): Promise<PlanVersionView> {
    return this.versions.update(id, dto);
  }

  @Delete(':id')
  @Roles(...PLAN_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.versions.remove(id);
  }

  @Post(':id/submit')
  @Roles(...PLAN_WRITERS)
  @HttpCode(200)
  submit(@UuidParam() id: string): Promise<PlanVersionView> {
    return this.versions.submit(id);
  }

  @Post(':id/return')
  @Roles(...PLAN_WRITERS)
  @HttpCode(200)
  returnToDraft(@UuidParam() id: string, @Body() dto: VersionReturnDto): Promise<PlanVersionView> {
    return this.versions.returnToDraft(id, dto);
  }

  @Post(':id/publish')
  @Roles(...PLAN_WRITERS)
  @HttpCode(200)
  publish(@UuidParam() id: string): Promise<PlanVersionView> {
    return this.versions.publish(id);
  }

  @Post(':id/levels')
  @Roles(...PLAN_WRITERS)
  addLevel(@UuidParam() id: string, @Body() dto: LevelCreateDto): Promise<PlanLevelView> {
    return this.levels.add(id, dto);
  }

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

  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  update(@UuidParam() id: string, @Body() dto: LevelUpdateDto): Promise<PlanLevelView> {
    return this.levels.update(id, dto);
  }

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

  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  update(@UuidParam() id: string, @Body() dto: CardUpdateDto): Promise<DisposalCardView> {
    return this.cards.update(id, dto);
  }

  @Delete(':id')
  @Roles(...PLAN_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.cards.remove(id);
  }
}
