/** Everyone who reads the register: zone roles and the enterprise's own officers. */
export const INSTALLATION_READERS = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
] as const;
/** The register is kept by the enterprise and checked by the zone's inspectors. */
export const INSTALLATION_EDITORS = ['zone_admin', 'inspector', 'enterprise_officer'] as const;
