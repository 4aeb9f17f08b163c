import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  ListResponse,
  SpotCheckCandidatesView,
  SpotCheckTaskDetail,
  SpotCheckTaskView,
  SpotCheckVerifyView,
} from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { PageQueryDto } from '../common/paging.dto.js';
import { UuidParam } from '../common/uuid-param.js';
import { DrawDto, SpotCheckCreateDto, SpotCheckUpdateDto } from './spot-check.dto.js';
import { SpotCheckService } from './spot-check.service.js';
import { SPOT_CHECK_READERS, SPOT_CHECK_WRITERS } from './spot-checks.access.js';

@ApiTags('spot checks')
@ApiBearerAuth()
@Controller('api/spot-checks')
export class SpotCheckController {
  constructor(private readonly spotChecks: SpotCheckService) {}

  @ApiDoc('List double random spot check tasks, newest first', 400, 401, 403)
  @Get()
  @Roles(...SPOT_CHECK_READERS)
  list(@Query() q: PageQueryDto): Promise<ListResponse<SpotCheckTaskView>> {
    return this.spotChecks.list(q);
  }

  @ApiDoc('Define a spot check task: how many to draw, from whom, for when', 400, 401, 403, 413)
  @Post()
  @Roles(...SPOT_CHECK_WRITERS)
  create(@Body() dto: SpotCheckCreateDto): Promise<SpotCheckTaskView> {
    return this.spotChecks.create(dto);
  }

  @ApiDoc('Verify a draw: draw again from its recorded seed and lists and compare', 400, 401, 403, 404)
  @Get('draws/:id/verify')
  @Roles(...SPOT_CHECK_READERS)
  verify(@UuidParam() id: string): Promise<SpotCheckVerifyView> {
    return this.spotChecks.verify(id);
  }

  @ApiDoc('Get a spot check task with every draw made of it', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...SPOT_CHECK_READERS)
  get(@UuidParam() id: string): Promise<SpotCheckTaskDetail> {
    return this.spotChecks.get(id);
  }

  @ApiDoc('Change a task not yet drawn', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles(...SPOT_CHECK_WRITERS)
  update(@UuidParam() id: string, @Body() dto: SpotCheckUpdateDto): Promise<SpotCheckTaskView> {
    return this.spotChecks.update(id, dto);
  }

  @ApiDoc('The enterprises and inspectors the task may draw now, and who is left out', 400, 401, 403, 404)
  @Get(':id/candidates')
  @Roles(...SPOT_CHECK_READERS)
  candidates(@UuidParam() id: string): Promise<SpotCheckCandidatesView> {
    return this.spotChecks.candidates(id);
  }

  @ApiDoc(
    'Draw the enterprises and their inspectors and schedule the inspections; again only with a reason',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post(':id/draw')
  @HttpCode(200)
  @Roles(...SPOT_CHECK_WRITERS)
  draw(@UuidParam() id: string, @Body() dto: DrawDto): Promise<SpotCheckTaskDetail> {
    return this.spotChecks.draw(id, dto);
  }

  @ApiDoc('Publish the draw’s result on the public pages', 400, 401, 403, 404, 409)
  @Post(':id/publish')
  @HttpCode(200)
  @Roles(...SPOT_CHECK_WRITERS)
  publish(@UuidParam() id: string): Promise<SpotCheckTaskView> {
    return this.spotChecks.publish(id);
  }
}
