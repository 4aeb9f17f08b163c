import type { EnterpriseUpdateDto } from './enterprise.dto.js';

/** What an enterprise officer may change on their own enterprise; identity and risk are the zone's. */
export const OFFICER_EDITABLE: ReadonlyArray<keyof EnterpriseUpdateDto> = [
  'address',
  'location',
  'outline',
  'legalRepresentative',
  'actualController',
  'safetyLead',
  'dutyPhone',
];
