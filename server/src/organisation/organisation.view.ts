import {
  type DecisionView,
  type FileView,
  type LeadingGroupMemberView,
  type MeetingView,
  isDecisionOpen,
  isDecisionOverdue,
} from '@muster/contracts';
import { daysLeft } from '../reminders/reminder-stages.js';
import { zoneDate } from '../zone/zone-time.js';
import type {
  LeadingGroupDecision,
  LeadingGroupMeeting,
  LeadingGroupMember,
} from './organisation.entities.js';

export function mapMember(m: LeadingGroupMember, names: Map<string, string>): LeadingGroupMemberView {
  return {
    id: m.id,
    contactId: m.contactId,
    name: names.get(m.contactId) ?? '',
    role: m.role,
    department: m.department,
    post: m.post,
    fromDate: m.fromDate,
    untilDate: m.untilDate,
    note: m.note,
  };
}

export function mapMeeting(
  m: LeadingGroupMeeting,
  names: Map<string, string>,
  files: Map<string, FileView>,
  counts: { all: number; open: number } | undefined,
): MeetingView {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    heldOn: m.heldOn,
    attendees: m.attendeeContactIds.map((id) => ({ contactId: id, name: names.get(id) ?? '' })),
    otherAttendees: m.otherAttendees,
    agenda: m.agenda,
    minutes: m.minutes,
    minutesFiles: m.minutesFileIds.flatMap((id) => (files.has(id) ? [files.get(id)!] : [])),
    decisionCount: counts?.all ?? 0,
    openDecisionCount: counts?.open ?? 0,
    createdAt: m.createdAt.toISOString(),
  };
}

/** What a decision's view names besides itself: its meeting, the responsible person, today. */
export interface DecisionContext {
  meetings: Map<string, LeadingGroupMeeting>;
  names: Map<string, string>;
  now: Date;
  timeZone: string;
}

export function mapDecision(d: LeadingGroupDecision, ctx: DecisionContext): DecisionView {
  const meeting = ctx.meetings.get(d.meetingId);
  const today = zoneDate(ctx.now, ctx.timeZone);
  return {
    id: d.id,
    meetingId: d.meetingId,
    meetingTitle: meeting?.title ?? '',
    meetingHeldOn: meeting?.heldOn ?? '',
    item: d.item,
    department: d.department,
    responsibleContactId: d.responsibleContactId,
    responsibleName: d.responsibleContactId ? (ctx.names.get(d.responsibleContactId) ?? null) : null,
    deadline: d.deadline,
    status: d.status,
    overdue: isDecisionOverdue(d.status, d.deadline, today),
    daysLeft: isDecisionOpen(d.status) ? daysLeft(d.deadline, ctx.now, ctx.timeZone) : null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
