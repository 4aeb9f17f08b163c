import type { Role } from '@muster/contracts';

/** The zone's staff follow the draws; enterprises learn of theirs through the inspection. */
export const SPOT_CHECK_READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator'];
/** The administrative committee draws: an inspector drawing the inspectors would choose themselves. */
export const SPOT_CHECK_WRITERS: Role[] = ['zone_admin'];
