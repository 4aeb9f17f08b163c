import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type {
  ListResponse,
  OnCallView,
  RotationOverrideView,
  RotationScheduleView,
  RotationView,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { ContactRepository } from './contact.repository.js';
import { mapContact } from './contact.view.js';
import { assertOwnerUnchanged, ownerForCreate } from './directory-scope.js';
import { checkMembers } from './members.js';
import { type OverrideRule, type RotationRule, onCallAt, scheduleBetween } from './on-call.js';
import type {
  OverrideCreateDto,
  RotationCreateDto,
  RotationListQueryDto,
  RotationUpdateDto,
} from './rotation.dto.js';
import { Rotation } from './rotation.entity.js';
import { RotationRepository } from './rotation.repository.js';
import { mapOverride, mapRotation } from './rotation.view.js';
import { InvalidError, NotFoundError } from '../common/domain-errors.js';

/** A rotation as a policy reads it: the rotation, and who is on call at an instant (null: nobody). */
export interface OnCallRota extends RotationView {
  onCallAt(at: Date): string | null;
}

/** A calendar shows at most two months at a time. */
const MAX_SCHEDULE_MS = 62 * 24 * 3_600_000;

@Injectable()
export class RotationService {
  private readonly timeZone: string;

  constructor(
    private readonly db: Db,
    private readonly rotations: RotationRepository,
    private readonly contacts: ContactRepository,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.timeZone = config.TZ;
  }

  async list(q: RotationListQueryDto): Promise<ListResponse<RotationView>> {
    const [rows, total] = await this.rotations.list({ ...q, ...pageWindow(q) });
    return { items: rows.map((r) => mapRotation(r, this.timeZone)), total };
  }

  async get(id: string): Promise<RotationView> {
    return mapRotation(await this.rotations.getById(id), this.timeZone);
  }

  async findByIds(ids: readonly string[]): Promise<RotationView[]> {
    const found = new Map(
      (await this.rotations.findByIds(ids)).map((r) => [r.id, mapRotation(r, this.timeZone)]),
    );
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  /**
   * The rotations among `ids` visible to the caller, each able to say who is on call at an
   * instant: for escalation policies, whose tiers page a rotation's shift when the tier starts.
   */
  async rotasByIds(ids: readonly string[]): Promise<OnCallRota[]> {
    return (await this.rotations.findByIds(ids)).map((r) => ({
      ...mapRotation(r, this.timeZone),
      onCallAt: (at: Date) => onCallAt(this.rule(r), this.overrideRules(r), at).contactId,
    }));
  }

  async create(dto: RotationCreateDto): Promise<RotationView> {
    return this.db.transaction(async () => {
      const r = new Rotation();
      r.enterpriseId = ownerForCreate(this.context, dto.enterpriseId);
      r.overrides = [];
      await this.apply(r, dto);
      const view = mapRotation(await this.rotations.save(r), this.timeZone);
      await this.audit.record({
        action: 'rotation.created',
        entity: 'rotation',
        entityId: view.id,
        after: view,
      });
      return view;
    });
  }

  async update(id: string, dto: RotationUpdateDto): Promise<RotationView> {
    return this.db.transaction(async () => {
      const r = await this.rotations.getById(id);
      assertOwnerUnchanged(r.enterpriseId, dto.enterpriseId);
      const before = mapRotation(r, this.timeZone);
      await this.apply(r, dto);
      const view = mapRotation(await this.rotations.save(r), this.timeZone);
      await this.audit.record({
        action: 'rotation.updated',
        entity: 'rotation',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  async remove(id: string): Promise<void> {
    return this.db.transaction(async () => {
      const r = await this.rotations.getById(id);
      const before = mapRotation(r, this.timeZone);
      await this.rotations.remove(r);
      await this.audit.record({ action: 'rotation.deleted', entity: 'rotation', entityId: id, before });
    });
  }

  async addOverride(id: string, dto: OverrideCreateDto): Promise<RotationOverrideView> {
    return this.db.transaction(async () => {
      const r = await this.rotations.getById(id);
      const startsAt = new Date(dto.startsAt);
      const endsAt = new Date(dto.endsAt);
      if (endsAt.getTime() <= startsAt.getTime()) {
        throw new InvalidError(['endsAt: must be after startsAt']);
      }
      await checkMembers(this.contacts, 'contactId', [dto.contactId], r.enterpriseId);
      const saved = await this.rotations.addOverride(r, {
        rotationId: r.id,
        contactId: dto.contactId,
        startsAt,
        endsAt,
        reason: dto.reason ?? '',
      });
      const view = mapOverride(saved);
      await this.audit.record({
        action: 'rotation.override_added',
        entity: 'rotation',
        entityId: id,
        after: view,
      });
      return view;
    });
  }

  async removeOverride(id: string, overrideId: string): Promise<void> {
    return this.db.transaction(async () => {
      const r = await this.rotations.getById(id);
      const o = r.overrides.find((x) => x.id === overrideId);
      if (!o || !(await this.rotations.removeOverride(r, overrideId))) {
        throw new NotFoundError('Override not found');
      }
      await this.audit.record({
        action: 'rotation.override_removed',
        entity: 'rotation',
        entityId: id,
        before: mapOverride(o),
      });
    });
  }

  /** Who is on call for the rotation at `at` (now by default), with the contact record. */
  async onCallAt(rotationId: string, at: Date = new Date()): Promise<OnCallView> {
    const r = await this.rotations.getById(rotationId);
    const who = onCallAt(this.rule(r), this.overrideRules(r), at);
    const [contact] = who.contactId ? await this.contacts.findByIds([who.contactId]) : [];
    return {
      rotationId,
      at: at.toISOString(),
      contactId: who.contactId,
      contact: contact ? mapContact(contact) : null,
      source: who.source,
      shift: who.shift
        ? {
            index: who.shift.index,
            contactId: who.shift.contactId,
            startsAt: who.shift.startsAt.toISOString(),
            endsAt: who.shift.endsAt.toISOString(),
          }
        : null,
      override: who.override ? mapOverride(r.overrides.find((o) => o.id === who.override!.id)!) : null,
    };
  }

  async schedule(rotationId: string, from: Date, to: Date): Promise<RotationScheduleView> {
    if (to.getTime() <= from.getTime()) throw new InvalidError(['to: must be after from']);
    if (to.getTime() - from.getTime() > MAX_SCHEDULE_MS) {
      throw new InvalidError(['to: the range may span at most 62 days']);
    }
    const r = await this.rotations.getById(rotationId);
    const segments = scheduleBetween(this.rule(r), this.overrideRules(r), from, to);
    return {
      rotationId,
      from: from.toISOString(),
      to: to.toISOString(),
      timeZone: this.timeZone,
      segments: segments.map((s) => ({
        contactId: s.contactId,
        source: s.source,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
      })),
    };
  }

  private rule(r: Rotation): RotationRule {
    return {
      memberContactIds: r.memberContactIds,
      shiftHours: r.shiftHours,
      handoffTime: r.handoffTime,
      startDate: r.startDate,
      timeZone: this.timeZone,
    };
  }

  private overrideRules(r: Rotation): OverrideRule[] {
    return r.overrides.map((o) => ({
      id: o.id,
      contactId: o.contactId,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      createdAt: o.createdAt,
    }));
  }

  private async apply(r: Rotation, dto: RotationUpdateDto): Promise<void> {
    if (dto.name !== undefined) r.name = dto.name;
    if (dto.memberContactIds !== undefined) r.memberContactIds = dto.memberContactIds;
    if (dto.shiftHours !== undefined) r.shiftHours = dto.shiftHours;
    if (dto.handoffTime !== undefined) r.handoffTime = dto.handoffTime;
    if (dto.startDate !== undefined) r.startDate = dto.startDate;
    if (dto.notes !== undefined) r.notes = dto.notes;
    r.notes ??= '';
    if (dto.memberContactIds !== undefined) {
      await checkMembers(this.contacts, 'memberContactIds', r.memberContactIds, r.enterpriseId);
    }
  }
}
