import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EnforcementCaseSummary, EnforcementCaseView, ListResponse } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { ENFORCEMENT_READERS, ENFORCEMENT_WRITERS } from './enforcement.access.js';
import {
  CaseCreateDto,
  CaseListQueryDto,
  ClosingDto,
  FilingDto,
  InspectionRecordDocDto,
  OnsiteMeasuresDto,
  PenaltyDecisionDto,
  PenaltyNoticeDto,
  RecheckOpinionDto,
  RectificationOrderDto,
  StatementDto,
} from './enforcement.dto.js';
import { EnforcementService } from './enforcement.service.js';
import { InstrumentPdfService } from './instrument-pdf.service.js';

@ApiTags('enforcement')
@ApiBearerAuth()
@Controller('api/enforcement')
export class EnforcementController {
  constructor(
    private readonly enforcement: EnforcementService,
    private readonly pdfs: InstrumentPdfService,
  ) {}

  @ApiDoc('List enforcement cases, newest first', 400, 401, 403)
  @Get('cases')
  @Roles(...ENFORCEMENT_READERS)
  list(@Query() q: CaseListQueryDto): Promise<ListResponse<EnforcementCaseSummary>> {
    return this.enforcement.list(q);
  }

  @ApiDoc('An enforcement case with its violations, instruments and the steps open now', 400, 401, 403, 404)
  @Get('cases/:id')
  @Roles(...ENFORCEMENT_READERS)
  get(@UuidParam() id: string): Promise<EnforcementCaseView> {
    return this.enforcement.get(id);
  }

  @ApiDoc(
    'Open a case from an inspection (or against an enterprise), linking or entering hazards',
    400,
    401,
    403,
    404,
    413,
  )
  @Post('cases')
  @Roles(...ENFORCEMENT_WRITERS)
  open(@Body() dto: CaseCreateDto): Promise<EnforcementCaseView> {
    return this.enforcement.open(dto);
  }

  @ApiDoc('Issue the on-site inspection record (现场检查记录)', 400, 401, 403, 404, 409, 413)
  @Post('cases/:id/inspection-record')
  @HttpCode(200)
  @Roles(...ENFORCEMENT_WRITERS)
  inspectionRecord(
    @UuidParam() id: string,
    @Body() dto: InspectionRecordDocDto,
  ): Promise<EnforcementCaseView> {
    return this.enforcement.issueInspectionRecord(id, dto);
  }

  @ApiDoc('Issue the order to rectify within a time limit (责令限期整改指令书)', 400, 401, 403, 404, 409, 413)
  @Post('cases/:id/rectification-order')
  @HttpCode(200)
  @Roles(...ENFORCEMENT_WRITERS)
  rectificationOrder(
    @UuidParam() id: string,
    @Body() dto: RectificationOrderDto,
  ): Promise<EnforcementCaseView> {
    return this.enforcement.issueRectificationOrder(id, dto);
  }

  @ApiDoc('Issue the on-site measures decision (现场处理措施决定书)', 400, 401, 403, 404, 409, 413)
  @Post('cases/:id/onsite-measures')
  @HttpCode(200)
  @Roles(...ENFORCEMENT_WRITERS)
  onsiteMeasures(@UuidParam() id: string, @Body() dto: OnsiteMeasuresDto): Promise<EnforcementCaseView> {
    return this.enforcement.issueOnsiteMeasures(id, dto);
  }

  @ApiDoc('Issue the re-inspection opinion (整改复查意见书)', 400, 401, 403, 404, 409, 413)
  @Post('cases/:id/recheck-opinion')
  @HttpCode(200)
  @Roles(...ENFORCEMENT_WRITERS)
  recheckOpinion(@UuidParam() id: string, @Body() dto: RecheckOpinionDto): Promise<EnforcementCaseView> {
    return this.enforcement.issueRecheckOpinion(id, dto);
  }

  @ApiDoc('File the case (立案审批)', 400, 401, 403, 404, 409, 413)
  @Post('cases/:id/filing')
  @HttpCode(200)
  @Roles(...ENFORCEMENT_WRITERS)
  filing(@UuidParam() id: string, @Body() dto: FilingDto): Promise<EnforcementCaseView> {
    return this.enforcement.issueFiling(id, dto);
  }

  @ApiDoc(
    'Issue the notice before penalty (行政处罚告知书) with its statement period',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post('cases/:id/penalty-notice')
  @HttpCode(200)
  @Roles(...ENFORCEMENT_WRITERS)
  penaltyNotice(@UuidParam() id: string, @Body() dto: PenaltyNoticeDto): Promise<EnforcementCaseView> {
    return this.enforcement.issuePenaltyNotice(id, dto);
  }

  @ApiDoc("Record the party's statement, hearing or waiver (陈述、申辩 / 听证)", 400, 401, 403, 404, 409, 413)
  @Post('cases/:id/statement')
  @HttpCode(200)
  @Roles(...ENFORCEMENT_WRITERS)
  statement(@UuidParam() id: string, @Body() dto: StatementDto): Promise<EnforcementCaseView> {
    return this.enforcement.recordStatement(id, dto);
  }

  @ApiDoc('Issue the penalty decision (行政处罚决定书)', 400, 401, 403, 404, 409, 413)
  @Post('cases/:id/penalty-decision')
  @HttpCode(200)
  @Roles(...ENFORCEMENT_WRITERS)
  penaltyDecision(@UuidParam() id: string, @Body() dto: PenaltyDecisionDto): Promise<EnforcementCaseView> {
    return this.enforcement.issuePenaltyDecision(id, dto);
  }

  @ApiDoc('Close the case (结案审批)', 400, 401, 403, 404, 409, 413)
  @Post('cases/:id/closing')
  @HttpCode(200)
  @Roles(...ENFORCEMENT_WRITERS)
  close(@UuidParam() id: string, @Body() dto: ClosingDto): Promise<EnforcementCaseView> {
    return this.enforcement.close(id, dto);
  }

  @ApiDoc('Disclose a closed case on the public pages (执法公示)', 400, 401, 403, 404, 409)
  @Post('cases/:id/disclose')
  @HttpCode(200)
  @Roles(...ENFORCEMENT_WRITERS)
  disclose(@UuidParam() id: string): Promise<EnforcementCaseView> {
    return this.enforcement.disclose(id);
  }

  @ApiDoc('An instrument as PDF', 400, 401, 403, 404, 503)
  @Get('instruments/:id/pdf')
  @Roles(...ENFORCEMENT_READERS)
  @ApiProduces('application/pdf')
  async pdf(@UuidParam() id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.pdfs.pdf(id);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.body, {
      type: 'application/pdf',
      disposition: `attachment; filename="instrument.pdf"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    });
  }
}
