import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { RequestContext } from '../common/request-context.js';
import type { DispatchView, MapFeatureView, TaskView } from '@muster/contracts';
import { Db } from '../database/db.js';
import { TeamRepository } from '../directory/team.repository.js';
import { ScopedUserRepository } from '../identity/scoped-user.repository.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { ResourceRepository } from '../resources/resource.repository.js';
import { Dispatch, MapFeature, RoomTask } from './room.entities.js';
import { RoomLog } from '../room-log/room-log.js';
import type {
  DispatchCreateDto,
  DispatchUpdateDto,
  MapFeatureCreateDto,
  MapFeatureUpdateDto,
  TaskCreateDto,
  TaskUpdateDto,
} from './rooms.dto.js';
import { mapDispatch, mapFeature, mapTask } from './rooms.view.js';
import { ConflictError, InvalidError, NotFoundError } from '../common/domain-errors.js';

/**
 * The work done in an incident room: tasks, map features and dispatched resources. Each one is
 * reached through its incident, which the scoped incident repository finds only for callers in
 * scope; the team, user or resource a request names must be in the caller's scope as well (an
 * officer names their own enterprise's, zone roles anyone's), else it is not found, as on a
 * read. Every change is a room event and an audit row, committed together.
 */
@Injectable()
export class RoomWorkService {
  constructor(
    private readonly db: Db,
    private readonly incidents: IncidentRepository,
    private readonly teams: TeamRepository,
    private readonly users: ScopedUserRepository,
    private readonly resources: ResourceRepository,
    private readonly rooms: RoomLog,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  // ── tasks ────────────────────────────────────────────────────────────────
  async tasks(incidentId: string): Promise<TaskView[]> {
    await this.incidents.getById(incidentId);
    const rows = await this.db.repo(RoomTask).find({ where: { incidentId }, order: { createdAt: 'ASC' } });
    return rows.map(mapTask);
  }

  async createTask(
    incidentId: string,
    dto: TaskCreateDto,
    source: RoomTask['source'] = 'manual',
  ): Promise<TaskView> {
    return this.db.transaction(async () => {
      await this.openIncident(incidentId);
      // A checklist task's team was checked when its plan level was saved, and only the zone
      // activates a level: a team deleted since must not stop the activation.
      if (source === 'manual') await this.assertAssignable(dto);
      const task = await this.db.repo(RoomTask).save(
        Object.assign(new RoomTask(), {
          incidentId,
          title: dto.title,
          detail: dto.detail ?? '',
          assigneeUserId: dto.assigneeUserId ?? null,
          assigneeTeamId: dto.assigneeTeamId ?? null,
          assigneeLabel: dto.assigneeLabel ?? null,
          dueAt: dto.dueAt ? new Date(dto.dueAt) : null,
          status: 'open',
          source,
        }),
      );
      const view = mapTask(task);
      await this.rooms.append(incidentId, 'task.created', { task: view });
      await this.audit.record({
        action: 'task.created',
        entity: 'room_task',
        entityId: task.id,
        after: view,
      });
      return view;
    });
  }

  async updateTask(incidentId: string, taskId: string, dto: TaskUpdateDto): Promise<TaskView> {
    return this.db.transaction(async () => {
      await this.incidents.getById(incidentId);
      const task = await this.db.repo(RoomTask).findOneBy({ id: taskId, incidentId });
      if (!task) throw new NotFoundError('Task not found');
      await this.assertAssignable(dto);
      const before = mapTask(task);
      if (dto.status === 'accepted' && task.status !== 'open') {
        throw new ConflictError(`A ${task.status} task cannot be accepted`);
      }
      // Accepting a task assigns it to the one who accepts it, unless it already names someone.
      if (dto.status === 'accepted' && !task.assigneeUserId && !dto.assigneeUserId) {
        const p = this.context.principal();
        if (p) {
          task.assigneeUserId = p.id;
          task.assigneeLabel = task.assigneeLabel ?? p.name;
        }
      }
      const { dueAt, ...rest } = dto;
      for (const [k, v] of Object.entries(rest))
        if (v !== undefined) (task as unknown as Record<string, unknown>)[k] = v;
      if (dueAt !== undefined) task.dueAt = dueAt ? new Date(dueAt) : null;
      const view = mapTask(await this.db.repo(RoomTask).save(task));
      await this.rooms.append(incidentId, 'task.updated', { task: view, changes: Object.keys(dto) });
      await this.audit.record({
        action: 'task.updated',
        entity: 'room_task',
        entityId: taskId,
        before,
        after: view,
      });
      return view;
    });
  }

  // ── map features ─────────────────────────────────────────────────────────
  async features(incidentId: string): Promise<MapFeatureView[]> {
    await this.incidents.getById(incidentId);
    const rows = await this.db
      .repo(MapFeature)
      .createQueryBuilder('f')
      .where('f.incidentId = :incidentId AND f.removedAt IS NULL', { incidentId })
      .orderBy('f.createdAt', 'ASC')
      .getMany();
    return rows.map(mapFeature);
  }

  /**
   * The incident's standing assembly points and command posts, whatever the caller's scope: what
   * a responder's briefing shows of the map, its signed link being its own authority.
   */
  async meetingPlaces(incidentId: string): Promise<MapFeatureView[]> {
    const rows = await this.db
      .repo(MapFeature)
      .createQueryBuilder('f')
      .where(`f.incidentId = :id AND f.removedAt IS NULL AND f.kind IN ('assembly_point', 'command_post')`, {
        id: incidentId,
      })
      .getMany();
    return rows.map(mapFeature);
  }

  async addFeature(incidentId: string, dto: MapFeatureCreateDto): Promise<MapFeatureView> {
    checkRadius(dto);
    return this.db.transaction(async () => {
      await this.openIncident(incidentId);
      const feature = await this.db.repo(MapFeature).save(
        Object.assign(new MapFeature(), {
          incidentId,
          kind: dto.kind,
          label: dto.label ?? '',
          geometry: dto.geometry,
          radiusM: dto.radiusM ?? null,
        }),
      );
      const view = mapFeature(feature);
      await this.rooms.append(incidentId, 'map_feature.added', { feature: view });
      await this.audit.record({
        action: 'map_feature.added',
        entity: 'map_feature',
        entityId: feature.id,
        after: view,
      });
      return view;
    });
  }

  async updateFeature(
    incidentId: string,
    featureId: string,
    dto: MapFeatureUpdateDto,
  ): Promise<MapFeatureView> {
    return this.db.transaction(async () => {
      await this.incidents.getById(incidentId);
      const feature = await this.liveFeature(incidentId, featureId);
      const before = mapFeature(feature);
      for (const [k, v] of Object.entries(dto))
        if (v !== undefined) (feature as unknown as Record<string, unknown>)[k] = v;
      checkRadius(feature);
      const view = mapFeature(await this.db.repo(MapFeature).save(feature));
      await this.rooms.append(incidentId, 'map_feature.updated', { feature: view });
      await this.audit.record({
        action: 'map_feature.updated',
        entity: 'map_feature',
        entityId: featureId,
        before,
        after: view,
      });
      return view;
    });
  }

  async removeFeature(incidentId: string, featureId: string): Promise<void> {
    await this.db.transaction(async () => {
      await this.incidents.getById(incidentId);
      const feature = await this.liveFeature(incidentId, featureId);
      const before = mapFeature(feature);
      // Kept, not deleted: the room's record must still show what was on the map and when.
      feature.removedAt = new Date();
      await this.db.repo(MapFeature).save(feature);
      await this.rooms.append(incidentId, 'map_feature.removed', { featureId, kind: feature.kind });
      await this.audit.record({
        action: 'map_feature.removed',
        entity: 'map_feature',
        entityId: featureId,
        before,
      });
    });
  }

  // ── dispatched resources ─────────────────────────────────────────────────
  async dispatches(incidentId: string): Promise<DispatchView[]> {
    await this.incidents.getById(incidentId);
    const rows = await this.db.repo(Dispatch).find({ where: { incidentId }, order: { createdAt: 'ASC' } });
    return rows.map(mapDispatch);
  }

  async dispatch(incidentId: string, dto: DispatchCreateDto): Promise<DispatchView> {
    return this.db.transaction(async () => {
      await this.openIncident(incidentId);
      if (dto.resourceId) await this.resources.getById(dto.resourceId);
      const d = await this.db.repo(Dispatch).save(
        Object.assign(new Dispatch(), {
          incidentId,
          resourceId: dto.resourceId ?? null,
          label: dto.label,
          state: 'en_route',
        }),
      );
      const view = mapDispatch(d);
      await this.rooms.append(incidentId, 'resource.dispatched', { dispatch: view });
      await this.audit.record({
        action: 'resource.dispatched',
        entity: 'incident_dispatch',
        entityId: d.id,
        after: view,
      });
      return view;
    });
  }

  async updateDispatch(
    incidentId: string,
    dispatchId: string,
    dto: DispatchUpdateDto,
  ): Promise<DispatchView> {
    return this.db.transaction(async () => {
      await this.incidents.getById(incidentId);
      const d = await this.db.repo(Dispatch).findOneBy({ id: dispatchId, incidentId });
      if (!d) throw new NotFoundError('Dispatch not found');
      if (d.state === 'released') throw new ConflictError('The resource has been released');
      const before = mapDispatch(d);
      d.state = dto.state;
      const view = mapDispatch(await this.db.repo(Dispatch).save(d));
      await this.rooms.append(incidentId, 'resource.status_changed', { dispatch: view, from: before.state });
      await this.audit.record({
        action: 'resource.status_changed',
        entity: 'incident_dispatch',
        entityId: d.id,
        before,
        after: view,
      });
      return view;
    });
  }

  private async openIncident(incidentId: string): Promise<void> {
    const incident = await this.incidents.getById(incidentId);
    if (incident.status === 'closed') throw new ConflictError('The incident is closed; reopen it first');
  }

  /** The assignees a task names must be in the caller's scope (404 otherwise, before any write). */
  private async assertAssignable(dto: TaskUpdateDto): Promise<void> {
    if (dto.assigneeUserId) await this.users.getById(dto.assigneeUserId);
    if (dto.assigneeTeamId) await this.teams.getById(dto.assigneeTeamId);
  }

  private async liveFeature(incidentId: string, featureId: string): Promise<MapFeature> {
    const f = await this.db.repo(MapFeature).findOneBy({ id: featureId, incidentId });
    if (!f || f.removedAt) throw new NotFoundError('Map feature not found');
    return f;
  }
}

function checkRadius(f: { geometry?: { type: string }; radiusM?: number | null }): void {
  if (f.radiusM != null && f.geometry && f.geometry.type !== 'Point') {
    throw new InvalidError(['radiusM: only a Point (circle) has a radius']);
  }
}
