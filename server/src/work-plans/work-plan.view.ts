import {
  type FileView,
  type Quarter,
  QUARTERS,
  type WorkPlanProgressReportView,
  type WorkPlanQuarterCell,
  type WorkPlanTemplateView,
  type WorkPlanVersionView,
  type WorkPlanView,
  quarterDueOn,
  quarterState,
} from '@muster/contracts';
import { zoneDate } from '../zone/zone-time.js';
import type { WorkPlan, WorkPlanReport, WorkPlanTemplate, WorkPlanVersion } from './work-plan.entities.js';

export function mapTemplate(t: WorkPlanTemplate): WorkPlanTemplateView {
  return {
    id: t.id,
    year: t.year,
    title: t.title,
    status: t.status,
    submissionDeadline: t.submissionDeadline,
    sections: t.sections,
    publishedAt: t.publishedAt?.toISOString() ?? null,
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** Whether a plan first submitted at `at` missed the template's deadline (zone-local days). */
export function submittedLate(at: Date | null, deadline: string | undefined, timeZone: string): boolean {
  return at !== null && deadline !== undefined && zoneDate(at, timeZone) > deadline;
}

export function mapPlan(
  p: WorkPlan,
  enterpriseName: string,
  deadline: string | undefined,
  timeZone: string,
): WorkPlanView {
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    enterpriseName,
    year: p.year,
    templateId: p.templateId,
    status: p.status,
    content: p.content,
    versions: p.versions,
    firstSubmittedAt: p.firstSubmittedAt?.toISOString() ?? null,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    submittedLate: submittedLate(p.firstSubmittedAt, deadline, timeZone),
    approvedAt: p.approvedAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function mapVersion(v: WorkPlanVersion, users: Map<string, string>): WorkPlanVersionView {
  return {
    version: v.version,
    content: v.content,
    submittedAt: v.submittedAt.toISOString(),
    submittedBy: v.submittedBy ? (users.get(v.submittedBy) ?? null) : null,
    late: v.late,
    decision: v.decision,
    reviewedAt: v.reviewedAt?.toISOString() ?? null,
    reviewedBy: v.reviewedBy ? (users.get(v.reviewedBy) ?? null) : null,
    comment: v.comment,
    sectionComments: v.sectionComments,
  };
}

export function mapReport(
  r: WorkPlanReport,
  year: number,
  timeZone: string,
  users: Map<string, string>,
  files: Map<string, FileView>,
): WorkPlanProgressReportView {
  const dueOn = quarterDueOn(year, r.quarter);
  return {
    quarter: r.quarter,
    dueOn,
    firstSubmittedAt: r.firstSubmittedAt.toISOString(),
    submittedAt: r.submittedAt.toISOString(),
    submittedBy: r.submittedBy ? (users.get(r.submittedBy) ?? null) : null,
    late: zoneDate(r.firstSubmittedAt, timeZone) > dueOn,
    note: r.note,
    entries: r.entries.map((e) => ({
      taskKey: e.taskKey,
      status: e.status,
      percent: e.percent,
      reason: e.reason,
      evidence: e.evidenceFileIds.flatMap((id) => {
        const f = files.get(id);
        return f ? [f] : [];
      }),
    })),
  };
}

/** The four cells of a plan's row in the zone's matrix (all not owed before approval). */
export function quarterCells(
  year: number,
  plan: Pick<WorkPlan, 'approvedAt'> | null,
  reports: readonly Pick<WorkPlanReport, 'quarter' | 'firstSubmittedAt'>[],
  today: string,
  timeZone: string,
): WorkPlanQuarterCell[] {
  const approvedOn = plan?.approvedAt ? zoneDate(plan.approvedAt, timeZone) : null;
  return QUARTERS.map((quarter: Quarter) => {
    const report = reports.find((r) => r.quarter === quarter);
    return {
      quarter,
      dueOn: quarterDueOn(year, quarter),
      state: quarterState({
        year,
        quarter,
        approvedOn,
        submittedOn: report ? zoneDate(report.firstSubmittedAt, timeZone) : null,
        today,
      }),
      submittedAt: report?.firstSubmittedAt.toISOString() ?? null,
    };
  });
}
