import { Injectable } from '@nestjs/common';

/** Who a drill may page: the roster's people and the members of its teams. */
export interface DrillRoster {
  runId: string;
  contactIds: Set<string>;
  /** The teams on the roster, the only ones a drill's call-out may name. */
  teamIds: Set<string>;
  /** People a `responder_unreachable` inject has taken out of reach for the rest of the drill. */
  unreachableContactIds: Set<string>;
}

export type DrillRosterLookup = (incidentId: string) => Promise<DrillRoster>;

const NOBODY: DrillRoster = {
  runId: '',
  contactIds: new Set(),
  teamIds: new Set(),
  unreachableContactIds: new Set(),
};

/**
 * Where call-outs learn a drill's roster. The drills domain owns the rosters and registers its
 * lookup here when it starts, so call-outs keep the containment rule without depending on drills.
 * Without a lookup every drill's roster is empty: a drill's call-out reaches the roster or
 * nobody, never the zone at large.
 */
@Injectable()
export class DrillRosters {
  private lookup: DrillRosterLookup | null = null;

  provide(lookup: DrillRosterLookup): void {
    if (this.lookup) throw new Error('the drill roster lookup is already provided');
    this.lookup = lookup;
  }

  /** The roster of the drill run whose room is this incident. */
  async for(incidentId: string): Promise<DrillRoster> {
    return this.lookup ? this.lookup(incidentId) : NOBODY;
  }
}
