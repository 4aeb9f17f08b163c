import type { TFunction } from 'i18next';
import type { EnterpriseView, FileView, IncidentCategory, UnitOverview } from '../../contracts';
import type { LatLngTuple } from '../../map/enterprise-features';
import type { IncidentReportInput } from '../api';
import { parseAmount, parseCount, zonedInputToIso, type FieldErrors } from '../incident-model';

/**
 * The report form's values as typed, and the client's check that turns them into a report to
 * file. Pure: no React here.
 */

export const CASUALTY_FIELDS = ['deaths', 'missing', 'seriousInjuries', 'minorInjuries'] as const;
export type CasualtyField = (typeof CASUALTY_FIELDS)[number];

/** The form's fields as typed: figures stay text until the report is filed. */
export interface ReportValues {
  enterpriseId: string;
  title: string;
  category: IncidentCategory | '';
  occurredAt: string;
  location: LatLngTuple | null;
  address: string;
  summary: string;
  casualties: Record<CasualtyField, string>;
  loss: string;
  measures: string;
  otherMatters: string;
  /** 事故发生单位概况, filled from the enterprise record (`unitFor`) and editable. */
  unit: UnitOverview;
  unitFor: string | null;
  attachments: FileView[];
  reporterName: string;
  reporterPhone: string;
  /** Decree 493 Art. 9: the filer is the unit's head, or someone else (who may say when the head heard). */
  filerRole: 'unit_head' | 'other';
  /** When the unit's head was informed, zone-local; empty: not said. */
  headInformedAt: string;
  /** Zone roles: the enterprise reported it (e.g. by phone), or the zone learned of it elsewhere. */
  source: 'enterprise' | 'zone';
}

/**
 * The unit overview as the enterprise record gives it; scale and licences, which the record does
 * not hold, keep what was typed.
 */
export function unitFromRecord(e: EnterpriseView, typed: UnitOverview): UnitOverview {
  return {
    name: e.name,
    creditCode: e.creditCode,
    address: e.address,
    nature: e.industry,
    legalRepresentative: e.legalRepresentative,
    scale: typed.scale,
    licences: typed.licences,
    phone: e.dutyPhone,
  };
}

const PHONE = /^\+?[0-9][0-9\- ]{4,19}$/;

/** The casualty counts and the loss as far as they can be read (null: not a number). */
export function readFigures(values: ReportValues) {
  const counts = Object.fromEntries(
    CASUALTY_FIELDS.map((f) => [f, parseCount(values.casualties[f])]),
  ) as Record<CasualtyField, number | null>;
  return { counts, loss: parseAmount(values.loss) };
}

/**
 * The client's check of the values at `nowMs` (an occurrence may not lie in the future): the
 * problems by field, and the report to file when there are none.
 */
export function checkReport(
  values: ReportValues,
  { nowMs, timeZone, zoneRole, t }: { nowMs: number; timeZone: string; zoneRole: boolean; t: TFunction },
): { errors: FieldErrors; input: IncidentReportInput | null } {
  const { title, category, location, address, summary, reporterName, reporterPhone } = values;
  const { counts, loss: lossValue } = readFigures(values);
  const fields: Record<string, string[]> = {};
  const add = (field: string, message: string) => (fields[field] ??= []).push(message);
  if (title.trim().length === 0) add('title', t('incidents.form.required'));
  else if (title.trim().length < 2) add('title', t('incidents.form.tooShort'));
  if (!category) add('category', t('incidents.form.required'));
  const occurredIso = zonedInputToIso(values.occurredAt, timeZone);
  if (!occurredIso) add('occurredAt', t('incidents.form.invalidTime'));
  else if (Date.parse(occurredIso) > nowMs + 5 * 60_000) add('occurredAt', t('incidents.form.futureTime'));
  if (!location) add('location', t('incidents.form.locationRequired'));
  if (!address.trim()) add('address', t('incidents.form.required'));
  if (!summary.trim()) add('summary', t('incidents.form.required'));
  for (const f of CASUALTY_FIELDS)
    if (counts[f] === null) add(`casualties.${f}`, t('incidents.form.invalidCount'));
  if (lossValue === null) add('directLossCny', t('incidents.form.invalidAmount'));
  // The head's time, when given, may not precede the accident nor lie ahead of the clock.
  const headIso = values.headInformedAt ? zonedInputToIso(values.headInformedAt, timeZone) : null;
  if (values.headInformedAt) {
    if (!headIso) add('headInformedAt', t('incidents.form.invalidTime'));
    else if (Date.parse(headIso) > nowMs + 5 * 60_000) add('headInformedAt', t('incidents.form.futureTime'));
    else if (occurredIso && Date.parse(headIso) < Date.parse(occurredIso))
      add('headInformedAt', t('incidents.form.headBeforeOccurrence'));
  }
  // What the zone heard elsewhere is owed by an enterprise: it must be named.
  if (zoneRole && values.source === 'zone' && !values.enterpriseId)
    add('enterpriseId', t('incidents.form.required'));
  if (!reporterName.trim()) add('reporter.name', t('incidents.form.required'));
  if (!PHONE.test(reporterPhone.trim())) add('reporter.phone', t('incidents.form.invalidPhone'));
  const errors = { fields, general: [] };
  if (Object.keys(fields).length > 0 || !occurredIso || !location || !category || lossValue === null) {
    return { errors, input: null };
  }
  return {
    errors,
    input: {
      ...(zoneRole && values.enterpriseId ? { enterpriseId: values.enterpriseId } : {}),
      title: title.trim(),
      category,
      occurredAt: occurredIso,
      location: { lat: location[0], lng: location[1] },
      address: address.trim(),
      summary: summary.trim(),
      casualties: {
        deaths: counts.deaths ?? 0,
        missing: counts.missing ?? 0,
        seriousInjuries: counts.seriousInjuries ?? 0,
        minorInjuries: counts.minorInjuries ?? 0,
      },
      directLossCny: lossValue,
      measuresTaken: values.measures.trim(),
      otherMatters: values.otherMatters.trim(),
      // A report naming no enterprise has an overview only if the filer wrote one.
      ...(values.unitFor || Object.values(values.unit).some((v) => v.trim())
        ? { unitOverview: trimmedUnit(values.unit) }
        : {}),
      attachmentIds: values.attachments.map((f) => f.id),
      reporter: { name: reporterName.trim(), phone: reporterPhone.trim() },
      ...(zoneRole ? { source: values.source } : {}),
      ...(headIso ? { headInformedAt: headIso } : {}),
      ...(values.filerRole === 'unit_head' && values.source === 'enterprise'
        ? { filerIsUnitHead: true }
        : {}),
    },
  };
}

function trimmedUnit(u: UnitOverview): UnitOverview {
  return Object.fromEntries(Object.entries(u).map(([k, v]) => [k, v.trim()])) as unknown as UnitOverview;
}
