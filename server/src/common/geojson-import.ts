import type { ImportProblem } from '@muster/contracts';
import { InvalidError } from './domain-errors.js';
import { MAX_IMPORT_ROWS, type UploadedTable } from './tabular.js';

/** A `.geojson` file (or one sent as GeoJSON): imported feature by feature, like the rows of a sheet. */
export function isGeoJson(file: UploadedTable | undefined): boolean {
  if (!file) return false;
  const name = file.originalname.toLowerCase();
  return name.endsWith('.geojson') || file.mimetype === 'application/geo+json';
}

/** One feature of an imported collection: its properties as the texts a sheet's cells would hold. */
export interface ImportedFeature {
  /** Numbered from 1, as a sheet's rows are. */
  row: number;
  values: Record<string, string>;
  /** The properties as sent, for what a register reads beyond its columns (an export's ids). */
  properties: Record<string, unknown>;
  geometry: { type?: unknown; coordinates?: unknown };
}

/** Which properties a register imports, and which of an export's it ignores as worked out. */
export interface FeatureFields {
  /** Named in a refused property's problem: "is not a field of <what>". */
  what: string;
  imports: (property: string) => boolean;
  derived: ReadonlySet<string>;
}

/**
 * A FeatureCollection → one entry per feature. A file that is not one is refused whole; a
 * feature whose shape or properties are wrong is reported by its number and field and left out
 * (properties it does not import are reported, and the feature kept). The feature's `id` stands
 * for an `id` property it lacks, so an export imports back onto its records.
 */
export function readFeatures(
  file: UploadedTable,
  fields: FeatureFields,
  problems: ImportProblem[],
): ImportedFeature[] {
  if (!file.buffer?.length) throw new InvalidError(['file: a non-empty file is required']);
  let doc: unknown;
  try {
    doc = JSON.parse(file.buffer.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InvalidError([`file: not readable as GeoJSON (${(e as Error).message})`]);
  }
  const collection = (doc ?? {}) as { type?: unknown; features?: unknown };
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new InvalidError(['file: must be a GeoJSON FeatureCollection']);
  }
  const list = collection.features as unknown[];
  if (list.length === 0) throw new InvalidError(['file: has no features']);
  if (list.length > MAX_IMPORT_ROWS) {
    throw new InvalidError([`file: has ${list.length} features; at most ${MAX_IMPORT_ROWS} per import`]);
  }
  const features: ImportedFeature[] = [];
  list.forEach((raw, i) => {
    const row = i + 1;
    const f = (raw ?? {}) as { type?: unknown; id?: unknown; geometry?: unknown; properties?: unknown };
    if (f.type !== 'Feature') {
      problems.push({ row, field: 'type', problem: 'must be "Feature"' });
      return;
    }
    const props = f.properties ?? {};
    if (typeof props !== 'object' || Array.isArray(props)) {
      problems.push({ row, field: 'properties', problem: 'must be an object' });
      return;
    }
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(props as Record<string, unknown>)) {
      if (fields.derived.has(k) || v === null || v === undefined) continue;
      if (!fields.imports(k)) {
        problems.push({ row, field: `properties.${k}`, problem: `is not a field of ${fields.what}` });
        continue;
      }
      if (typeof v === 'object') {
        problems.push({ row, field: k, problem: 'must be a text, number or boolean' });
        continue;
      }
      values[k] = String(v).trim();
    }
    if (values.id === undefined && typeof f.id === 'string') values.id = f.id;
    features.push({
      row,
      values,
      properties: props as Record<string, unknown>,
      geometry: (f.geometry ?? {}) as ImportedFeature['geometry'],
    });
  });
  return features;
}

/** A GeoJSON Point's [lng, lat], or null when the geometry is not one. */
export function pointPosition(g: ImportedFeature['geometry']): { lng: number; lat: number } | null {
  const c = g.coordinates;
  if (g.type !== 'Point' || !Array.isArray(c) || c.length < 2) return null;
  const [lng, lat] = c as unknown[];
  return typeof lng === 'number' && typeof lat === 'number' ? { lng, lat } : null;
}
