/**
 * Geo-targeted warnings (预警): everyone inside an area — the enterprises by their site, the
 * sensitive targets, the zone's people by where they last shared their position — is paged
 * through the call-out ladder, and every warning is also a CAP 1.2 alert on the public feed.
 */
import type { GeoPoint } from './api.js';
import type { RecipientStateValue } from './callouts.js';
import type { SensitiveTargetKind } from './sensitive-targets.js';

/**
 * The area to warn: a room map feature (a hazard zone or cordon polygon, or a circle), a threat
 * zone a consequence model computed in the room, or one drawn for the warning alone.
 */
export type WarningAreaSource =
  | { featureId: string }
  | { threatZoneId: string }
  | { polygon: number[][][] }
  | { circle: { center: GeoPoint; radiusM: number } };

/** The area as warned: a closed polygon ([lng, lat]) or a circle, and what it came from. */
export interface WarningArea {
  source: 'feature' | 'threat_zone' | 'drawn';
  /** The feature's or zone's id; null for a drawn area. */
  sourceId: string | null;
  /** The feature's label or the zone's level, for the board and CAP's areaDesc. */
  label: string;
  polygon: number[][][] | null;
  circle: { center: GeoPoint; radiusM: number } | null;
}

export const WARNING_ACTIONS = ['shelter_in_place', 'evacuate'] as const;
export type WarningAction = (typeof WARNING_ACTIONS)[number];

/** CAP 1.2 words (OASIS CAP 1.2 §3.2.2), as the schema spells them. */
export const CAP_CATEGORIES = ['Safety', 'Fire', 'Env', 'CBRNE', 'Health', 'Infra', 'Other'] as const;
export type CapCategory = (typeof CAP_CATEGORIES)[number];
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future'] as const;
export type CapUrgency = (typeof CAP_URGENCIES)[number];
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor'] as const;
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely'] as const;
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** `Alert` first; `Update` replaces, `Cancel` withdraws an earlier warning (CAP's msgType). */
export type WarningMsgType = 'Alert' | 'Update' | 'Cancel';

export type WarningTargetKind = 'enterprise' | 'sensitive_target' | 'zone_person';

/** Someone a warning pages on behalf of a target. */
export interface WarningPerson {
  /** A directory contact; null for a sensitive target's own contact number. */
  contactId: string | null;
  name: string;
  phone: string;
  /** The language the texts and calls speak to them in. */
  language: 'zh-CN' | 'en';
  /** In a drill: whether the person is on the drill's roster (only they are paged). */
  onRoster?: boolean;
}

/** A place or person inside the area, with who is paged for it. */
export interface WarningTarget {
  kind: WarningTargetKind;
  /** The enterprise's, sensitive target's or contact's id. */
  refId: string;
  name: string;
  sensitiveKind?: SensitiveTargetKind;
  populationDay?: number;
  populationNight?: number;
  people: WarningPerson[];
}

export interface WarningCounts {
  enterprises: number;
  sensitiveTargets: number;
  zonePeople: number;
  /** Distinct phone numbers the warning pages (in a drill: those on the roster). */
  phones: number;
  /** Distinct phone numbers inside the area that a drill leaves out (not on its roster). */
  outsideRoster: number;
  populationDay: number;
  populationNight: number;
}

export interface WarningPreview {
  area: WarningArea;
  isDrill: boolean;
  targets: WarningTarget[];
  counts: WarningCounts;
}

/** A person's delivery on the warning board: the call-out recipient's state and last delivery. */
export interface WarningDelivery {
  name: string;
  phone: string;
  state: RecipientStateValue | 'not_paged';
  /** The latest SMS or call status the provider reported. */
  lastDelivery: { channel: 'sms' | 'voice'; status: string } | null;
  acknowledgedAt: string | null;
}

export interface WarningBoardTarget extends Omit<WarningTarget, 'people'> {
  people: WarningDelivery[];
  /** Someone for the target has acknowledged. */
  acknowledged: boolean;
}

export interface WarningView {
  id: string;
  incidentId: string;
  isDrill: boolean;
  msgType: WarningMsgType;
  /** The warning this one updates or cancels. */
  referencesId: string | null;
  calloutId: string | null;
  area: WarningArea;
  event: string;
  text: string;
  action: WarningAction;
  assemblyPoint: { id: string; label: string; location: GeoPoint } | null;
  category: CapCategory;
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  counts: WarningCounts;
  targets: WarningBoardTarget[];
  /** Where the CAP 1.2 document of this warning is published. */
  capUrl: string;
  sentBy: string;
  sentAt: string;
}
