import {
  type ChainActView,
  type FileView,
  formatReportDocumentNo,
  type IncidentReportView,
  type IncidentSummary,
  type IncidentView,
} from '@muster/contracts';
import type { Incident, IncidentReport } from './incident.entity.js';
import type { IncidentChainAct } from './reporting-chain.entity.js';
import { clockFacts, reportingClock } from './reporting.js';

/** `tz`: the zone's time zone (config `TZ`), in which day-counted windows end. */
export function mapIncident(i: Incident, tz: string, now = new Date()): IncidentView {
  return {
    id: i.id,
    enterpriseId: i.enterpriseId,
    enterpriseName: i.enterpriseName ?? null,
    title: i.title,
    category: i.category,
    occurredAt: i.occurredAt.toISOString(),
    location: { lat: i.lat, lng: i.lng },
    outsideZone: i.outsideZone,
    address: i.address,
    summary: i.summary,
    casualties: {
      deaths: i.deaths,
      missing: i.missing,
      seriousInjuries: i.seriousInjuries,
      minorInjuries: i.minorInjuries,
    },
    directLossCny: i.directLossCny,
    measuresTaken: i.measuresTaken,
    otherMatters: i.otherMatters ?? '',
    unitOverview: i.unitOverview ?? null,
    reporter: { name: i.reporterName, phone: i.reporterPhone },
    severity: i.severity,
    status: i.status,
    responseLevel: i.responseLevel,
    planId: i.planId,
    isDrill: i.isDrill,
    clock: reportingClock(clockFacts(i), tz, now),
    source: i.source,
    lastSeq: i.lastSeq,
    takenInChargeAt: i.takenInChargeAt?.toISOString() ?? null,
    takenInChargeBy: i.takenInChargeBy ?? null,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export function mapIncidentSummary(i: Incident, tz: string, now = new Date()): IncidentSummary {
  const clock = reportingClock(clockFacts(i), tz, now);
  return {
    id: i.id,
    title: i.title,
    category: i.category,
    severity: i.severity,
    status: i.status,
    responseLevel: i.responseLevel,
    location: { lat: i.lat, lng: i.lng },
    enterpriseName: i.enterpriseName ?? null,
    isDrill: i.isDrill,
    occurredAt: i.occurredAt.toISOString(),
    deadline: clock.deadline,
    late: clock.late,
    duty: clock.duty,
    takenInChargeAt: i.takenInChargeAt?.toISOString() ?? null,
    takenInChargeBy: i.takenInChargeBy ?? null,
  };
}

/** `files` holds the attachments' views (from the file store's `viewsByIds`); missing ones are left out. */
export function mapIncidentReport(
  r: IncidentReport,
  files: ReadonlyMap<string, FileView>,
  isDrill: boolean,
): IncidentReportView {
  return {
    id: r.id,
    incidentId: r.incidentId,
    kind: r.kind,
    casualties: {
      deaths: r.deaths,
      missing: r.missing,
      seriousInjuries: r.seriousInjuries,
      minorInjuries: r.minorInjuries,
    },
    directLossCny: r.directLossCny,
    summary: r.summary,
    unitOverview: r.unitOverview ?? null,
    measuresTaken: r.measuresTaken ?? '',
    otherMatters: r.otherMatters ?? '',
    attachments: (r.attachmentIds ?? []).flatMap((id) => files.get(id) ?? []),
    documentNo:
      typeof r.documentYear === 'number' && typeof r.documentSeq === 'number'
        ? formatReportDocumentNo(r.kind, { year: r.documentYear, seq: r.documentSeq }, isDrill)
        : null,
    severityAfter: r.severityAfter,
    outsideWindow: r.outsideWindow,
    submittedAt: r.submittedAt.toISOString(),
    submittedBy: r.submittedBy,
  };
}

export function mapChainAct(a: IncidentChainAct): ChainActView {
  return {
    id: a.id,
    incidentId: a.incidentId,
    kind: a.kind,
    at: a.at.toISOString(),
    level: a.level,
    recipient: a.recipient,
    channel: a.channel,
    senderName: a.senderName,
    fileId: a.fileId,
    note: a.note,
    extensionDays: a.extensionDays,
    approver: a.approver,
    recordedBy: a.recordedBy,
    recordedAt: a.recordedAt.toISOString(),
  };
}
