import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { ListResponse, DrillStaffView, RunMetrics, RunView } from '@muster/contracts';
import { DepartmentReportDto, RosterDto, RunCreateDto, RunListQueryDto } from './drill-run.dto.js';
import { DrillRunService } from './drill-run.service.js';
import { DrillMetricsService } from './metrics.service.js';
import { ApiDoc } from '../common/api-docs.js';

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

  @ApiDoc('List drill runs, filtered and paged', 400, 401, 403)
  @Get()
  @Roles(...READERS)
  list(@Query() q: RunListQueryDto): Promise<ListResponse<RunView>> {
    return this.runs.list(q);
  }

  @ApiDoc('Who may direct and who may evaluate a drill: the choices of the scheduling form', 401, 403)
  @Get('staff')
  @Roles(...CONTROL)
  staff(): Promise<DrillStaffView> {
    return this.runs.staff();
  }

  @ApiDoc('Schedule a drill run of a scenario', 400, 401, 403, 409, 413)
  @Post()
  @Roles(...CONTROL)
  schedule(@Body() dto: RunCreateDto): Promise<RunView> {
    return this.runs.schedule(dto);
  }

  @ApiDoc('Get a drill run with its roster, clock and injects', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...READERS)
  get(@UuidParam() id: string): Promise<RunView> {
    return this.runs.get(id);
  }

  @ApiDoc("A drill run's live metrics: each expected action met, late or missed", 400, 401, 403, 404)
  @Get(':id/metrics')
  @Roles(...READERS)
  runMetrics(@UuidParam() id: string): Promise<RunMetrics> {
    return this.metrics.metrics(id);
  }

  @ApiDoc("Set a scheduled drill run's roster", 400, 401, 403, 404, 409, 413)
  @Put(':id/roster')
  @Roles(...CONTROL)
  roster(@UuidParam() id: string, @Body() dto: RosterDto): Promise<RunView> {
    return this.runs.setRoster(id, dto);
  }

  /** The enterprise reports its own drills; the zone may record one it was sent. */
  @ApiDoc(
    "Record an ended drill's report to the competent department (MEM Order 2 Art. 33)",
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Put(':id/department-report')
  @Roles('zone_admin', 'commander', 'enterprise_officer')
  departmentReport(@UuidParam() id: string, @Body() dto: DepartmentReportDto): Promise<RunView> {
    return this.runs.reportToDepartment(id, dto);
  }

  @ApiDoc('Start a drill run: opens its drill room and starts the scenario clock', 400, 401, 403, 404, 409)
  @Post(':id/start')
  @HttpCode(200)
  @Roles(...CONTROL)
  start(@UuidParam() id: string): Promise<RunView> {
    return this.runs.start(id);
  }

  @ApiDoc("Pause a running drill's scenario clock", 400, 401, 403, 404, 409)
  @Post(':id/pause')
  @HttpCode(200)
  @Roles(...CONTROL)
  pause(@UuidParam() id: string): Promise<RunView> {
    return this.runs.pause(id);
  }

  @ApiDoc("Resume a paused drill's scenario clock", 400, 401, 403, 404, 409)
  @Post(':id/resume')
  @HttpCode(200)
  @Roles(...CONTROL)
  resume(@UuidParam() id: string): Promise<RunView> {
    return this.runs.resume(id);
  }

  @ApiDoc('End a drill run', 400, 401, 403, 404, 409)
  @Post(':id/end')
  @HttpCode(200)
  @Roles(...CONTROL)
  end(@UuidParam() id: string): Promise<RunView> {
    return this.runs.end(id);
  }

  @ApiDoc('Cancel a scheduled drill run', 400, 401, 403, 404, 409)
  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...CONTROL)
  cancel(@UuidParam() id: string): Promise<RunView> {
    return this.runs.cancel(id);
  }

  @ApiDoc('Add an inject to a drill run', 400, 401, 403, 404, 409, 413)
  @Post(':id/injects')
  @Roles(...CONTROL)
  @ApiBody({
    description: 'A ScenarioInject without id; offsetSeconds omitted = now',
    schema: { type: 'object' },
  })
  addInject(@UuidParam() id: string, @Body() body: unknown): Promise<RunView> {
    return this.runs.addInject(id, body);
  }

  @ApiDoc('Release an inject now, ahead of its offset', 400, 401, 403, 404, 409)
  @Post(':id/injects/:injectId/release')
  @HttpCode(200)
  @Roles(...CONTROL)
  release(@UuidParam() id: string, @UuidParam('injectId') injectId: string): Promise<RunView> {
    return this.runs.release(id, injectId);
  }

  @ApiDoc('Skip an inject that has not been released', 400, 401, 403, 404, 409)
  @Post(':id/injects/:injectId/skip')
  @HttpCode(200)
  @Roles(...CONTROL)
  skip(@UuidParam() id: string, @UuidParam('injectId') injectId: string): Promise<RunView> {
    return this.runs.skip(id, injectId);
  }
}
