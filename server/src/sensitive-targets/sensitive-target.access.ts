import type { Role } from '@muster/contracts';

/**
 * Everyone who plans or runs a response reads the register: an enterprise's officer must know
 * which school or village its release would reach. Responders see only their call-outs.
 */
export const SENSITIVE_TARGET_READERS: Role[] = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
];
/** The register is the zone's: its administrators, commanders and inspectors keep it. */
export const SENSITIVE_TARGET_WRITERS: Role[] = ['zone_admin', 'commander', 'inspector'];
