import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DutyPolicyView } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { DutyPolicyDto } from './duty-policy.dto.js';
import { DutyPolicyService } from './duty-policy.service.js';

@ApiTags('duty alerting')
@ApiBearerAuth()
@Controller('api/duty/policy')
export class DutyPolicyController {
  constructor(private readonly policies: DutyPolicyService) {}

  @ApiDoc("The zone's duty alerting policy: whom a new incident pages, by grade and category", 401, 403)
  @Get()
  @Roles('zone_admin', 'commander')
  get(): Promise<DutyPolicyView> {
    return this.policies.get();
  }

  @ApiDoc("Replace the zone's duty alerting policy", 400, 401, 403, 413)
  @Put()
  @Roles('zone_admin')
  update(@Body() dto: DutyPolicyDto): Promise<DutyPolicyView> {
    return this.policies.update(dto);
  }
}
