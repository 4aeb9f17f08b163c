import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { ListResponse, EscalationPolicyView, PolicyPreview } from '@muster/contracts';
import {
  PolicyCreateDto,
  PolicyListQueryDto,
  PolicyPreviewQueryDto,
  PolicyUpdateDto,
} from './escalation-policy.dto.js';
import { EscalationPolicyService } from './escalation-policy.service.js';
import { PLAN_READERS, PLAN_WRITERS } from './plan.controller.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('escalation policies')
@ApiBearerAuth()
@Controller('api/policies')
export class EscalationPolicyController {
  constructor(private readonly policies: EscalationPolicyService) {}

  @ApiDoc('List escalation policies', 400, 401, 403)
  @Get()
  @Roles(...PLAN_READERS)
  list(@Query() q: PolicyListQueryDto): Promise<ListResponse<EscalationPolicyView>> {
    return this.policies.list(q);
  }

  @ApiDoc('Get an escalation policy with its tiers', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...PLAN_READERS)
  get(@UuidParam() id: string): Promise<EscalationPolicyView> {
    return this.policies.get(id);
  }

  @ApiDoc('Who each tier of a policy would page at a moment (default now)', 400, 401, 403, 404)
  @Get(':id/preview')
  @Roles(...PLAN_READERS)
  preview(@UuidParam() id: string, @Query() q: PolicyPreviewQueryDto): Promise<PolicyPreview> {
    return this.policies.preview(id, q.at ? new Date(q.at) : new Date());
  }

  @ApiDoc('Create an escalation policy', 400, 401, 403, 409, 413)
  @Post()
  @Roles(...PLAN_WRITERS)
  create(@Body() dto: PolicyCreateDto): Promise<EscalationPolicyView> {
    return this.policies.create(dto);
  }

  @ApiDoc('Update an escalation policy', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  update(@UuidParam() id: string, @Body() dto: PolicyUpdateDto): Promise<EscalationPolicyView> {
    return this.policies.update(id, dto);
  }

  @ApiDoc('Delete an escalation policy', 400, 401, 403, 404, 409)
  @Delete(':id')
  @Roles(...PLAN_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.policies.remove(id);
  }
}
