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

@ApiTags('escalation policies')
@ApiBearerAuth()
@Controller('api/policies')
export class EscalationPolicyController {
  constructor(private readonly policies: EscalationPolicyService) {}

  @Get()
  @Roles(...PLAN_READERS)
  list(@Query() q: PolicyListQueryDto): Promise<ListResponse<EscalationPolicyView>> {
    return this.policies.list(q);
  }

  @Get(':id')
  @Roles(...PLAN_READERS)
  get(@UuidParam() id: string): Promise<EscalationPolicyView> {
    return this.policies.get(id);
  }

  @Get(':id/preview')
  @Roles(...PLAN_READERS)
  preview(@UuidParam() id: string, @Query() q: PolicyPreviewQueryDto): Promise<PolicyPreview> {
    return this.policies.preview(id, q.at ? new Date(q.at) : new Date());
  }

  @Post()
  @Roles(...PLAN_WRITERS)
  create(@Body() dto: PolicyCreateDto): Promise<EscalationPolicyView> {
    return this.policies.create(dto);
  }

  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  update(@UuidParam() id: string, @Body() dto: PolicyUpdateDto): Promise<EscalationPolicyView> {
    return this.policies.update(id, dto);
  }

  @Delete(':id')
  @Roles(...PLAN_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.policies.remove(id);
  }
}
