import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DrillPlanEntryView } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { DrillPlanEntryCreateDto, DrillPlanQueryDto } from './drill-plan.dto.js';
import { DrillPlanService } from './drill-plan.service.js';

@ApiTags('drills')
@ApiBearerAuth()
@Controller('api/drills/plan')
export class DrillPlanController {
  constructor(private readonly plans: DrillPlanService) {}

  @ApiDoc(
    "A year's drill plans (MEM Order 2 Art. 33): the caller's enterprises' and the zone's own",
    400,
    401,
    403,
  )
  @Get()
  @Roles('zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer')
  list(@Query() q: DrillPlanQueryDto): Promise<DrillPlanEntryView[]> {
    return this.plans.list(q.year);
  }

  /** An officer plans their own enterprise's drills; the zone plans its own and any unit's. */
  @ApiDoc('Add a drill to a yearly drill plan', 400, 401, 403, 404, 413)
  @Post()
  @Roles('zone_admin', 'enterprise_officer')
  add(@Body() dto: DrillPlanEntryCreateDto): Promise<DrillPlanEntryView> {
    return this.plans.add(dto);
  }

  @ApiDoc('Remove a drill from a yearly drill plan', 400, 401, 403, 404)
  @Delete(':id')
  @HttpCode(204)
  @Roles('zone_admin', 'enterprise_officer')
  remove(@UuidParam() id: string): Promise<void> {
    return this.plans.remove(id);
  }
}
