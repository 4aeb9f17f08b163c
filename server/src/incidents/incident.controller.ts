import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/incidents')
export class IncidentController {
  constructor(private readonly incidents: IncidentService) {}

  @Post()
  @Roles('enterprise_officer', 'commander', 'zone_admin')
  file(@Body() dto: IncidentCreateDto): Promise<FiledIncident> {
    return this.incidents.file(dto);
  }

  @Get()
  @Roles(...ROOM_MEMBERS)
  list(@Query() q: IncidentListQueryDto): Promise<ListResponse<IncidentView>> {
    return this.incidents.list(q);
  }

  @Get('statistics')
  @Roles(...ROOM_MEMBERS)
  statistics(@Query() q: IncidentStatisticsQueryDto): Promise<IncidentStatistics> {
    return this.incidents.statistics(q.year);
  }

  @Get(':id')
  @Roles(...ROOM_MEMBERS)
  get(@UuidParam() id: string): Promise<IncidentView> {
    return this.incidents.get(id);
  }

  @Post(':id/reports')
  @Roles('enterprise_officer', 'commander', 'zone_admin')
  supplement(@UuidParam() id: string, @Body() dto: SupplementaryReportDto): Promise<IncidentReportView> {
    return this.incidents.supplement(id, dto);
  }

  @Get(':id/reports')
  @Roles(...ROOM_MEMBERS)
  reports(@UuidParam() id: string): Promise<IncidentReportView[]> {
    return this.incidents.reports(id);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles(...INCIDENT_COMMAND)
  setStatus(@UuidParam() id: string, @Body() dto: IncidentStatusDto): Promise<IncidentView> {
    return this.incidents.setStatus(id, dto.status, dto.reason);
  }

  @Post(':id/level')
  @HttpCode(200)
  @Roles(...INCIDENT_COMMAND)
  setLevel(@UuidParam() id: string, @Body() dto: IncidentLevelDto): Promise<IncidentView> {
    return this.incidents.setLevel(id, dto);
  }

  @Get(':id/events')
  @Roles(...ROOM_MEMBERS)
  events(@UuidParam() id: string, @Query() q: EventsQueryDto): Promise<TypedRoomEvent[]> {
    return this.incidents.events(id, q.sinceSeq);
  }

  @Post(':id/messages')
  @Roles(...ROOM_MEMBERS)
  postMessage(@UuidParam() id: string, @Body() dto: RoomMessageDto): Promise<RoomEventOf<'message'>> {
    return this.incidents.postMessage(id, dto.text);
  }
}
