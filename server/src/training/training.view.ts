import type { TrainingAttendanceView, TrainingSessionView } from '@muster/contracts';
import type { TrainingAttendance, TrainingSession } from './training.entities.js';

export function signInPath(token: string): string {
  return `/training/sign-in/${token}`;
}

export function mapSession(
  s: TrainingSession,
  enterpriseNames: Map<string, string>,
  attendeeCount: number,
): TrainingSessionView {
  return {
    id: s.id,
    enterpriseId: s.enterpriseId,
    enterpriseName: s.enterpriseId ? (enterpriseNames.get(s.enterpriseId) ?? null) : null,
    kind: s.kind,
    title: s.title,
    trainer: s.trainer,
    startsAt: s.startsAt.toISOString(),
    hours: s.hours,
    content: s.content,
    materialFileIds: s.materialFileIds,
    drillRunId: s.drillRunId,
    signInPath: signInPath(s.signInToken),
    attendeeCount,
    createdAt: s.createdAt.toISOString(),
  };
}

export function mapAttendance(a: TrainingAttendance, contactName: string): TrainingAttendanceView {
  return {
    id: a.id,
    sessionId: a.sessionId,
    contactId: a.contactId,
    contactName,
    hours: a.hours,
    method: a.method,
    signedAt: a.signedAt.toISOString(),
  };
}
