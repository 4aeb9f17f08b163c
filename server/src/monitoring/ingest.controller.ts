import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { IngestResult } from '@muster/contracts';
import { Public } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { IngestKeyGuard, type IngestRequest } from './ingest-key.guard.js';
import { IngestBatchDto } from './ingest.dto.js';
import { IngestService } from './ingest.service.js';

/** Enterprises' DCS/SIS gateways post readings here with their ingestion key (never a user token). */
@ApiTags('monitoring')
@Controller('ingest')
export class IngestController {
  constructor(private readonly ingest: IngestService) {}

  @ApiDoc('A batch of sensor readings (at most 5,000), authenticated by X-Ingest-Key', 400, 401, 413)
  @ApiHeader({ name: 'X-Ingest-Key', required: true, description: "The enterprise's ingestion key" })
  @Post('readings')
  @Public()
  @UseGuards(IngestKeyGuard)
  @HttpCode(202)
  readings(@Req() req: IngestRequest, @Body() dto: IngestBatchDto): Promise<IngestResult> {
    return this.ingest.ingest(req.ingestEnterpriseId!, dto.readings);
  }
}
