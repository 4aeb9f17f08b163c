/**
 * Drill compliance (MEM Order 2 (2019) Art. 33): every unit drills its comprehensive or special
 * plan at least once a year and its on-site disposal plan at least every half year; the units the
 * article lists (its regulatory category, recorded on the enterprise) drill a plan of any level at
 * least every half year and report each drill to the competent department. Pure: the service
 * loads the facts, this decides.
 *
 * Dates are zone-local calendar days ('YYYY-MM-DD'). A drill that ends at 23:30 on 31 August in
 * Asia/Shanghai was done on 31 August even though it is still 31 August 15:30 in UTC, and one that
 * ends at 00:30 on 1 September was done on 1 September although UTC still says 31 August.
 */
import {
  type ComplianceItem,
  type ComplianceReport,
  type DrillRequirement,
  type PlanType,
  type PlanVsDone,
  type RegulatoryCategory,
  type UnreportedDrill,
  isArt33Listed,
} from '@muster/contracts';

export interface ComplianceEnterprise {
  id: string;
  name: string;
  /** Art. 33 category as the zone recorded it; null (not yet recorded) is held to the general rule. */
  regulatoryCategory: RegulatoryCategory | null;
  /**
   * Whether the unit holds a registered major hazard installation (重大危险源): it stores or uses
   * hazardous chemicals in quantity, an activity Art. 33 lists, whatever its category says.
   * Filled from the installation register (a unit identified and graded per GB 18218-2018); unset
   * counts as none. Never derived from the risk colour (重大风险).
   */
  majorHazardInstallation?: boolean;
}

/** A plan that has a published version in force. */
export interface CompliancePlan {
  enterpriseId: string;
  type: PlanType;
  /** When the plan was first published (its first version, even if since superseded). */
  firstPublishedAt: Date;
}

/** A drill run that has ended. */
export interface ComplianceRun {
  id: string;
  enterpriseId: string;
  /** The type of the plan the scenario exercised; null when it exercised none. */
  planType: PlanType | null;
  endedAt: Date;
}

/** An ended plan drill with no report to the competent department recorded. */
export interface UnreportedRun {
  id: string;
  enterpriseId: string;
  title: string;
  planType: PlanType;
  endedAt: Date;
}

export interface ComplianceInput {
  enterprises: ComplianceEnterprise[];
  plans: CompliancePlan[];
  runs: ComplianceRun[];
  /** Ended plan drills without a department report; only those of listed units are flagged. */
  unreportedRuns?: UnreportedRun[];
  /** The yearly drill plans' entries and the year's ended drills, the zone's own included. */
  plannedDrills?: PlannedDrill[];
  doneDrills?: DoneDrill[];
  /** Compare the zone's own plan and drills too (a zone caller's whole-zone report). */
  includeZone?: boolean;
  now: Date;
  timeZone: string;
}

