import { EMPTY_UNIT_OVERVIEW, UNIT_OVERVIEW_FIELDS, type UnitOverview } from '@muster/contracts';

/** What the enterprise record knows of a unit (the columns the overview is filled from). */
export interface UnitRecord {
  name: string;
  creditCode: string;
  address: string;
  industry: string;
  legalRepresentative: string;
  dutyPhone: string;
}

/**
 * 事故发生单位概况 (Decree 493 Art. 12 item 1) as a report keeps it: each field the filer gave,
 * else the enterprise record's. The record holds no scale or licences; those come from the
 * filer. Null when there is neither a record nor anything given (a zone report naming no unit).
 */
export function overviewFromRecord(
  record: UnitRecord | null,
  given: Partial<UnitOverview> | null | undefined,
): UnitOverview | null {
  if (!record && !given) return null;
  const fromRecord: Partial<UnitOverview> = record
    ? {
        name: record.name,
        creditCode: record.creditCode,
        address: record.address,
        nature: record.industry,
        legalRepresentative: record.legalRepresentative,
        phone: record.dutyPhone,
      }
    : {};
  const overview = { ...EMPTY_UNIT_OVERVIEW };
  for (const field of UNIT_OVERVIEW_FIELDS) {
    overview[field] = given?.[field] ?? fromRecord[field] ?? '';
  }
  return overview;
}
