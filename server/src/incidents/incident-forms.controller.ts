import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { ROOM_MEMBERS } from './incident.access.js';
import { IncidentFormsService } from './incident-forms.service.js';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/incidents')
export class IncidentFormsController {
  constructor(private readonly forms: IncidentFormsService) {}

  @ApiDoc(
    'The printed form of a report as PDF: the 事故快报 (Decree 493 Art. 12) or a 续报, numbered on first printing',
    400,
    401,
    403,
    404,
    503,
  )
  @Get(':id/reports/:reportId/pdf')
  @Roles(...ROOM_MEMBERS)
  @ApiProduces('application/pdf')
  async pdf(
    @UuidParam() id: string,
    @UuidParam('reportId') reportId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.forms.reportPdf(id, reportId);
    // Each print may carry a number given just now: never served from a cache.
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.body, {
      type: 'application/pdf',
      disposition: `attachment; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    });
  }
}
