import type { Role } from '../contracts';

/**
 * What each role may do with incidents, as the server's controllers allow it (incident.controller
 * and rooms.controller); the console offers only what the server will accept.
 */
export const REPORTERS: readonly Role[] = ['enterprise_officer', 'commander', 'zone_admin'];
/** Those who act in a room; inspectors and evaluators follow it and talk, but do not direct. */
export const ROOM_ACTORS: readonly Role[] = ['zone_admin', 'commander', 'enterprise_officer'];
/** Status and response level. */
export const COMMAND: readonly Role[] = ['zone_admin', 'commander'];

export const canFileReport = (role: Role): boolean => REPORTERS.includes(role);
