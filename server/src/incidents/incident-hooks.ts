import { Injectable } from '@nestjs/common';
import type { Incident } from './incident.entity.js';

export type FiledListener = (incident: Incident) => Promise<void>;

/**
 * Lets other domains act on a new incident inside the filing transaction without the incident
 * module knowing them (drills alert their directors to a real incident this way).
 */
@Injectable()
export class IncidentHooks {
  private readonly filed: FiledListener[] = [];

  onFiled(listener: FiledListener): void {
    this.filed.push(listener);
  }

  async runFiled(incident: Incident): Promise<void> {
    for (const listener of this.filed) await listener(incident);
  }
}
