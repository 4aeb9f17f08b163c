import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { ListResponse, DrillStaffView, RunMetrics, RunView } from '@muster/contracts';
import { RosterDto, RunCreateDto, RunListQueryDto } from './drill-run.dto.js';
import { DrillRunService } from './drill-run.service.js';
import { DrillMetricsService } from './metrics.service.js';

const READERS = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'] as const;
/** The director and controllers: they start, halt and end drills and release injects. */
const CONTROL = ['zone_admin', 'commander'] as const;

@ApiTags('drills')
@ApiBearerAuth()
@Controller('api/drills/runs')
export class DrillRunController {
  constructor(
    private readonly runs: DrillRunService,
    private readonly metrics: DrillMetricsService,
  ) {}

  @Get()
  @Roles(...READERS)
  list(@Query() q: RunListQueryDto): Promise<ListResponse<RunView>> {
    return this.runs.list(q);
  }

  @Get('staff')
  @Roles(...CONTROL)
  staff(): Promise<DrillStaffView> {
    return this.runs.staff();
  }

  @Post()
  @Roles(...CONTROL)
  schedule(@Body() dto: RunCreateDto): Promise<RunView> {
    return this.runs.schedule(dto);
  }

  @Get(':id')
  @Roles(...READERS)
  get(@UuidParam() id: string): Promise<RunView> {
    return this.runs.get(id);
  }

  @Get(':id/metrics')
  @Roles(...READERS)
  runMetrics(@UuidParam() id: string): Promise<RunMetrics> {
    return this.metrics.metrics(id);
  }

  @Put(':id/roster')
  @Roles(...CONTROL)
  roster(@UuidParam() id: string, @Body() dto: RosterDto): Promise<RunView> {
    return this.runs.setRoster(id, dto);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Roles(...CONTROL)
  start(@UuidParam() id: string): Promise<RunView> {
    return this.runs.start(id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles(...CONTROL)
  pause(@UuidParam() id: string): Promise<RunView> {
    return this.runs.pause(id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(...CONTROL)
  resume(@UuidParam() id: string): Promise<RunView> {
    return this.runs.resume(id);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles(...CONTROL)
  end(@UuidParam() id: string): Promise<RunView> {
    return this.runs.end(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...CONTROL)
  cancel(@UuidParam() id: string): Promise<RunView> {
    return this.runs.cancel(id);
  }

  @Post(':id/injects')
  @Roles(...CONTROL)
  @ApiBody({
    description: 'A ScenarioInject without id; offsetSeconds omitted = now',
    schema: { type: 'object' },
  })
  addInject(@UuidParam() id: string, @Body() body: unknown): Promise<RunView> {
    return this.runs.addInject(id, body);
  }

  @Post(':id/injects/:injectId/release')
  @HttpCode(200)
  @Roles(...CONTROL)
  release(@UuidParam() id: string, @UuidParam('injectId') injectId: string): Promise<RunView> {
    return this.runs.release(id, injectId);
  }

  @Post(':id/injects/:injectId/skip')
  @HttpCode(200)
  @Roles(...CONTROL)
  skip(@UuidParam() id: string, @UuidParam('injectId') injectId: string): Promise<RunView> {
    return this.runs.skip(id, injectId);
  }
}
