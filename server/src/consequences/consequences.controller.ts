import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ConsequenceRunView, Role } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { ROOM_MEMBERS } from '../incidents/incident.access.js';
import { ConsequenceRunDto } from './consequences.dto.js';
import { ConsequenceService } from './consequences.service.js';

/** Who runs a model in a room: those who draw on its map (the room's actors); the others follow its zones. */
const CONSEQUENCE_RUNNERS: Role[] = ['zone_admin', 'commander', 'enterprise_officer'];

@ApiTags('consequence models')
@ApiBearerAuth()
@Controller('api/incidents/:id/consequences')
export class ConsequencesController {
  constructor(private readonly consequences: ConsequenceService) {}

  @ApiDoc("List an incident's consequence model runs with their threat zones", 400, 401, 403, 404)
  @Get()
  @Roles(...ROOM_MEMBERS)
  runs(@UuidParam() id: string): Promise<ConsequenceRunView[]> {
    return this.consequences.runs(id);
  }

  @ApiDoc(
    'Run a consequence model (plume, puff, pool fire, vapour cloud explosion) for an incident',
    400,
    401,
    403,
    404,
    409,
    413,
  )
  @Post()
  @Roles(...CONSEQUENCE_RUNNERS)
  run(@UuidParam() id: string, @Body() dto: ConsequenceRunDto): Promise<ConsequenceRunView> {
    return this.consequences.run(id, dto);
  }
}
