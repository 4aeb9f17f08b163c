import { Inject, Injectable } from '@nestjs/common';
import {
  type DecisionBoardView,
  type DecisionDetail,
  type DecisionView,
  type LeadingGroupMemberView,
  type ListResponse,
  type MeetingDetail,
  type MeetingView,
  decisionActionFrom,
  nextDecisionStatus,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { ConflictError, ForbiddenError, InvalidError } from '../common/domain-errors.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { FileService } from '../files/file.service.js';
import { addDays, zoneDate } from '../zone/zone-time.js';
import type {
  DecisionActionDto,
  DecisionCreateDto,
  DecisionQueryDto,
  MeetingCreateDto,
  MeetingListQueryDto,
  MeetingUpdateDto,
  MemberChangeDto,
  MemberCreateDto,
  MemberEndDto,
} from './organisation.dto.js';
import {
  LeadingGroupDecision,
  LeadingGroupDecisionUpdate,
  LeadingGroupMeeting,
  LeadingGroupMember,
} from './organisation.entities.js';
import { LeadingGroupRepository } from './leading-group.repository.js';
import { mapDecision, mapMeeting, mapMember, type DecisionContext } from './organisation.view.js';

/** The group's office verifies a decision closed, or sends it back: the zone's administrators. */
const OFFICE_ACTIONS = new Set(['verify', 'return']);

@Injectable()
export class LeadingGroupService {
  constructor(
    private readonly db: Db,
    private readonly group: LeadingGroupRepository,
    private readonly contacts: ContactService,
    private readonly files: FileService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private today(): string {
    return zoneDate(this.clock.now(), this.config.TZ);
  }

  // -------------------------------------------------------------------------------------------
  // Members

  async members(withHistory = false): Promise<LeadingGroupMemberView[]> {
    const rows = await this.group.members(withHistory);
    const names = await this.names(rows.map((r) => r.contactId));
    return rows.map((r) => mapMember(r, names));
  }

  /** People of the zone's directory only: the group is the 管委会's. */
  private async zoneContact(id: string, field: string) {
    const [c] = await this.contacts.findByIds([id]);
    if (!c || c.enterpriseId !== null) {
      throw new InvalidError([`${field}: ${id} is not a person of the zone's directory`]);
    }
    return c;
  }

  async addMember(dto: MemberCreateDto): Promise<LeadingGroupMemberView> {
    const contact = await this.zoneContact(dto.contactId, 'contactId');
    return this.db.transaction(async () => {
      if (await this.group.currentPlaceOf(contact.id)) {
        throw new ConflictError(`${contact.name} already has a place in the leading group`);
      }
      const saved = await this.group.saveMember(
        Object.assign(new LeadingGroupMember(), {
          contactId: contact.id,
          role: dto.role,
          department: dto.department ?? contact.organization,
          post: dto.post ?? contact.post,
          fromDate: dto.fromDate,
          untilDate: null,
          note: dto.note ?? '',
        }),
      );
      const view = mapMember(saved, new Map([[contact.id, contact.name]]));
      await this.audit.record({
        action: 'leading_group_member.added',
        entity: 'leading_group_member',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  /** A new role, department or post from a day on: the current place ends the day before. */
  async changeMember(id: string, dto: MemberChangeDto): Promise<LeadingGroupMemberView> {
    return this.db.transaction(async () => {
      const current = await this.group.member(id);
      if (current.untilDate !== null) {
        throw new ConflictError('This place has ended; add the person to the group again instead');
      }
      if (dto.fromDate <= current.fromDate) {
        throw new InvalidError([`fromDate: must be after ${current.fromDate}, when the current place began`]);
      }
      const names = await this.names([current.contactId]);
      const before = mapMember(current, names);
      current.untilDate = addDays(dto.fromDate, -1);
      await this.group.saveMember(current);
      const saved = await this.group.saveMember(
        Object.assign(new LeadingGroupMember(), {
          contactId: current.contactId,
          role: dto.role,
          department: dto.department ?? current.department,
          post: dto.post ?? current.post,
          fromDate: dto.fromDate,
          untilDate: null,
          note: dto.note ?? '',
        }),
      );
      const view = mapMember(saved, names);
      await this.audit.record({
        action: 'leading_group_member.changed',
        entity: 'leading_group_member',
        entityId: saved.id,
        before,
        after: view,
      });
      return view;
    });
  }

  async endMember(id: string, dto: MemberEndDto): Promise<LeadingGroupMemberView> {
    return this.db.transaction(async () => {
      const m = await this.group.member(id);
      if (m.untilDate !== null) throw new ConflictError(`This place already ended on ${m.untilDate}`);
      if (dto.untilDate < m.fromDate) {
        throw new InvalidError([`untilDate: must be on or after ${m.fromDate}, when the place began`]);
      }
      const names = await this.names([m.contactId]);
      const before = mapMember(m, names);
      m.untilDate = dto.untilDate;
      if (dto.note) m.note = dto.note;
      const view = mapMember(await this.group.saveMember(m), names);
      await this.audit.record({
        action: 'leading_group_member.ended',
        entity: 'leading_group_member',
        entityId: m.id,
        before,
        after: view,
      });
      return view;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Meetings

  async meetings(q: MeetingListQueryDto): Promise<ListResponse<MeetingView>> {
    const { skip, take } = pageWindow(q);
    const [rows, total] = await this.group.meetings(skip, take);
    const counts = await this.group.decisionCounts(rows.map((m) => m.id));
    const names = await this.names(rows.flatMap((m) => m.attendeeContactIds));
    const files = await this.files.viewsByIds(rows.flatMap((m) => m.minutesFileIds));
    return { items: rows.map((m) => mapMeeting(m, names, files, counts.get(m.id))), total };
  }

  async meeting(id: string): Promise<MeetingDetail> {
    const m = await this.group.meeting(id);
    const decisions = await this.group.decisionsOfMeeting(id);
    const ctx = await this.decisionContext(decisions, [m]);
    const names = await this.names(m.attendeeContactIds);
    const files = await this.files.viewsByIds(m.minutesFileIds);
    const open = decisions.filter((d) => d.status === 'assigned' || d.status === 'in_progress').length;
    return {
      ...mapMeeting(m, names, files, { all: decisions.length, open }),
      decisions: decisions.map((d) => mapDecision(d, ctx)),
    };
  }

  private async checkAttendees(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = new Map((await this.contacts.findByIds(unique)).map((c) => [c.id, c]));
    const problems = unique
      .filter((id) => found.get(id)?.enterpriseId !== null)
      .map((id) => `attendeeContactIds: ${id} is not a person of the zone's directory`);
    if (problems.length) throw new InvalidError(problems);
    return unique;
  }

  async createMeeting(dto: MeetingCreateDto): Promise<MeetingView> {
    const attendees = await this.checkAttendees(dto.attendeeContactIds ?? []);
    return this.db.transaction(async () => {
      const fileIds = [...new Set(dto.minutesFileIds ?? [])];
      if (fileIds.length) await this.files.claim(fileIds, null, 'minutesFileIds');
      const saved = await this.group.saveMeeting(
        Object.assign(new LeadingGroupMeeting(), {
          kind: dto.kind,
          title: dto.title,
          heldOn: dto.heldOn,
          attendeeContactIds: attendees,
          otherAttendees: dto.otherAttendees ?? '',
          agenda: dto.agenda ?? '',
          minutes: dto.minutes ?? '',
          minutesFileIds: fileIds,
          createdBy: this.context.principal()?.id ?? null,
        }),
      );
      const view = mapMeeting(
        saved,
        await this.names(attendees),
        await this.files.viewsByIds(fileIds),
        undefined,
      );
      await this.audit.record({
        action: 'leading_group_meeting.created',
        entity: 'leading_group_meeting',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  /** Minutes are often written up after the meeting: every field may be changed later. */
  async updateMeeting(id: string, dto: MeetingUpdateDto): Promise<MeetingView> {
    const attendees = dto.attendeeContactIds ? await this.checkAttendees(dto.attendeeContactIds) : undefined;
    return this.db.transaction(async () => {
      const m = await this.group.meeting(id);
      const before = { ...m, createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString() };
      if (dto.heldOn && dto.heldOn !== m.heldOn) {
        const decisions = await this.group.decisionsOfMeeting(id);
        const early = decisions.find((d) => d.deadline < dto.heldOn!);
        if (early)
          throw new InvalidError([`heldOn: a decision of this meeting is due ${early.deadline}, before it`]);
      }
      const fileIds = dto.minutesFileIds ? [...new Set(dto.minutesFileIds)] : m.minutesFileIds;
      const added = fileIds.filter((f) => !m.minutesFileIds.includes(f));
      if (added.length) await this.files.claim(added, null, 'minutesFileIds');
      Object.assign(m, {
        ...(dto.kind !== undefined && { kind: dto.kind }),
        ...(dto.title !== undefined && { title: dto.title }),
        ...(dto.heldOn !== undefined && { heldOn: dto.heldOn }),
        ...(attendees !== undefined && { attendeeContactIds: attendees }),
        ...(dto.otherAttendees !== undefined && { otherAttendees: dto.otherAttendees }),
        ...(dto.agenda !== undefined && { agenda: dto.agenda }),
        ...(dto.minutes !== undefined && { minutes: dto.minutes }),
        minutesFileIds: fileIds,
      });
      const saved = await this.group.saveMeeting(m);
      const counts = await this.group.decisionCounts([id]);
      const view = mapMeeting(
        saved,
        await this.names(saved.attendeeContactIds),
        await this.files.viewsByIds(fileIds),
        counts.get(id),
      );
      await this.audit.record({
        action: 'leading_group_meeting.updated',
        entity: 'leading_group_meeting',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Decisions

  async addDecision(meetingId: string, dto: DecisionCreateDto): Promise<DecisionView> {
    const meeting = await this.group.meeting(meetingId);
    if (dto.deadline < meeting.heldOn) {
      throw new InvalidError([`deadline: must be on or after the meeting, ${meeting.heldOn}`]);
    }
    if (dto.responsibleContactId) await this.zoneContactFor(dto.responsibleContactId);
    return this.db.transaction(async () => {
      const saved = await this.group.saveDecision(
        Object.assign(new LeadingGroupDecision(), {
          meetingId,
          item: dto.item,
          department: dto.department,
          responsibleContactId: dto.responsibleContactId ?? null,
          deadline: dto.deadline,
          status: 'assigned',
          createdBy: this.context.principal()?.id ?? null,
        }),
      );
      const view = mapDecision(saved, await this.decisionContext([saved], [meeting]));
      await this.audit.record({
        action: 'leading_group_decision.created',
        entity: 'leading_group_decision',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  private zoneContactFor(id: string) {
    return this.zoneContact(id, 'responsibleContactId');
  }

  /** The 督办 board: items by state (open by default) and the open ones per department. */
  async board(q: DecisionQueryDto): Promise<DecisionBoardView> {
    const today = this.today();
    const rows = await this.group.decisions({ state: q.state ?? 'open', department: q.department, today });
    const ctx = await this.decisionContext(rows);
    return {
      items: rows.map((d) => mapDecision(d, ctx)),
      departments: await this.group.openByDepartment(today),
    };
  }

  async decision(id: string): Promise<DecisionDetail> {
    const d = await this.group.decision(id);
    return this.detail(d);
  }

  private async detail(d: LeadingGroupDecision): Promise<DecisionDetail> {
    const ctx = await this.decisionContext([d]);
    const updates = await this.group.updatesOf(d.id);
    const files = await this.files.viewsByIds(updates.flatMap((u) => u.fileIds));
    return {
      ...mapDecision(d, ctx),
      updates: updates.map((u) => ({
        id: u.id,
        action: u.action,
        status: u.status,
        note: u.note,
        files: u.fileIds.flatMap((f) => (files.has(f) ? [files.get(f)!] : [])),
        byName: u.byName,
        at: u.at.toISOString(),
      })),
    };
  }

  /**
   * One step of a decision. The responsible side reports progress and completion; the group's
   * office (the zone's administrators) verifies it closed or sends it back. Steps out of order
   * are refused, as are steps without their note (progress, the evidence, the reason).
   */
  async act(id: string, dto: DecisionActionDto): Promise<DecisionDetail> {
    const principal = this.context.principal();
    if (OFFICE_ACTIONS.has(dto.action) && principal?.role !== 'zone_admin') {
      throw new ForbiddenError(
        "Only the group's office (the zone's administrators) verifies or sends back a decision",
      );
    }
    const note = dto.note ?? '';
    if (dto.action !== 'verify' && !note) {
      throw new InvalidError([
        `note: required to ${dto.action === 'complete' ? 'report it done (the evidence)' : dto.action === 'return' ? 'send it back (why)' : 'report progress'}`,
      ]);
    }
    return this.db.transaction(async () => {
      const d = await this.group.lockDecision(id);
      const to = nextDecisionStatus(d.status, dto.action);
      if (!to) {
        throw new ConflictError(
          `Cannot ${dto.action} a decision that is ${d.status}; it must be ${decisionActionFrom(dto.action).join(' or ')}`,
        );
      }
      const fileIds = [...new Set(dto.fileIds ?? [])];
      if (fileIds.length) await this.files.claim(fileIds, null, 'fileIds');
      const before = d.status;
      d.status = to;
      await this.group.saveDecision(d);
      await this.group.saveUpdate(
        Object.assign(new LeadingGroupDecisionUpdate(), {
          decisionId: d.id,
          action: dto.action,
          status: to,
          note,
          fileIds,
          byUserId: principal?.id ?? null,
          byName: principal?.name ?? null,
          at: this.clock.now(),
        }),
      );
      await this.audit.record({
        action: `leading_group_decision.${dto.action}`,
        entity: 'leading_group_decision',
        entityId: d.id,
        before: { status: before },
        after: { status: to, note, fileIds },
      });
      return this.detail(d);
    });
  }

  private async decisionContext(
    decisions: LeadingGroupDecision[],
    known: LeadingGroupMeeting[] = [],
  ): Promise<DecisionContext> {
    const have = new Map(known.map((m) => [m.id, m]));
    const missing = decisions.map((d) => d.meetingId).filter((id) => !have.has(id));
    for (const m of await this.group.meetingsByIds(missing)) have.set(m.id, m);
    const names = await this.names(
      decisions.flatMap((d) => (d.responsibleContactId ? [d.responsibleContactId] : [])),
    );
    return { meetings: have, names, now: this.clock.now(), timeZone: this.config.TZ };
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    return new Map((await this.contacts.summariesByIds([...new Set(ids)])).map((c) => [c.id, c.name]));
  }
}
