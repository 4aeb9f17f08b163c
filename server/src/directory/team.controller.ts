import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { ListResponse, TeamView } from '@muster/contracts';
import { DIRECTORY_READERS, DIRECTORY_WRITERS } from './directory-roles.js';
import { TeamCreateDto, TeamListQueryDto, TeamUpdateDto } from './team.dto.js';
import { TeamService } from './team.service.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('api/teams')
export class TeamController {
  constructor(private readonly teams: TeamService) {}

  @ApiDoc('List response teams', 400, 401, 403)
  @Get()
  @Roles(...DIRECTORY_READERS)
  list(@Query() q: TeamListQueryDto): Promise<ListResponse<TeamView>> {
    return this.teams.list(q);
  }

  @ApiDoc('Get a response team with its members', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...DIRECTORY_READERS)
  get(@UuidParam() id: string): Promise<TeamView> {
    return this.teams.get(id);
  }

  @ApiDoc('Create a response team', 400, 401, 403, 409, 413)
  @Post()
  @Roles(...DIRECTORY_WRITERS)
  create(@Body() dto: TeamCreateDto): Promise<TeamView> {
    return this.teams.create(dto);
  }

  @ApiDoc('Update a response team or its members', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles(...DIRECTORY_WRITERS)
  update(@UuidParam() id: string, @Body() dto: TeamUpdateDto): Promise<TeamView> {
    return this.teams.update(id, dto);
  }

  @ApiDoc('Delete a response team', 400, 401, 403, 404, 409)
  @Delete(':id')
  @Roles(...DIRECTORY_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.teams.remove(id);
  }
}
