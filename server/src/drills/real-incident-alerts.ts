import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { IncidentView } from '@muster/contracts';
import { IncidentHooks } from '../incidents/incident-hooks.js';
import { RoomLog } from '../room-log/room-log.js';

/**
 * A real incident filed while drills run is put in front of every drill's director at once:
 * an event in each running drill room, committed together with the real report.
 */
@Injectable()
export class RealIncidentAlerts implements OnModuleInit {
  constructor(
    private readonly hooks: IncidentHooks,
    private readonly rooms: RoomLog,
  ) {}

  onModuleInit(): void {
    this.hooks.onFiled({
      lookup: `(SELECT coalesce(json_agg(json_build_object('id', id, 'incidentId', incident_id)), '[]')
                  FROM drill_run WHERE status IN ('running', 'paused') AND incident_id IS NOT NULL)`,
      filed: (incident, runs) => this.alert(incident, runs as { id: string; incidentId: string }[]),
    });
  }

  private async alert(incident: IncidentView, runs: { id: string; incidentId: string }[]): Promise<void> {
    if (incident.isDrill) return;
    for (const run of runs) {
      await this.rooms.append(run.incidentId, 'drill.real_incident', {
        runId: run.id,
        incidentId: incident.id,
        title: incident.title,
        severity: incident.severity,
        category: incident.category,
        enterpriseName: incident.enterpriseName,
        location: incident.location,
      });
    }
  }
}
