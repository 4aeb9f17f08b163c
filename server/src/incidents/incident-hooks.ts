import { Injectable } from '@nestjs/common';
import type { IncidentStatus, IncidentView, Severity } from '@muster/contracts';

export interface FiledListener {
  /**
   * A constant SQL expression that the statement inserting the incident evaluates in the same
   * transaction; its value is handed to `filed`. Filing is the path that must stay fast under
   * load, and a listener's lookup costs nothing extra this way, where its own query would cost a
   * round trip on every filing.
   */
  lookup?: string;
  filed(incident: IncidentView, lookedUp: unknown): Promise<void>;
}

export type StatusListener = (incident: IncidentView, from: IncidentStatus) => Promise<void>;

/** A supplementary report raised the incident's grade (`incident.severity` is the new one). */
export type RegradeListener = (incident: IncidentView, from: Severity) => Promise<void>;

/**
 * Lets other domains act on a new incident inside the filing transaction without the incident
 * module knowing them (drills alert their directors to a real incident this way).
 */
@Injectable()
export class IncidentHooks {
  private readonly listeners: FiledListener[] = [];
  private readonly statusListeners: StatusListener[] = [];
  private readonly regradeListeners: RegradeListener[] = [];

  /** Called inside the transaction of the supplementary report that raised the grade. */
  onRegraded(listener: RegradeListener): void {
    this.regradeListeners.push(listener);
  }

  async runRegraded(incident: IncidentView, from: Severity): Promise<void> {
    for (const listener of this.regradeListeners) await listener(incident, from);
  }

  /** Called inside the transaction that changes an incident's status (rooms release resources on close). */
  onStatusChanged(listener: StatusListener): void {
    this.statusListeners.push(listener);
  }

  async runStatusChanged(incident: IncidentView, from: IncidentStatus): Promise<void> {
    for (const listener of this.statusListeners) await listener(incident, from);
  }

  onFiled(listener: FiledListener): void {
    this.listeners.push(listener);
  }

  /** The listeners' lookups, in order; `runFiled` takes their values in the same order. */
  lookups(): string[] {
    return this.listeners.map((l) => l.lookup ?? 'NULL');
  }

  async runFiled(incident: IncidentView, lookedUp: unknown[]): Promise<void> {
    for (const [i, listener] of this.listeners.entries()) await listener.filed(incident, lookedUp[i]);
  }
}
