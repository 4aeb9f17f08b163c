import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import type { ComplianceReport } from '@muster/contracts';
import { ComplianceQueryDto } from './compliance.dto.js';
import { ComplianceService } from './compliance.service.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('drills')
@ApiBearerAuth()
@Controller('api/drills/compliance')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  /** Officers are scoped to their own enterprise; another one's id is a 404. */
  @ApiDoc('Drill duties per enterprise (MEM Order 2 Art. 33): due dates and overdue drills', 400, 401, 403)
  @Get()
  @Roles('zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer')
  report(@Query() q: ComplianceQueryDto): Promise<ComplianceReport> {
    return this.compliance.report(q.enterpriseId);
  }
}
