import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators.js';
import { RecordLang } from '../common/record-language.js';
import { UuidParam } from '../common/uuid-param.js';
import type { IncidentStatusSummary, RecordLanguage } from '@muster/contracts';
import { ROOM_MEMBERS } from '../incidents/incident.access.js';
import { RoomRecordsService } from './room-records.service.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('incident rooms')
@ApiBearerAuth()
@Controller('api/incidents/:id')
export class RoomRecordsController {
  constructor(private readonly records: RoomRecordsService) {}

  /** The activity log (ICS-214 style) as CSV. */
  @ApiDoc("Export an incident room's activity log as CSV", 400, 401, 403, 404)
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
  @ApiDoc(
    "An incident's status summary: reports, task counts, dispatched resources, map features",
    400,
    401,
    403,
    404,
  )
  @Get('summary')
  @Roles(...ROOM_MEMBERS)
  summary(@UuidParam() id: string): Promise<IncidentStatusSummary> {
    return this.records.summary(id);
  }
}
