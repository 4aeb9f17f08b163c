import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReportingChainView } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { ENTERPRISE_REPORTERS, INCIDENT_COMMAND, INCIDENT_FILERS, ROOM_MEMBERS } from './incident.access.js';
import {
  CasualtyChangeDto,
  EnterpriseReportDto,
  InvestigationExtensionDto,
  InvestigationRecordDto,
  OnwardReportDto,
  ProvincialReportDto,
} from './reporting-chain.dto.js';
import { ReportingChainService } from './reporting-chain.service.js';

/**
 * The reporting chain's acts. The enterprise records its own reports (its scope keeps it to its
 * incidents); the zone's commanders record the zone's onward reports and the investigation.
 */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/incidents/:id/chain')
export class ReportingChainController {
  constructor(private readonly chain: ReportingChainService) {}

  @ApiDoc("An incident's reporting chain: every duty with its clock", 400, 401, 403, 404)
  @Get()
  @Roles(...ROOM_MEMBERS)
  get(@UuidParam() id: string): Promise<ReportingChainView> {
    return this.chain.get(id);
  }

  @ApiDoc(
    "Record the enterprise's own report of an incident the zone recorded first",
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post('enterprise-report')
  @Roles(...ENTERPRISE_REPORTERS)
  enterpriseReport(@UuidParam() id: string, @Body() dto: EnterpriseReportDto): Promise<ReportingChainView> {
    return this.chain.enterpriseReport(id, dto);
  }

  @ApiDoc("Record the enterprise's direct report to the provincial bureau", 400, 401, 403, 404, 409, 413)
  @Post('provincial')
  @Roles(...ENTERPRISE_REPORTERS)
  provincial(@UuidParam() id: string, @Body() dto: ProvincialReportDto): Promise<ReportingChainView> {
    return this.chain.provincial(id, dto);
  }

  @ApiDoc("Record the zone's onward report to a level", 400, 401, 403, 404, 409, 413)
  @Post('onward')
  @Roles(...INCIDENT_COMMAND)
  onward(@UuidParam() id: string, @Body() dto: OnwardReportDto): Promise<ReportingChainView> {
    return this.chain.onward(id, dto);
  }

  @ApiDoc(
    'Record a change in casualties (a same-day supplementary report is owed)',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post('casualty-change')
  @Roles(...INCIDENT_FILERS)
  casualtyChange(@UuidParam() id: string, @Body() dto: CasualtyChangeDto): Promise<ReportingChainView> {
    return this.chain.casualtyChange(id, dto);
  }

  @ApiDoc('Record the investigation report received', 400, 401, 403, 404, 409, 413)
  @Post('investigation/report')
  @Roles(...INCIDENT_COMMAND)
  investigationReport(
    @UuidParam() id: string,
    @Body() dto: InvestigationRecordDto,
  ): Promise<ReportingChainView> {
    return this.chain.investigationReport(id, dto);
  }

  @ApiDoc("Record an approved extension of the investigation's deadline", 400, 401, 403, 404, 409, 413)
  @Post('investigation/extension')
  @Roles(...INCIDENT_COMMAND)
  investigationExtension(
    @UuidParam() id: string,
    @Body() dto: InvestigationExtensionDto,
  ): Promise<ReportingChainView> {
    return this.chain.investigationExtension(id, dto);
  }

  @ApiDoc(
    "Record the reply to the investigation report (closes the incident's file)",
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post('investigation/reply')
  @Roles(...INCIDENT_COMMAND)
  investigationReply(
    @UuidParam() id: string,
    @Body() dto: InvestigationRecordDto,
  ): Promise<ReportingChainView> {
    return this.chain.investigationReply(id, dto);
  }
}
