import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { EnterpriseView, ListResponse } from '@muster/contracts';
import { EnterpriseCreateDto, EnterpriseListQueryDto, EnterpriseUpdateDto } from './enterprise.dto.js';
import { EnterpriseService } from './enterprise.service.js';
import { ApiDoc } from '../common/api-docs.js';

const READERS = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'] as const;

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('api/enterprises')
export class EnterpriseController {
  constructor(private readonly enterprises: EnterpriseService) {}

  @ApiDoc('List enterprises of the zone (an officer sees their own)', 400, 401, 403)
  @Get()
  @Roles(...READERS)
  list(@Query() q: EnterpriseListQueryDto): Promise<ListResponse<EnterpriseView>> {
    return this.enterprises.list(q);
  }

  @ApiDoc('Get an enterprise with its site outline and people of record', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...READERS)
  get(@UuidParam() id: string): Promise<EnterpriseView> {
    return this.enterprises.get(id);
  }

  @ApiDoc('Register an enterprise in the zone', 400, 401, 403, 409, 413)
  @Post()
  @Roles('zone_admin')
  create(@Body() dto: EnterpriseCreateDto): Promise<EnterpriseView> {
    return this.enterprises.create(dto);
  }

  @ApiDoc('Update an enterprise (an officer only the fields theirs to keep)', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles('zone_admin', 'enterprise_officer')
  update(@UuidParam() id: string, @Body() dto: EnterpriseUpdateDto): Promise<EnterpriseView> {
    return this.enterprises.update(id, dto);
  }

  @ApiDoc('Delete an enterprise that has no user accounts', 400, 401, 403, 404, 409)
  @Delete(':id')
  @Roles('zone_admin')
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.enterprises.remove(id);
  }
}
