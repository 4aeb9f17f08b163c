import type { CalloutView } from './callouts.js';
import type { IncidentView, ResponseLevel, TaskView } from './incidents.js';

/**
 * Activating a plan's response level for an incident (`POST /api/incidents/:id/activate-level`).
 * A level is activated once per incident and plan: activating it again is a 409. A level
 * activated while others run starts only what it adds: checklist items that are already tasks
 * of the room, and people already paged or coming, are not started again.
 */
export interface LevelActivation {
  incident: IncidentView;
  /** The tasks this activation added. */
  tasks: TaskView[];
  /** The call-out it started, or null when its policy names nobody who is not already paged. */
  callout: CalloutView | null;
  responseLevel: ResponseLevel;
  /** What of the level was already running, and so was not started again. */
  alreadyRunning: { tasks: string[]; people: string[] };
}

/** An earlier activation of a level of the same incident. */
export interface LevelActivationRecord {
  planId: string;
  levelId: string;
  responseLevel: ResponseLevel;
  activatedAt: string;
  activatedByName: string | null;
}

/**
 * What activating a level would do, for the commander to confirm first
 * (`POST /api/incidents/:id/activate-level/preview`, same body).
 */
export interface LevelActivationPreview {
  responseLevel: ResponseLevel;
  /** Set when this level of this plan is active already: activating it again is refused. */
  active: LevelActivationRecord | null;
  /** The levels activated for the incident so far, oldest first. */
  earlier: LevelActivationRecord[];
  /** What the level would start. */
  adds: { tasks: string[]; people: string[] };
  /** What the level names that is already running. */
  alreadyRunning: { tasks: string[]; people: string[] };
}
