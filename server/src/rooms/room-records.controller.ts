import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators.js';
import { RecordLang } from '../common/record-language.js';
import { UuidParam } from '../common/uuid-param.js';
import type { IncidentStatusSummary, RecordLanguage } from '@muster/contracts';
import { ROOM_MEMBERS } from '../incidents/incident.access.js';
import { RoomRecordsService } from './room-records.service.js';

@ApiTags('incident rooms')
@ApiBearerAuth()
@Controller('api/incidents/:id')
export class RoomRecordsController {
  constructor(private readonly records: RoomRecordsService) {}

  /** The activity log (ICS-214 style) as CSV. */
  @Get('activity.csv')
  @Roles(...ROOM_MEMBERS)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async activityCsv(
    @UuidParam() id: string,
    @RecordLang() lang: RecordLanguage,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, csv } = await this.records.activityCsv(id, lang);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.send(csv);
  }

  /** Where things stand (ICS-209 style): figures, reports, tasks, resources, map. */
  @Get('summary')
  @Roles(...ROOM_MEMBERS)
  summary(@UuidParam() id: string): Promise<IncidentStatusSummary> {
    return this.records.summary(id);
  }
}
