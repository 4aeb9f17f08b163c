import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AlarmStatisticsRow, AlarmView, InstallationAlarmState, ListResponse } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { INSTALLATION_READERS } from '../installations/installation.access.js';
import { AlarmDisposeDto, AlarmListQueryDto, AlarmStatisticsQueryDto } from './alarm.dto.js';
import { AlarmService } from './alarm.service.js';

/** Who handles alarms: the zone's duty roles and the enterprise's own officers. */
const HANDLERS = ['zone_admin', 'commander', 'inspector', 'enterprise_officer'] as const;
/** Who may open a hazard from an alarm: those who record hazards in the ledger. */
const HAZARD_RECORDERS = ['zone_admin', 'inspector', 'enterprise_officer'] as const;

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('api/alarms')
export class AlarmController {
  constructor(private readonly alarms: AlarmService) {}

  @ApiDoc('Monitoring alarms, open ones first', 400, 401, 403)
  @Get()
  @Roles(...INSTALLATION_READERS)
  list(@Query() q: AlarmListQueryDto): Promise<ListResponse<AlarmView>> {
    return this.alarms.list(q);
  }

  @ApiDoc('Alarm counts and times to acknowledge per enterprise (default the last 30 days)', 400, 401, 403)
  @Get('statistics')
  @Roles(...INSTALLATION_READERS)
  statistics(@Query() q: AlarmStatisticsQueryDto): Promise<AlarmStatisticsRow[]> {
    return this.alarms.statistics(q);
  }

  @ApiDoc('Installations with alarms not closed, by their worst (the monitoring map)', 401, 403)
  @Get('installation-states')
  @Roles(...INSTALLATION_READERS)
  installationStates(): Promise<InstallationAlarmState[]> {
    return this.alarms.installationStates();
  }

  @ApiDoc('An alarm with its handling', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...INSTALLATION_READERS)
  get(@UuidParam() id: string): Promise<AlarmView> {
    return this.alarms.get(id);
  }

  @ApiDoc('Acknowledge an alarm', 400, 401, 403, 404, 409)
  @Post(':id/acknowledge')
  @Roles(...HANDLERS)
  @HttpCode(200)
  acknowledge(@UuidParam() id: string): Promise<AlarmView> {
    return this.alarms.acknowledge(id);
  }

  @ApiDoc('Record what was done about an acknowledged alarm', 400, 401, 403, 404, 409, 413)
  @Post(':id/dispose')
  @Roles(...HANDLERS)
  @HttpCode(200)
  dispose(@UuidParam() id: string, @Body() dto: AlarmDisposeDto): Promise<AlarmView> {
    return this.alarms.dispose(id, dto.disposal);
  }

  @ApiDoc('Close a disposed alarm whose readings are back in band', 400, 401, 403, 404, 409)
  @Post(':id/close')
  @Roles(...HANDLERS)
  @HttpCode(200)
  close(@UuidParam() id: string): Promise<AlarmView> {
    return this.alarms.close(id);
  }

  @ApiDoc(
    "Open a hazard in the enterprise's ledger from an alarm (once; asked again, the same)",
    400,
    401,
    403,
    404,
  )
  @Post(':id/hazard')
  @Roles(...HAZARD_RECORDERS)
  @HttpCode(200)
  openHazard(@UuidParam() id: string): Promise<AlarmView> {
    return this.alarms.openHazard(id);
  }
}
