import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type CockpitView, ZONE_ROLES } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { CockpitService } from './cockpit.service.js';

@ApiTags('cockpit')
@ApiBearerAuth()
@Controller('api/cockpit')
export class CockpitController {
  constructor(private readonly cockpit: CockpitService) {}

  @ApiDoc(
    'The leaders’ dashboard: targets, incidents, hazards, risks, drills, alarms, call-outs, ranking',
    401,
    403,
  )
  @Get()
  @Roles(...ZONE_ROLES)
  view(): Promise<CockpitView> {
    return this.cockpit.view();
  }
}
