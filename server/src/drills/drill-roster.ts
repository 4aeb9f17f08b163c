import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type DrillRoster, DrillRosters } from '../callouts/drill-rosters.js';
import { Db } from '../database/db.js';
import { TeamService } from '../directory/team.service.js';

/**
 * Gives call-outs the roster of the drill run whose room an incident is. A drill incident
 * without a run has an empty roster: a drill's call-out reaches the roster or nobody.
 */
@Injectable()
export class DrillRosterLookup implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly rosters: DrillRosters,
    private readonly teams: TeamService,
  ) {}

  onModuleInit(): void {
    this.rosters.provide((incidentId) => this.rosterFor(incidentId));
  }

  private async rosterFor(incidentId: string): Promise<DrillRoster> {
    const [run]: { id: string; unreachable: string[] }[] = await this.db.manager.query(
      `SELECT id, unreachable_contact_ids AS unreachable FROM drill_run WHERE incident_id = $1`,
      [incidentId],
    );
    if (!run) {
      return { runId: '', contactIds: new Set(), teamIds: new Set(), unreachableContactIds: new Set() };
    }
    const roster: { kind: 'contact' | 'team'; contact_id: string | null; team_id: string | null }[] =
      await this.db.manager.query(
        `SELECT kind, contact_id, team_id FROM drill_participant WHERE run_id = $1 AND kind IN ('contact', 'team')`,
        [run.id],
      );
    const members = await this.teams.memberIdsOf(
      roster.flatMap((p) => (p.kind === 'team' && p.team_id ? [p.team_id] : [])),
    );
    const named = roster.flatMap((p) => (p.kind === 'contact' && p.contact_id ? [p.contact_id] : []));
    return {
      runId: run.id,
      contactIds: new Set([...named, ...members]),
      teamIds: new Set(roster.flatMap((p) => (p.kind === 'team' && p.team_id ? [p.team_id] : []))),
      unreachableContactIds: new Set(run.unreachable),
    };
  }
}
