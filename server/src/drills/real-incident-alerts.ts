import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Db } from '../database/db.js';
import type { Incident } from '../incidents/incident.entity.js';
import { IncidentHooks } from '../incidents/incident-hooks.js';
import { RoomLog } from '../rooms/room-log.js';

/**
 * A real incident filed while drills run is put in front of every drill's director at once:
 * an event in each running drill room, committed together with the real report.
 */
@Injectable()
export class RealIncidentAlerts implements OnModuleInit {
  constructor(
    private readonly hooks: IncidentHooks,
    private readonly db: Db,
    private readonly rooms: RoomLog,
  ) {}

  onModuleInit(): void {
    this.hooks.onFiled((incident) => this.alert(incident));
  }

  private async alert(incident: Incident): Promise<void> {
    if (incident.isDrill) return;
    const runs: { id: string; incident_id: string }[] = await this.db.manager.query(
      `SELECT id, incident_id FROM drill_run WHERE status IN ('running', 'paused') AND incident_id IS NOT NULL`,
    );
    for (const run of runs) {
      await this.rooms.append(run.incident_id, 'drill.real_incident', {
        runId: run.id,
        incidentId: incident.id,
        title: incident.title,
        severity: incident.severity,
        category: incident.category,
        enterpriseName: incident.enterpriseName ?? null,
        location: { lat: incident.lat, lng: incident.lng },
      });
    }
  }
}
