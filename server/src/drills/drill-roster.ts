import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type DrillRoster, DrillRosters } from '../callouts/drill-rosters.js';
import { Db } from '../database/db.js';

/**
 * Gives call-outs the roster of the drill run whose room an incident is. A drill incident
 * without a run has an empty roster: a drill's call-out reaches the roster or nobody.
 */
@Injectable()
export class DrillRosterLookup implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly rosters: DrillRosters,
  ) {}

  onModuleInit(): void {
    this.rosters.provide((incidentId) => this.rosterFor(incidentId));
  }

  private async rosterFor(incidentId: string): Promise<DrillRoster> {
    const [run]: { id: string; unreachable: string[] }[] = await this.db.manager.query(
      `SELECT id, unreachable_contact_ids AS unreachable FROM drill_run WHERE incident_id = $1`,
      [incidentId],
    );
    if (!run) return { runId: '', contactIds: new Set(), unreachableContactIds: new Set() };
    const rows: { contact_id: string }[] = await this.db.manager.query(
      `SELECT contact_id FROM drill_participant WHERE run_id = $1 AND kind = 'contact'
       UNION
       SELECT m.contact_id FROM drill_participant p JOIN team_member m ON m.team_id = p.team_id
        WHERE p.run_id = $1 AND p.kind = 'team'`,
      [run.id],
    );
    return {
      runId: run.id,
      contactIds: new Set(rows.map((r) => r.contact_id)),
      unreachableContactIds: new Set(run.unreachable),
    };
  }
}
