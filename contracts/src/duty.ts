/**
 * The zone's alerting policy (值班): whom a new incident pages, by grade and category, tier by
 * tier. The server resolves each target to people at the moment of paging (the duty officer is
 * whoever is on the duty rotation then) and runs them through the call-out ladder.
 */
import type { IncidentCategory, Severity } from './incidents.js';
import type { CalloutChannel } from './callouts.js';

export const DUTY_TARGET_KINDS = [
  /** The current member of the policy's duty rotation. */
  'duty_officer',
  /** Contacts linked to the zone's commander accounts. */
  'commanders',
  /** The safety lead of the incident's enterprise (the enterprise record names them). */
  'safety_lead',
  'team',
  'contact',
] as const;
export type DutyTargetKind = (typeof DUTY_TARGET_KINDS)[number];

/** Whose first acknowledgement takes the incident in charge. */
export const IN_CHARGE_TARGET_KINDS: readonly DutyTargetKind[] = ['duty_officer', 'commanders'];

export type DutyTarget =
  | { kind: 'duty_officer' | 'commanders' | 'safety_lead' }
  | { kind: 'team'; teamId: string }
  | { kind: 'contact'; contactId: string };

export interface DutyTier {
  /** Seconds to wait for an acknowledgement before the next tier is paged. */
  ackTimeoutSeconds: number;
  channels: CalloutChannel[];
  /** Seconds after the SMS before an unanswered person is called. */
  voiceDelaySeconds: number;
}

export interface DutyRule {
  /** The rule applies to incidents graded this or higher. */
  minSeverity: Severity;
  /** null: any category. */
  category: IncidentCategory | null;
  /** Index into the policy's tiers. */
  tier: number;
  targets: DutyTarget[];
}

export interface DutyPolicyView {
  enabled: boolean;
  dutyRotationId: string | null;
  dutyRotationName: string | null;
  tiers: DutyTier[];
  rules: DutyRule[];
  updatedAt: string | null;
}

export type DutyPolicyInput = Omit<DutyPolicyView, 'dutyRotationName' | 'updatedAt'>;
