import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type {
  ListResponse,
  OnCallView,
  RotationOverrideView,
  RotationScheduleView,
  RotationView,
} from '@muster/contracts';
import { IsoInstantQueryDto } from './contact.dto.js';
import { DIRECTORY_READERS, DIRECTORY_WRITERS } from './directory-roles.js';
import {
  OverrideCreateDto,
  RotationCreateDto,
  RotationListQueryDto,
  RotationUpdateDto,
  ScheduleQueryDto,
} from './rotation.dto.js';
import { RotationService } from './rotation.service.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('api/rotations')
export class RotationController {
  constructor(private readonly rotations: RotationService) {}

  @ApiDoc('List on-call rotations', 400, 401, 403)
  @Get()
  @Roles(...DIRECTORY_READERS)
  list(@Query() q: RotationListQueryDto): Promise<ListResponse<RotationView>> {
    return this.rotations.list(q);
  }

  @ApiDoc('Get an on-call rotation with its members and overrides', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...DIRECTORY_READERS)
  get(@UuidParam() id: string): Promise<RotationView> {
    return this.rotations.get(id);
  }

  /** Who is on call at `at` (default now), across hand-offs and overrides. */
  @ApiDoc('Who is on call in a rotation at a moment (default now)', 400, 401, 403, 404)
  @Get(':id/on-call')
  @Roles(...DIRECTORY_READERS)
  onCall(@UuidParam() id: string, @Query() q: IsoInstantQueryDto): Promise<OnCallView> {
    return this.rotations.onCallAt(id, q.at ? new Date(q.at) : new Date());
  }

  /** Who is on duty between two instants, for the calendar. */
  @ApiDoc("A rotation's on-call shifts between two moments", 400, 401, 403, 404)
  @Get(':id/schedule')
  @Roles(...DIRECTORY_READERS)
  schedule(@UuidParam() id: string, @Query() q: ScheduleQueryDto): Promise<RotationScheduleView> {
    return this.rotations.schedule(id, new Date(q.from), new Date(q.to));
  }

  @ApiDoc('Create an on-call rotation', 400, 401, 403, 409, 413)
  @Post()
  @Roles(...DIRECTORY_WRITERS)
  create(@Body() dto: RotationCreateDto): Promise<RotationView> {
    return this.rotations.create(dto);
  }

  @ApiDoc('Update an on-call rotation', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles(...DIRECTORY_WRITERS)
  update(@UuidParam() id: string, @Body() dto: RotationUpdateDto): Promise<RotationView> {
    return this.rotations.update(id, dto);
  }

  @ApiDoc('Delete an on-call rotation', 400, 401, 403, 404, 409)
  @Delete(':id')
  @Roles(...DIRECTORY_WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.rotations.remove(id);
  }

  @ApiDoc('Add an override: someone else on call for a period', 400, 401, 403, 404, 409, 413)
  @Post(':id/overrides')
  @Roles(...DIRECTORY_WRITERS)
  addOverride(@UuidParam() id: string, @Body() dto: OverrideCreateDto): Promise<RotationOverrideView> {
    return this.rotations.addOverride(id, dto);
  }

  @ApiDoc('Remove a rotation override', 400, 401, 403, 404, 409)
  @Delete(':id/overrides/:overrideId')
  @Roles(...DIRECTORY_WRITERS)
  @HttpCode(204)
  async removeOverride(@UuidParam() id: string, @UuidParam('overrideId') overrideId: string): Promise<void> {
    await this.rotations.removeOverride(id, overrideId);
  }
}
