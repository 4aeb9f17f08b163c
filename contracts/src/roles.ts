/** The six roles. Zone roles see the whole zone; the others are scoped. */
export const ROLES = [
  'zone_admin',
  'commander',
  'inspector',
  'enterprise_officer',
  'responder',
  'evaluator',
] as const;
export type Role = (typeof ROLES)[number];

export const ZONE_ROLES: readonly Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator'];

export function isZoneRole(role: Role): boolean {
  return ZONE_ROLES.includes(role);
}
