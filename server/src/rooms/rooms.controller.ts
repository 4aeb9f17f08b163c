import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { DispatchView, MapFeatureView, TaskView, Role } from '@muster/contracts';
import { ROOM_MEMBERS } from '../incidents/incident.access.js';
import { RoomWorkService } from './room-work.service.js';
import {
  DispatchCreateDto,
  DispatchUpdateDto,
  MapFeatureCreateDto,
  MapFeatureUpdateDto,
  TaskCreateDto,
  TaskUpdateDto,
} from './rooms.dto.js';
import { ApiDoc } from '../common/api-docs.js';

/** Those who act in a room; inspectors and evaluators follow it and talk, but do not direct. */
const ROOM_ACTORS: Role[] = ['zone_admin', 'commander', 'enterprise_officer'];

@ApiTags('incident rooms')
@ApiBearerAuth()
@Controller('api/incidents/:id')
export class RoomsController {
  constructor(private readonly work: RoomWorkService) {}

  @ApiDoc("List an incident room's tasks", 400, 401, 403, 404)
  @Get('tasks')
  @Roles(...ROOM_MEMBERS)
  tasks(@UuidParam() id: string): Promise<TaskView[]> {
    return this.work.tasks(id);
  }

  @ApiDoc('Create a task in an incident room', 400, 401, 403, 404, 409, 413)
  @Post('tasks')
  @Roles(...ROOM_ACTORS)
  createTask(@UuidParam() id: string, @Body() dto: TaskCreateDto): Promise<TaskView> {
    return this.work.createTask(id, dto);
  }

  @ApiDoc('Update a task (assignee, status, due time)', 400, 401, 403, 404, 409, 413)
  @Patch('tasks/:taskId')
  @Roles(...ROOM_ACTORS)
  updateTask(
    @UuidParam() id: string,
    @UuidParam('taskId') taskId: string,
    @Body() dto: TaskUpdateDto,
  ): Promise<TaskView> {
    return this.work.updateTask(id, taskId, dto);
  }

  @ApiDoc("List an incident's map features (cordons, points)", 400, 401, 403, 404)
  @Get('features')
  @Roles(...ROOM_MEMBERS)
  features(@UuidParam() id: string): Promise<MapFeatureView[]> {
    return this.work.features(id);
  }

  @ApiDoc('Draw a map feature for an incident', 400, 401, 403, 404, 409, 413)
  @Post('features')
  @Roles(...ROOM_ACTORS)
  addFeature(@UuidParam() id: string, @Body() dto: MapFeatureCreateDto): Promise<MapFeatureView> {
    return this.work.addFeature(id, dto);
  }

  @ApiDoc('Update a map feature', 400, 401, 403, 404, 409, 413)
  @Patch('features/:featureId')
  @Roles(...ROOM_ACTORS)
  updateFeature(
    @UuidParam() id: string,
    @UuidParam('featureId') featureId: string,
    @Body() dto: MapFeatureUpdateDto,
  ): Promise<MapFeatureView> {
    return this.work.updateFeature(id, featureId, dto);
  }

  @ApiDoc('Remove a map feature', 400, 401, 403, 404, 409)
  @Delete('features/:featureId')
  @HttpCode(204)
  @Roles(...ROOM_ACTORS)
  async removeFeature(@UuidParam() id: string, @UuidParam('featureId') featureId: string): Promise<void> {
    await this.work.removeFeature(id, featureId);
  }

  @ApiDoc('List the resources dispatched to an incident', 400, 401, 403, 404)
  @Get('dispatches')
  @Roles(...ROOM_MEMBERS)
  dispatches(@UuidParam() id: string): Promise<DispatchView[]> {
    return this.work.dispatches(id);
  }

  @ApiDoc('Dispatch a resource to an incident', 400, 401, 403, 404, 409, 413)
  @Post('dispatches')
  @Roles(...ROOM_ACTORS)
  dispatch(@UuidParam() id: string, @Body() dto: DispatchCreateDto): Promise<DispatchView> {
    return this.work.dispatch(id, dto);
  }

  @ApiDoc('Update a dispatch (en route, on scene, returned)', 400, 401, 403, 404, 409, 413)
  @Patch('dispatches/:dispatchId')
  @Roles(...ROOM_ACTORS)
  updateDispatch(
    @UuidParam() id: string,
    @UuidParam('dispatchId') dispatchId: string,
    @Body() dto: DispatchUpdateDto,
  ): Promise<DispatchView> {
    return this.work.updateDispatch(id, dispatchId, dto);
  }
}
