import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { RequestContext } from '../common/request-context.js';
import {
  isDispatchable,
  type DispatchState,
  type DispatchView,
  type MapFeatureView,
  type ResourceStatus,
  type TaskView,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { TeamRepository } from '../directory/team.repository.js';
import { ScopedUserRepository } from '../identity/scoped-user.repository.js';
import { IncidentHooks } from '../incidents/incident-hooks.js';
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
export class RoomWorkService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly incidents: IncidentRepository,
    private readonly teams: TeamRepository,
    private readonly users: ScopedUserRepository,
    private readonly resources: ResourceRepository,
    private readonly rooms: RoomLog,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly hooks: IncidentHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.onStatusChanged(async (incident) => {
      if (incident.status === 'closed') await this.releaseAll(incident.id);
    });
  }

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
  /** What is drawn in the room now, oldest first (for those outside it, e.g. a responder's map). */
  async sceneFeatures(incidentId: string): Promise<MapFeatureView[]> {
    const rows = await this.db
      .repo(MapFeature)
      .createQueryBuilder('f')
      .where(`f.incidentId = :id AND f.removedAt IS NULL`, { id: incidentId })
      .orderBy('f.createdAt', 'ASC')
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

  /**
   * Sends a resource. One named from the register goes out with it: in a real incident its
   * register status becomes `dispatched` with the incident, and a resource already out is
   * refused naming the incident it is on. The resource row is locked first, so of two rooms
   * sending the same vehicle at once one wins and the other is told where it went. In a drill
   * the dispatch is the drill's alone: the register is not touched (a real incident must never
   * find a vehicle "out" on an exercise), and the drill refuses what it has already sent or
   * what an inject made unavailable in it.
   */
  async dispatch(incidentId: string, dto: DispatchCreateDto): Promise<DispatchView> {
    return this.db.transaction(async () => {
      const incident = await this.openIncident(incidentId);
      let label = dto.label?.trim() ?? '';
      let resourceStatus: ResourceStatus | undefined;
      if (dto.resourceId) {
        const resource = await this.resources.lockById(dto.resourceId);
        if (!isDispatchable(resource.type)) {
          throw new InvalidError([
            `resourceId: a ${resource.type} is a place, used where it is, not dispatched`,
          ]);
        }
        await this.assertFree(incident, resource.id, resource.name);
        if (!incident.isDrill) {
          if (resource.status !== 'available' && resource.status !== 'in_use') {
            throw new ConflictError(
              `Resource "${resource.name}" is ${resource.status} and cannot be dispatched`,
            );
          }
          await this.resources.setDeployment(resource.id, { status: 'dispatched', incidentId });
          resourceStatus = 'dispatched';
        }
        label ||= resource.name;
      }
      if (!label) throw new InvalidError(['label: name what is sent, or pick a resource from the register']);
      const d = await this.db.repo(Dispatch).save(
        Object.assign(new Dispatch(), {
          incidentId,
          resourceId: dto.resourceId ?? null,
          label,
          state: 'en_route',
          isDrill: incident.isDrill,
        }),
      );
      const view = mapDispatch(d);
      await this.rooms.append(incidentId, 'resource.dispatched', { dispatch: view });
      await this.audit.record({
        action: 'resource.dispatched',
        entity: 'incident_dispatch',
        entityId: d.id,
        after: { ...view, ...(resourceStatus ? { resourceStatus } : {}) },
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
      return this.moveDispatch(d, dto.state);
    });
  }

  /**
   * Releases every resource still out on the incident: a closed incident holds nothing. Runs in
   * the transaction that closes it.
   */
  async releaseAll(incidentId: string): Promise<void> {
    const open = await this.db
      .repo(Dispatch)
      .createQueryBuilder('d')
      .where(`d.incidentId = :incidentId AND d.state <> 'released'`, { incidentId })
      .orderBy('d.createdAt', 'ASC')
      .getMany();
    for (const d of open) await this.moveDispatch(d, 'released', 'the incident closed');
  }

  /** A drill inject made the resource unavailable: the drill's own dispatch of it ends. */
  async loseInDrill(incidentId: string, resourceId: string): Promise<void> {
    const open = await this.db
      .repo(Dispatch)
      .createQueryBuilder('d')
      .where(
        `d.incidentId = :incidentId AND d.resourceId = :resourceId AND d.isDrill AND d.state <> 'released'`,
        {
          incidentId,
          resourceId,
        },
      )
      .getMany();
    for (const d of open) await this.moveDispatch(d, 'released', 'unavailable in the drill');
  }

  private async moveDispatch(d: Dispatch, state: DispatchState, reason?: string): Promise<DispatchView> {
    if (d.state === 'released') throw new ConflictError('The resource has been released');
    const before = mapDispatch(d);
    d.state = state;
    const view = mapDispatch(await this.db.repo(Dispatch).save(d));
    let resourceStatus: ResourceStatus | undefined;
    if (d.resourceId && !d.isDrill) {
      resourceStatus = state === 'released' ? 'available' : state === 'on_scene' ? 'on_scene' : 'dispatched';
      await this.resources.setDeployment(
        d.resourceId,
        state === 'released'
          ? null
          : { status: resourceStatus as 'dispatched' | 'on_scene', incidentId: d.incidentId },
      );
    }
    await this.rooms.append(d.incidentId, 'resource.status_changed', {
      dispatch: view,
      from: before.state,
      ...(reason ? { reason } : {}),
    });
    await this.audit.record({
      action: 'resource.status_changed',
      entity: 'incident_dispatch',
      entityId: d.id,
      before,
      after: { ...view, ...(resourceStatus ? { resourceStatus } : {}), ...(reason ? { reason } : {}) },
    });
    return view;
  }

  /**
   * Refuses a resource that is already out: on any real incident (for a real dispatch), or, in
   * a drill, within that drill (sent already, or made unavailable by an inject).
   */
  private async assertFree(
    incident: { id: string; isDrill: boolean },
    resourceId: string,
    name: string,
  ): Promise<void> {
    const [out] = (await this.db.manager.query(
      `SELECT i.id, i.title FROM incident_dispatch d JOIN incident i ON i.id = d.incident_id
        WHERE d.resource_id = $1 AND d.state <> 'released' AND d.is_drill = $2
          AND ($2 = false OR d.incident_id = $3)
        LIMIT 1`,
      [resourceId, incident.isDrill, incident.id],
    )) as { id: string; title: string }[];
    if (out) {
      throw new ConflictError(
        `Resource "${name}" is already dispatched to incident "${out.title}" (${out.id})`,
      );
    }
    if (incident.isDrill) {
      const [gone] = (await this.db.manager.query(
        `SELECT 1 FROM room_event
          WHERE incident_id = $1 AND type = 'drill.inject' AND payload->>'kind' = 'resource_unavailable'
            AND payload->>'resourceId' = $2
          LIMIT 1`,
        [incident.id, resourceId],
      )) as unknown[];
      if (gone) throw new ConflictError(`Resource "${name}" is unavailable in this drill`);
    }
  }

  private async openIncident(incidentId: string): Promise<{ id: string; isDrill: boolean }> {
    const incident = await this.incidents.getById(incidentId);
    if (incident.status === 'closed') throw new ConflictError('The incident is closed; reopen it first');
    return incident;
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
