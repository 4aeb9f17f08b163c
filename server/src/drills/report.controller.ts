import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { RecordLang } from '../common/record-language.js';
import { UuidParam } from '../common/uuid-param.js';
import type { DrillReport, RecordLanguage } from '@muster/contracts';
import { DrillReportService } from './report.service.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('drills')
@ApiBearerAuth()
@Controller('api/drills/runs/:id/report')
export class DrillReportController {
  constructor(private readonly reports: DrillReportService) {}

  /** Officers read their own enterprise's runs only; another's is a 404. */
  @ApiDoc("A drill run's report: response times, observations, problems, improvements", 400, 401, 403, 404)
  @Get()
  @Roles('zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer')
  report(@UuidParam() id: string, @RecordLang() lang: RecordLanguage): Promise<DrillReport> {
    return this.reports.report(id, lang);
  }
}
