import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { ListResponse, ImprovementItemView } from '@muster/contracts';
import { ImprovementCompleteDto, ImprovementCreateDto, ImprovementListQueryDto } from './improvement.dto.js';
import { ImprovementService } from './improvement.service.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('drills')
@ApiBearerAuth()
@Controller('api/drills')
export class ImprovementController {
  constructor(private readonly improvements: ImprovementService) {}

  @ApiDoc('Raise an improvement item from a drill run', 400, 401, 403, 404, 409, 413)
  @Post('runs/:id/improvements')
  @Roles('zone_admin', 'commander')
  create(@UuidParam() id: string, @Body() dto: ImprovementCreateDto): Promise<ImprovementItemView> {
    return this.improvements.create(id, dto);
  }

  /** Across runs; an officer sees their enterprise's items only. */
  @ApiDoc('List drill improvement items, filtered and paged', 400, 401, 403)
  @Get('improvements')
  @Roles('zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer')
  list(@Query() q: ImprovementListQueryDto): Promise<ListResponse<ImprovementItemView>> {
    return this.improvements.list(q);
  }

  /** An officer completes their own enterprise's items; another's is not found. */
  @ApiDoc('Complete an improvement item with what was done', 400, 401, 403, 404, 409, 413)
  @Post('improvements/:id/complete')
  @HttpCode(200)
  @Roles('zone_admin', 'commander', 'enterprise_officer')
  complete(@UuidParam() id: string, @Body() dto: ImprovementCompleteDto): Promise<ImprovementItemView> {
    return this.improvements.complete(id, dto);
  }
}