/** Which ended runs satisfy a requirement: the run's plan type decides, not its scenario's form. */
const SATISFIES: Record<DrillRequirement, readonly PlanType[]> = {
  comprehensive_or_special: ['comprehensive', 'special'],
  on_site: ['on_site'],
  any_plan: ['comprehensive', 'special', 'on_site'],
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone-local calendar day of an instant. */
export function zoneDay(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}

/**
 * The same day `months` later; a day the target month lacks becomes its last day (31 August + 6
 * months = 28 February, or 29 in a leap year), so a due date never spills into the next month.
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A unit Art. 33 lists: by its recorded category, or because it holds a major hazard installation. */
export function isListed(e: ComplianceEnterprise): boolean {
  return isArt33Listed(e.regulatoryCategory) || e.majorHazardInstallation === true;
}

/**
 * The compliance of every enterprise that has a published plan.
 *
 * - `comprehensive_or_special`, yearly, applies to every such enterprise (Art. 33 binds the unit,
 *   not a plan type); `on_site`, half-yearly, to one with a published on-site disposal plan;
 *   `any_plan`, half-yearly, to a listed unit without an on-site plan (Art. 33 para. 2: "至少每半年组织一次生产安全事故
 *   应急预案演练" — a drill of any of its plans, on-site included).
 * - Due date: the zone-local day the last satisfying drill ended, plus the interval.
 * - With no satisfying drill yet, the clock starts when the duty arose: the first publication of
 *   the earliest plan the requirement concerns (any of the unit's plans for
 *   `comprehensive_or_special` and `any_plan`, its on-site plans for `on_site`). A unit whose plan
 *   was published more than an interval ago and has never drilled is therefore overdue, and a
 *   newly published plan gives the unit one full interval before it is.
 * - An enterprise without any published plan has no start date and is not listed; the plans
 *   register is where a missing plan shows.
 * - Overdue when the due day is before today (a drill on the due day itself is in time).
 * - A listed unit's ended plan drill without its report to the department is listed in
 *   `unreported`, whatever its plans.
 */
export function complianceReport(input: ComplianceInput): ComplianceReport {
  const today = zoneDay(input.now, input.timeZone);
  const items: ComplianceItem[] = [];

  for (const e of input.enterprises) {
    const plans = input.plans.filter((p) => p.enterpriseId === e.id);
    if (plans.length === 0) continue;
    const listed = isListed(e);
    const runs = input.runs.filter((r) => r.enterpriseId === e.id);

    const requirement = (
      requirement: DrillRequirement,
      intervalMonths: 6 | 12,
      basis: CompliancePlan[],
    ): ComplianceItem => {
      const last = latest(
        runs.filter((r) => r.planType !== null && SATISFIES[requirement].includes(r.planType)),
      );
      const lastDrillOn = last ? zoneDay(last.endedAt, input.timeZone) : null;
      const start = lastDrillOn ?? zoneDay(earliest(basis.map((p) => p.firstPublishedAt)), input.timeZone);
      const dueOn = addMonths(start, intervalMonths);
      const daysUntilDue = daysBetween(today, dueOn);
      return {
        enterpriseId: e.id,
        enterpriseName: e.name,
        requirement,
        intervalMonths,
        category: e.regulatoryCategory,
        listed,
        lastDrillOn,
        lastRunId: last?.id ?? null,
        dueOn,
        overdue: daysUntilDue < 0,
        daysUntilDue,
      };
    };

    items.push(requirement('comprehensive_or_special', 12, plans));
    const onSite = plans.filter((p) => p.type === 'on_site');
    if (onSite.length) items.push(requirement('on_site', 6, onSite));
    // An on-site duty already asks for a drill every half year, which any-plan would repeat.
    else if (listed) items.push(requirement('any_plan', 6, plans));
  }

  items.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN') ||
      a.enterpriseId.localeCompare(b.enterpriseId) ||
      a.requirement.localeCompare(b.requirement),
  );

  const byId = new Map(input.enterprises.map((e) => [e.id, e]));
  const unreported: UnreportedDrill[] = (input.unreportedRuns ?? [])
    .filter((r) => {
      const e = byId.get(r.enterpriseId);
      return e !== undefined && isListed(e);
    })
    .sort((a, b) => a.endedAt.getTime() - b.endedAt.getTime() || a.id.localeCompare(b.id))
    .map((r) => ({
      runId: r.id,
      enterpriseId: r.enterpriseId,
      enterpriseName: byId.get(r.enterpriseId)!.name,
      title: r.title,
      planType: r.planType,
      endedOn: zoneDay(r.endedAt, input.timeZone),
    }));

  return {
    asOf: input.now.toISOString(),
    items,
    overdue: items.filter((i) => i.overdue),
    unreported,
    planned: planVsDone(
      [
        ...(input.includeZone ? [{ id: null, name: null }] : []),
        ...input.enterprises.map((e) => ({ id: e.id, name: e.name })),
      ],
      input.plannedDrills ?? [],
      input.doneDrills ?? [],
      input.now,
      input.timeZone,
    ),
  };
}

function latest(runs: ComplianceRun[]): ComplianceRun | null {
  let best: ComplianceRun | null = null;
  for (const r of runs) if (!best || r.endedAt.getTime() > best.endedAt.getTime()) best = r;
  return best;
}

function earliest(dates: Date[]): Date {
  return new Date(Math.min(...dates.map((d) => d.getTime())));
}

const PLAN_LEVELS: readonly PlanType[] = ['comprehensive', 'special', 'on_site'];

/** A unit whose yearly drill plan is compared: an enterprise, or the zone itself (id null). */
export interface PlanUnit {
  id: string | null;
  name: string | null;
}

/** A planned drill of a yearly plan. */
export interface PlannedDrill {
  enterpriseId: string | null;
  year: number;
  month: number;
  planType: PlanType;
}

/** An ended drill, the zone's own ones included (enterpriseId null). */
export interface DoneDrill {
  enterpriseId: string | null;
  planType: PlanType | null;
  endedAt: Date;
}

/**
 * The year's drill plan of each unit against its ended drills, per plan level (Art. 33 "应急预案
 * 演练计划"). Done counts the drills that ended in the zone-local year; a drill planned for a month
 * is behind only once that month is over; a drill that exercised no plan counts at no level.
 */
export function planVsDone(
  units: PlanUnit[],
  planned: PlannedDrill[],
  done: DoneDrill[],
  now: Date,
  timeZone: string,
): PlanVsDone[] {
  const today = zoneDay(now, timeZone);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return units.map((u) => {
    const mine = planned.filter((p) => p.enterpriseId === u.id && p.year === year);
    const drills = done.filter(
      (d) =>
        d.enterpriseId === u.id && d.planType !== null && zoneDay(d.endedAt, timeZone).startsWith(`${year}-`),
    );
    const byType = PLAN_LEVELS.map((planType) => ({
      planType,
      planned: mine.filter((p) => p.planType === planType).length,
      plannedToDate: mine.filter((p) => p.planType === planType && p.month < month).length,
      done: drills.filter((d) => d.planType === planType).length,
    }));
    return {
      enterpriseId: u.id,
      enterpriseName: u.name,
      year,
      hasPlan: mine.length > 0,
      byType,
      behind: byType.some((t) => t.done < t.plannedToDate),
    };
  });
}
