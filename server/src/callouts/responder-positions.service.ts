import { Injectable } from '@nestjs/common';
import type { RecipientStateValue, ResponderPositionView } from '@muster/contracts';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { IncidentRepository } from '../incidents/incident.repository.js';

interface PositionRow {
  recipient_id: string;
  callout_id: string;
  incident_id: string;
  incident_title: string;
  name: string;
  state: RecipientStateValue;
  lat: number;
  lng: number;
  located_at: Date | null;
}

/**
 * Responders' last known positions for the maps: one per person (by phone) and incident, the
 * latest they shared from the call-out link or the console. Nobody who declined is shown: they
 * are not coming, and where they are is theirs.
 */
@Injectable()
export class ResponderPositionsService {
  constructor(
    private readonly db: Db,
    private readonly incidents: IncidentRepository,
    private readonly context: RequestContext,
  ) {}

  /** The responders of one incident the caller may see. */
  async forIncident(incidentId: string): Promise<ResponderPositionView[]> {
    await this.incidents.getById(incidentId);
    return this.query('i.id = $1', [incidentId]);
  }

  /** The responders of every open incident in the caller's scope. */
  async open(): Promise<ResponderPositionView[]> {
    const scope = this.context.scope();
    if (scope.kind === 'none') return [];
    if (scope.kind === 'enterprise') {
      return this.query(`i.status <> 'closed' AND i.enterprise_id = $1`, [scope.enterpriseId]);
    }
    return this.query(`i.status <> 'closed'`, []);
  }

  private async query(where: string, params: unknown[]): Promise<ResponderPositionView[]> {
    const rows: PositionRow[] = await this.db.manager.query(
      `SELECT DISTINCT ON (i.id, r.phone)
              r.id AS recipient_id, c.id AS callout_id, i.id AS incident_id, i.title AS incident_title,
              r.name, r.state, (r.location->>'lat')::float8 AS lat, (r.location->>'lng')::float8 AS lng,
              r.located_at
         FROM callout_recipient r
         JOIN callout c ON c.id = r.callout_id
         JOIN incident i ON i.id = c.incident_id
        WHERE ${where} AND r.location IS NOT NULL AND r.state <> 'declined'
        ORDER BY i.id, r.phone, r.located_at DESC NULLS LAST, c.created_at DESC`,
      params,
    );
    return rows.map((row) => ({
      recipientId: row.recipient_id,
      calloutId: row.callout_id,
      incidentId: row.incident_id,
      incidentTitle: row.incident_title,
      name: row.name,
      state: row.state,
      lat: row.lat,
      lng: row.lng,
      locatedAt: row.located_at?.toISOString() ?? null,
    }));
  }
}
