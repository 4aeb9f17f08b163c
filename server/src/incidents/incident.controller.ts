import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { InvalidError } from '../common/domain-errors.js';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type {
  ListResponse,
  IncidentReportView,
  IncidentStatistics,
  IncidentView,
  RoomEventOf,
  TypedRoomEvent,
} from '@muster/contracts';
import {
  EventsQueryDto,
  IncidentCreateDto,
  IncidentLevelDto,
  IncidentListQueryDto,
  IncidentStatisticsQueryDto,
  IncidentStatusDto,
  RoomMessageDto,
  SupplementaryReportDto,
} from './incident.dto.js';
import { INCIDENT_COMMAND, ROOM_MEMBERS } from './incident.access.js';
import { type FiledIncident, IncidentService } from './incident.service.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/incidents')
export class IncidentController {
  constructor(private readonly incidents: IncidentService) {}

  @ApiDoc('File an incident report (opens its incident room)', 400, 401, 403, 409, 413)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Makes filing safe to retry: the same key from the same user answers the incident filed the ' +
      'first time (201, same body), and nothing is filed, announced or paged again. 1–255 visible ' +
      'ASCII characters (a UUID is a good key); reusing a key for a different report is a 409.',
  })
  @Post()
  @Roles('enterprise_officer', 'commander', 'zone_admin')
  file(
    @Body() dto: IncidentCreateDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<FiledIncident> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey))
      throw new InvalidError(['Idempotency-Key: 1–255 visible ASCII characters']);
    return this.incidents.file(dto, { idempotencyKey });
  }

  @ApiDoc('List incidents, filtered and paged', 400, 401, 403)
  @Get()
  @Roles(...ROOM_MEMBERS)
  list(@Query() q: IncidentListQueryDto): Promise<ListResponse<IncidentView>> {
    return this.incidents.list(q);
  }

  @ApiDoc('Incident statistics for a year', 400, 401, 403)
  @Get('statistics')
  @Roles(...ROOM_MEMBERS)
  statistics(@Query() q: IncidentStatisticsQueryDto): Promise<IncidentStatistics> {
    return this.incidents.statistics(q.year);
  }

  @ApiDoc('Get an incident', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...ROOM_MEMBERS)
  get(@UuidParam() id: string): Promise<IncidentView> {
    return this.incidents.get(id);
  }

  @ApiDoc('Add a follow-up report to an incident', 400, 401, 403, 404, 409, 413)
  @Post(':id/reports')
  @Roles('enterprise_officer', 'commander', 'zone_admin')
  supplement(@UuidParam() id: string, @Body() dto: SupplementaryReportDto): Promise<IncidentReportView> {
    return this.incidents.supplement(id, dto);
  }

  @ApiDoc("List an incident's initial and follow-up reports", 400, 401, 403, 404)
  @Get(':id/reports')
  @Roles(...ROOM_MEMBERS)
  reports(@UuidParam() id: string): Promise<IncidentReportView[]> {
    return this.incidents.reports(id);
  }

  @ApiDoc('Move an incident to another status (lifecycle rules apply)', 400, 401, 403, 404, 409, 413)
  @Post(':id/status')
  @HttpCode(200)
  @Roles(...INCIDENT_COMMAND)
  setStatus(@UuidParam() id: string, @Body() dto: IncidentStatusDto): Promise<IncidentView> {
    return this.incidents.setStatus(id, dto.status, dto.reason);
  }

  @ApiDoc(
    "Set or change an incident's response level (a verifying incident starts responding)",
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post(':id/level')
  @HttpCode(200)
  @Roles(...INCIDENT_COMMAND)
  setLevel(@UuidParam() id: string, @Body() dto: IncidentLevelDto): Promise<IncidentView> {
    return this.incidents.setLevel(id, dto);
  }

  @ApiDoc("An incident room's events after a sequence number", 400, 401, 403, 404)
  @Get(':id/events')
  @Roles(...ROOM_MEMBERS)
  events(@UuidParam() id: string, @Query() q: EventsQueryDto): Promise<TypedRoomEvent[]> {
    return this.incidents.events(id, q.sinceSeq);
  }

  @ApiDoc('Post a message in an incident room', 400, 401, 403, 404, 409, 413)
  @Post(':id/messages')
  @Roles(...ROOM_MEMBERS)
  postMessage(@UuidParam() id: string, @Body() dto: RoomMessageDto): Promise<RoomEventOf<'message'>> {
    return this.incidents.postMessage(id, dto.text);
  }
}
