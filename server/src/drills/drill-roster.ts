import type { Db } from '../database/db.js';

/** Who a drill may page: the roster's people and the members of its teams. */
export interface DrillRoster {
  runId: string;
  contactIds: Set<string>;
  /** The teams on the roster, the only ones a drill's call-out may name. */
  teamIds: Set<string>;
  /** People a `responder_unreachable` inject has taken out of reach for the rest of the drill. */
  unreachableContactIds: Set<string>;
}

/**
 * The roster of the drill run whose room is this incident. A drill incident without a run has
 * an empty roster: a drill's call-out reaches the roster or nobody, never the zone at large.
 */
export async function drillRosterFor(db: Db, incidentId: string): Promise<DrillRoster> {
  const [run]: { id: string; unreachable: string[] }[] = await db.manager.query(
    `SELECT id, unreachable_contact_ids AS unreachable FROM drill_run WHERE incident_id = $1`,
    [incidentId],
  );
  if (!run) return { runId: '', contactIds: new Set(), teamIds: new Set(), unreachableContactIds: new Set() };
  const teams: { team_id: string }[] = await db.manager.query(
    `SELECT team_id FROM drill_participant WHERE run_id = $1 AND kind = 'team'`,
    [run.id],
  );
  const rows: { contact_id: string }[] = await db.manager.query(
    `SELECT contact_id FROM drill_participant WHERE run_id = $1 AND kind = 'contact'
     UNION
     SELECT m.contact_id FROM drill_participant p JOIN team_member m ON m.team_id = p.team_id
      WHERE p.run_id = $1 AND p.kind = 'team'`,
    [run.id],
  );
  return {
    runId: run.id,
    contactIds: new Set(rows.map((r) => r.contact_id)),
    teamIds: new Set(teams.map((t) => t.team_id)),
    unreachableContactIds: new Set(run.unreachable),
  };
}
