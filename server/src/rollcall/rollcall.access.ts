import type { Role } from '@muster/contracts';

/** Who sees an incident's roll calls: its room's members (the incident's scope decides the rest). */
export const ROLL_CALL_READERS: Role[] = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
];
/** Who opens and closes a roll call and picks its points and enterprises. */
export const ROLL_CALL_COMMAND: Role[] = ['zone_admin', 'commander'];
/** Who reports a headcount or names a missing person: commanders for any enterprise, officers for their own. */
export const ROLL_CALL_REPORTERS: Role[] = ['zone_admin', 'commander', 'enterprise_officer'];
/** Who checks in at a point: responders themselves, commanders for anyone. */
export const ROLL_CALL_CHECK_IN: Role[] = ['zone_admin', 'commander', 'responder'];
/** Who is asked something by an open roll call. */
export const ROLL_CALL_ASKED: Role[] = ['enterprise_officer', 'responder'];
