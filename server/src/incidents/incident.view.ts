import type { IncidentReportView, IncidentSummary, IncidentView } from '@muster/contracts';
import type { Incident, IncidentReport } from './incident.entity.js';
import { reportingClock } from './reporting.js';

export function mapIncident(i: Incident): IncidentView {
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
    reporter: { name: i.reporterName, phone: i.reporterPhone },
    severity: i.severity,
    status: i.status,
    responseLevel: i.responseLevel,
    planId: i.planId,
    isDrill: i.isDrill,
    clock: reportingClock(i.category, i.occurredAt, i.reportedAt),
    lastSeq: i.lastSeq,
    takenInChargeAt: i.takenInChargeAt?.toISOString() ?? null,
    takenInChargeBy: i.takenInChargeBy ?? null,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export function mapIncidentSummary(i: Incident): IncidentSummary {
  const clock = reportingClock(i.category, i.occurredAt, i.reportedAt);
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

export function mapIncidentReport(r: IncidentReport): IncidentReportView {
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
    severityAfter: r.severityAfter,
    outsideWindow: r.outsideWindow,
    submittedAt: r.submittedAt.toISOString(),
    submittedBy: r.submittedBy,
  };
}
