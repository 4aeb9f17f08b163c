import type { Role } from '@muster/contracts';

/** Everyone who reads the directory reads who was trained. */
export const TRAINING_READERS: Role[] = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
];
/** Organisers: the zone's staff who run its classes (inspectors train too) and enterprise officers. */
export const TRAINING_WRITERS: Role[] = ['zone_admin', 'commander', 'inspector', 'enterprise_officer'];
