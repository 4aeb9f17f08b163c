import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import type { AuditEntryView, ListResponse } from '@muster/contracts';
import { AuditQueryDto } from './audit.dto.js';
import { AuditService } from './audit.service.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ApiDoc('List audit log entries (who did what, when), filtered and paged', 400, 401, 403)
  @Get()
  @Roles('zone_admin')
  list(@Query() q: AuditQueryDto): Promise<ListResponse<AuditEntryView>> {
    return this.audit.list(q);
  }
}
