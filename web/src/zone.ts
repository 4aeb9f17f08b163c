/**
 * The zone's boundary and names come from the server's zone module, the one source for the map
 * and for the server's "is this report inside the zone" check, so the two cannot disagree about
 * where the zone ends.
 */
export { ZONE_BOUNDARY, ZONE_NAME } from '@muster/contracts';
