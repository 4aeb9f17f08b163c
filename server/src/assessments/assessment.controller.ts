import { Body, Controller, Get, Post, Put, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AnySheetSummary, AnySheetView, NoticeView, SchemeView } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { NoticeDto, ManualScoreDto, ObjectionDto, ObjectionReplyDto, SchemeDto } from './assessment.dto.js';
import { AssessmentService } from './assessment.service.js';
import { NoticeService } from './notice.service.js';

const ZONE = ['zone_admin', 'commander', 'inspector', 'evaluator'] as const;
const READERS = [...ZONE, 'enterprise_officer'] as const;

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('api/assessments')
export class AssessmentController {
  constructor(
    private readonly assessments: AssessmentService,
    private readonly noticePdfs: NoticeService,
  ) {}

  @ApiDoc('The yearly assessment schemes, newest first', 401, 403)
  @Get('schemes')
  @Roles(...READERS)
  schemes(): Promise<SchemeView[]> {
    return this.assessments.listSchemes();
  }

  @ApiDoc(
    'Define a year’s scheme: indicators in groups with weight, rule and evidence',
    400,
    401,
    403,
    409,
    413,
  )
  @Post('schemes')
  @Roles('zone_admin')
  create(@Body() dto: SchemeDto): Promise<SchemeView> {
    return this.assessments.createScheme(dto);
  }

  @ApiDoc('A scheme with its indicators', 400, 401, 403, 404)
  @Get('schemes/:id')
  @Roles(...READERS)
  scheme(@UuidParam() id: string): Promise<SchemeView> {
    return this.assessments.getScheme(id);
  }

  @ApiDoc('Replace a draft scheme', 400, 401, 403, 404, 409, 413)
  @Put('schemes/:id')
  @Roles('zone_admin')
  update(@UuidParam() id: string, @Body() dto: SchemeDto): Promise<SchemeView> {
    return this.assessments.updateScheme(id, dto);
  }

  @ApiDoc(
    'Score every enterprise’s computed indicators from the records (draft only)',
    400,
    401,
    403,
    404,
    409,
  )
  @Post('schemes/:id/compute')
  @Roles('zone_admin', 'inspector')
  compute(@UuidParam() id: string): Promise<AnySheetSummary[]> {
    return this.assessments.compute(id);
  }

  @ApiDoc('Publish the year: bands and ranking frozen as they stand', 400, 401, 403, 404, 409)
  @Post('schemes/:id/publish')
  @Roles('zone_admin')
  publish(@UuidParam() id: string): Promise<SchemeView> {
    return this.assessments.publish(id);
  }

  @ApiDoc('The ranking of a scheme (an officer: its own sheet, once published)', 400, 401, 403, 404)
  @Get('schemes/:id/sheets')
  @Roles(...READERS)
  sheets(@UuidParam() id: string): Promise<AnySheetSummary[]> {
    return this.assessments.sheetsOf(id);
  }

  @ApiDoc('The commendation and criticism notices of a scheme', 400, 401, 403, 404)
  @Get('schemes/:id/notices')
  @Roles(...ZONE)
  notices(@UuidParam() id: string): Promise<NoticeView[]> {
    return this.assessments.notices(id);
  }

  @ApiDoc(
    'Issue a numbered commendation or public-criticism notice of a published year',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post('schemes/:id/notices')
  @Roles('zone_admin')
  issue(@UuidParam() id: string, @Body() dto: NoticeDto): Promise<NoticeView> {
    return this.assessments.issueNotice(id, dto);
  }

  @ApiDoc('A notice as PDF', 400, 401, 403, 404, 503)
  @Get('notices/:id/pdf')
  @Roles(...ZONE)
  @ApiProduces('application/pdf')
  async noticePdf(
    @UuidParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.noticePdfs.pdf(id);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.body, {
      type: 'application/pdf',
      disposition: `attachment; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    });
  }

  @ApiDoc('One enterprise’s sheet with the evidence behind each point', 400, 401, 403, 404)
  @Get('sheets/:id')
  @Roles(...READERS)
  sheet(@UuidParam() id: string): Promise<AnySheetView> {
    return this.assessments.sheet(id);
  }

  @ApiDoc(
    'Score a manual indicator, with a note and evidence files (draft only)',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Put('sheets/:id/scores/:indicatorId')
  @Roles('inspector', 'zone_admin')
  score(
    @UuidParam() id: string,
    @UuidParam('indicatorId') indicatorId: string,
    @Body() dto: ManualScoreDto,
  ): Promise<AnySheetView> {
    return this.assessments.scoreManual(id, indicatorId, dto);
  }

  @ApiDoc(
    'File an objection to the enterprise’s published sheet, inside the period',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post('sheets/:id/objections')
  @Roles('enterprise_officer')
  object(@UuidParam() id: string, @Body() dto: ObjectionDto): Promise<AnySheetView> {
    return this.assessments.object(id, dto);
  }

  @ApiDoc('Reply to an objection (recorded once)', 400, 401, 403, 404, 409, 413)
  @Put('objections/:id/reply')
  @Roles('zone_admin')
  reply(@UuidParam() id: string, @Body() dto: ObjectionReplyDto): Promise<AnySheetView> {
    return this.assessments.reply(id, dto);
  }
}
