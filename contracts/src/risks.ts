/**
 * The risk register (安全风险分级管控): risk points of an enterprise, their assessments, control
 * measures, and what the zone map and table read of them. Grading rules: `risk-grading.ts`.
 */
import type { RiskClass } from './api.js';
import type { HazardCategory, HazardLevel, HazardStatus } from './hazards.js';
import type { ControlLevel, RiskMethod } from './risk-grading.js';

/** What a risk point is: a unit/area, a facility, a job (post) or an operation. */
export const RISK_POINT_KINDS = ['unit', 'facility', 'job', 'operation'] as const;
export type RiskPointKind = (typeof RISK_POINT_KINDS)[number];

/**
 * Where an enterprise's `riskClass` comes from: recorded by the zone until its first risk point
 * is assessed, then derived from its worst assessed point.
 */
export const RISK_CLASS_SOURCES = ['recorded', 'risk_points'] as const;
export type RiskClassSource = (typeof RISK_CLASS_SOURCES)[number];

/** One hazard factor (危险有害因素) of a risk point and what it can lead to. */
export interface RiskHazardFactor {
  factor: string;
  consequence: string;
}

export interface ControlMeasureView {
  id: string;
  text: string;
  level: ControlLevel;
  person: string;
  /** The hazard category a failed check of this measure is recorded under. */
  category: HazardCategory;
}

export interface RiskAssessmentView {
  id: string;
  method: RiskMethod;
  l: number;
  e: number | null;
  c: number | null;
  s: number | null;
  score: number;
  grade: RiskClass;
  note: string | null;
  assessedBy: string;
  assessedAt: string;
}

export interface RiskOpenHazard {
  id: string;
  code: string;
  description: string;
  level: HazardLevel;
  status: HazardStatus;
  deadline: string | null;
}

export interface RiskPointView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  name: string;
  kind: RiskPointKind;
  /** Where it is on site (workshop, area). */
  place: string;
  /** The post (岗位) whose notification card lists this point; null when none. */
  post: string | null;
  location: { lat: number; lng: number } | null;
  hazards: RiskHazardFactor[];
  measures: ControlMeasureView[];
  emergencyActions: string[];
  /** The latest assessment's; null until assessed. */
  grade: RiskClass | null;
  score: number | null;
  method: RiskMethod | null;
  assessedAt: string | null;
  /** Zone-local date the point is due for reassessment. */
  nextAssessmentOn: string | null;
  /** False when no measure is owned at the level the grade requires (RISK_CONTROL_TABLE). */
  controlLevelReached: boolean;
  openHazardCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface RiskPointDetailView extends RiskPointView {
  assessments: RiskAssessmentView[];
  openHazards: RiskOpenHazard[];
}

/** A post risk notification card (岗位风险告知卡): every risk point of one post. */
export interface PostRiskCardView {
  enterpriseId: string;
  enterpriseName: string;
  dutyPhone: string;
  post: string;
  /** The worst grade of its points. */
  grade: RiskClass | null;
  points: RiskPointView[];
}

/** A risk point as the zone map draws it. */
export interface RiskMapPoint {
  id: string;
  enterpriseId: string;
  name: string;
  grade: RiskClass | null;
  lat: number;
  lng: number;
}

export type RiskGradeCounts = Record<RiskClass | 'unassessed', number>;

export interface RiskZoneStats {
  total: RiskGradeCounts;
  byIndustry: { industry: string; counts: RiskGradeCounts }[];
  byEnterprise: { enterpriseId: string; enterpriseName: string; industry: string; counts: RiskGradeCounts }[];
  /** Assessed points by their grade at each quarter's end (the current quarter: today), oldest first. */
  byQuarter: { quarter: string; counts: Record<RiskClass, number> }[];
}

/** The inspection plans generated from an enterprise's risk points, one per check frequency. */
export interface RiskInspectionPlansResult {
  plans: { planId: string; grade: RiskClass; frequency: string; items: number }[];
}
