import {
  HAZARD_CATEGORIES,
  HAZARD_LEVELS,
  HAZARD_STATUSES,
  type HazardStatsView,
  type RateView,
} from '@muster/contracts';
import type { HazardStatRow } from './hazard.repository.js';

function rate(numerator: number, denominator: number): RateView {
  return { numerator, denominator, rate: denominator ? numerator / denominator : null };
}

/** Zone-local months from `from` to `to` inclusive (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * The ledger's figures, from one row per hazard found in the period:
 * - rectification rate: closed / found;
 * - on-time rate: among closed hazards that had a deadline, closed on or before the deadline
 *   day (zone-local); hazards closed on the spot without a deadline are not counted either way;
 * - major-hazard rectification rate: closed major / found major (Order 16 target: 100 %);
 * - overdue: still open with the deadline day passed (`today`, zone-local);
 * - monthly: found per month of finding, closed per month of closing, over the period's months.
 */
export function computeStats(
  rows: HazardStatRow[],
  today: string,
  period: { from: string | null; to: string | null },
): HazardStatsView {
  const byLevel = Object.fromEntries(HAZARD_LEVELS.map((l) => [l, 0])) as HazardStatsView['byLevel'];
  const byStatus = Object.fromEntries(HAZARD_STATUSES.map((s) => [s, 0])) as HazardStatsView['byStatus'];
  const byCategory = new Map<string, number>();
  const byEnterprise = new Map<string, HazardStatsView['byEnterprise'][number]>();
  let closed = 0;
  let closedWithDeadline = 0;
  let onTime = 0;
  let major = 0;
  let majorClosed = 0;
  let overdueOpen = 0;
  const found = new Map<string, number>();
  const closedIn = new Map<string, number>();

  for (const r of rows) {
    byLevel[r.level]++;
    byStatus[r.status]++;
    byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + 1);
    const e = byEnterprise.get(r.enterpriseId) ?? {
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseName,
      total: 0,
      closed: 0,
      major: 0,
      overdue: 0,
    };
    e.total++;
    const isClosed = r.status === 'closed';
    const isOverdue = !isClosed && r.deadline !== null && today > r.deadline;
    if (isClosed) {
      closed++;
      e.closed++;
      if (r.deadline !== null) {
        closedWithDeadline++;
        if (r.closedDate !== null && r.closedDate <= r.deadline) onTime++;
      }
      if (r.closedMonth) closedIn.set(r.closedMonth, (closedIn.get(r.closedMonth) ?? 0) + 1);
    }
    if (r.level === 'major') {
      major++;
      e.major++;
      if (isClosed) majorClosed++;
    }
    if (isOverdue) {
      overdueOpen++;
      e.overdue++;
    }
    found.set(r.foundMonth, (found.get(r.foundMonth) ?? 0) + 1);
    byEnterprise.set(r.enterpriseId, e);
  }

  const seen = [...found.keys(), ...closedIn.keys()].sort();
  const first = period.from?.slice(0, 7) ?? seen[0];
  const last = period.to?.slice(0, 7) ?? (seen.length ? seen[seen.length - 1] : undefined);
  const months = first && last && first <= last ? monthsBetween(first, last) : [];

  return {
    from: period.from,
    to: period.to,
    total: rows.length,
    byLevel,
    byStatus,
    byCategory: HAZARD_CATEGORIES.filter((c) => byCategory.has(c)).map((category) => ({
      category,
      count: byCategory.get(category)!,
    })),
    byEnterprise: [...byEnterprise.values()].sort(
      (a, b) => b.total - a.total || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'),
    ),
    rectificationRate: rate(closed, rows.length),
    onTimeRate: rate(onTime, closedWithDeadline),
    majorRectificationRate: rate(majorClosed, major),
    overdueOpen,
    monthly: months.map((month) => ({
      month,
      found: found.get(month) ?? 0,
      closed: closedIn.get(month) ?? 0,
    })),
  };
}
