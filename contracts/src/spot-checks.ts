import type { RiskClass } from './api.js';
import type { HazardCategory } from './hazards.js';

/**
 * The double random draw (双随机、一公开): the zone draws at random both the enterprises to check
 * and the inspectors who check each, records the seed and both candidate lists so that anyone can
 * draw again and get the same pairs, and publishes the result.
 */
export const SPOT_CHECK_STATUSES = ['draft', 'drawn', 'published'] as const;
export type SpotCheckStatus = (typeof SPOT_CHECK_STATUSES)[number];

/** The generator and shuffle a draw used; a later change of either gets a new name. */
export const DRAW_ALGORITHM = 'xoroshiro128plus/partial-fisher-yates/v1';

/** An inspector who may not check an enterprise (回避), or any enterprise of the task. */
export interface SpotCheckRecusal {
  inspectorId: string;
  /** null: recused from the whole task. */
  enterpriseId: string | null;
  reason: string;
}

export interface SpotCheckFilters {
  /** Empty: every industry. */
  industries: string[];
  /** Empty: every class. */
  riskClasses: RiskClass[];
  excludedEnterpriseIds: string[];
  /** Leave out enterprises a zone inspection or spot check covered within this many days. */
  excludeCheckedWithinDays: number | null;
}

export interface SpotCheckTaskView extends SpotCheckFilters {
  id: string;
  title: string;
  /** The scheduled inspections are due within this period (zone-local dates). */
  periodStart: string;
  periodEnd: string;
  enterpriseCount: number;
  inspectorsPerEnterprise: number;
  recusals: SpotCheckRecusal[];
  checklist: { text: string; category: HazardCategory }[];
  status: SpotCheckStatus;
  publishedAt: string | null;
  createdAt: string;
}

export interface SpotCheckEnterpriseCandidate {
  id: string;
  name: string;
  industry: string;
  riskClass: RiskClass;
}

export const SPOT_CHECK_EXCLUSIONS = ['industry', 'risk_class', 'excluded', 'checked_recently'] as const;
export type SpotCheckExclusion = (typeof SPOT_CHECK_EXCLUSIONS)[number];

/** Who may be drawn now, and who is left out and why. */
export interface SpotCheckCandidatesView {
  enterprises: SpotCheckEnterpriseCandidate[];
  excludedEnterprises: (SpotCheckEnterpriseCandidate & { reason: SpotCheckExclusion })[];
  inspectors: { id: string; name: string }[];
  recusedInspectors: { id: string; name: string; reason: string }[];
}

export interface SpotCheckPair {
  enterpriseId: string;
  inspectorIds: string[];
}

export interface SpotCheckPairView {
  enterpriseId: string;
  enterpriseName: string;
  inspectors: { id: string; name: string }[];
  inspectionId: string | null;
}

export interface SpotCheckDrawView {
  id: string;
  taskId: string;
  /** 1 for the first draw, 2 for a redraw… */
  seq: number;
  /** 128 bits, hexadecimal: the generator's starting state. */
  seed: string;
  algorithm: string;
  /** Ids in the order the draw took them from. */
  enterpriseCandidates: string[];
  inspectorCandidates: string[];
  /** Pairs that may not be drawn (an inspector recused from one enterprise). */
  recusals: { inspectorId: string; enterpriseId: string }[];
  pairs: SpotCheckPairView[];
  /** Why this draw replaced the one before; null for the first. */
  reason: string | null;
  /** A later draw replaced this one; it stays on the record. */
  superseded: boolean;
  /** The name of who drew. */
  drawnBy: string | null;
  drawnAt: string;
}

export interface SpotCheckTaskDetail extends SpotCheckTaskView {
  draws: SpotCheckDrawView[];
}

export interface SpotCheckVerifyView {
  drawId: string;
  matches: boolean;
  /** The pairs drawn again from the recorded seed and lists. */
  pairs: SpotCheckPair[];
}
