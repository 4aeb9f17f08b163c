import {
  allAccounted,
  type RollCallEnterpriseView,
  type RollCallPointView,
  type RollCallTotals,
  type RollCallView,
} from '@muster/contracts';
import type {
  RollCall,
  RollCallCheckIn,
  RollCallCount,
  RollCallEnterprise,
  RollCallMissing,
  RollCallPoint,
} from './rollcall.entities.js';

/** Everything recorded of one roll call, as its repository reads it. */
export interface RollCallRecord {
  rollCall: RollCall;
  isDrill: boolean;
  points: RollCallPoint[];
  enterprises: RollCallEnterprise[];
  counts: RollCallCount[];
  checkIns: RollCallCheckIn[];
  missing: RollCallMissing[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const latest = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);

/**
 * The board's numbers. An enterprise's missing are its headcount less everyone accounted for at
 * any point. A point counts whoever was reported there (an enterprise may report some of its
 * people at another point) and expects them plus the missing of the enterprises sent to it:
 * the missing are sought where they should have arrived, and a point whose people all came
 * (wherever they were counted) is complete.
 */
export function mapRollCall(r: RollCallRecord, names: Map<string, string>): RollCallView {
  const enterprises: RollCallEnterpriseView[] = r.enterprises.map((e) => {
    const mine = r.counts.filter((c) => c.enterpriseId === e.enterpriseId);
    const accounted = mine.reduce((n, c) => n + c.accounted, 0);
    return {
      enterpriseId: e.enterpriseId,
      name: names.get(e.enterpriseId) ?? '',
      pointId: e.pointId,
      expected: e.expected,
      accounted,
      missing: e.expected === null ? null : Math.max(0, e.expected - accounted),
      counts: mine.map((c) => ({ pointId: c.pointId, accounted: c.accounted })),
      lastReportAt: iso(e.lastReportAt),
      lastChannel: e.lastChannel,
    };
  });
  const points: RollCallPointView[] = r.points.map((p) => {
    const here = r.counts.filter((c) => c.pointId === p.id);
    const accounted = here.reduce((n, c) => n + c.accounted, 0);
    const missing = enterprises
      .filter((e) => e.pointId === p.id)
      .reduce((n, e) => n + (e.missing ?? e.expected ?? 0), 0);
    const checkIns = r.checkIns.filter((c) => c.pointId === p.id);
    const last = [...here.map((c) => c.reportedAt), ...checkIns.map((c) => c.at)].reduce<Date | null>(
      latest,
      null,
    );
    return {
      id: p.id,
      code: p.code,
      label: p.label,
      lat: p.lat,
      lng: p.lng,
      source: p.source,
      sourceId: p.sourceId,
      expected: accounted + missing,
      accounted,
      missing,
      checkedIn: checkIns.length,
      lastReportAt: iso(last),
    };
  });
  const rc = r.rollCall;
  return {
    id: rc.id,
    incidentId: rc.incidentId,
    status: rc.status,
    isDrill: r.isDrill,
    openedAt: rc.openedAt.toISOString(),
    closedAt: iso(rc.closedAt),
    allAccountedAt: iso(rc.allAccountedAt),
    points,
    enterprises,
    checkIns: r.checkIns.map((c) => ({
      id: c.id,
      pointId: c.pointId,
      name: c.name,
      contactId: c.contactId,
      channel: c.channel,
      at: c.at.toISOString(),
    })),
    missingPersons: r.missing
      .filter((m) => !m.clearedAt)
      .map((m) => ({
        id: m.id,
        enterpriseId: m.enterpriseId,
        name: m.name,
        note: m.note,
        createdAt: m.createdAt.toISOString(),
      })),
    totals: totalsOf(enterprises, r.checkIns.length),
    final: rc.final,
    reportId: rc.reportId,
  };
}

export function totalsOf(enterprises: RollCallEnterpriseView[], checkedIn: number): RollCallTotals {
  const expected = enterprises.reduce((n, e) => n + (e.expected ?? 0), 0);
  const accounted = enterprises.reduce((n, e) => n + e.accounted, 0);
  const missing = enterprises.reduce((n, e) => n + (e.missing ?? 0), 0);
  return {
    expected,
    accounted,
    missing,
    reported: enterprises.filter((e) => e.expected !== null).length,
    enterprises: enterprises.length,
    checkedIn,
    complete: allAccounted(enterprises),
  };
}
