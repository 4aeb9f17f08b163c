import { Injectable } from '@nestjs/common';
import pointOnFeature from '@turf/point-on-feature';
import { polygon as turfPolygon } from '@turf/helpers';
import type { ImportProblem, ImportResult } from '@muster/contracts';
import { isGeoJson, pointPosition, readFeatures } from '../common/geojson-import.js';
import { AuditService } from '../audit/audit.service.js';
import {
  applyImport,
  existingRowId,
  isUuid,
  type PlannedRow,
  type RowSchema,
  validateRow,
} from '../common/import-rows.js';
import {
  type TableFormat,
  type TableRow,
  type UploadedTable,
  importProblemsException,
  readTable,
  writeCsv,
  writeXlsx,
} from '../common/tabular.js';
import { Db } from '../database/db.js';
import type { SensitiveTargetCreateDto } from './sensitive-target.dto.js';
import { SensitiveTargetRepository } from './sensitive-target.repository.js';
import { SensitiveTargetService } from './sensitive-target.service.js';
import { mapSensitiveTarget } from './sensitive-target.view.js';

/** A sheet carries an outline as the GeoJSON Polygon's text, so a file round-trips unchanged. */
export const SENSITIVE_TARGET_COLUMNS = [
  'id',
  'kind',
  'name',
  'address',
  'lat',
  'lng',
  'outline',
  'populationDay',
  'populationNight',
  'contactName',
  'contactPhone',
  'notes',
] as const;

/** A Polygon feature may carry `lat`/`lng`: its position inside the outline, kept as it was. */
const GEOJSON_PROPERTIES = new Set<string>(SENSITIVE_TARGET_COLUMNS.filter((c) => c !== 'outline'));
/** Properties an export carries that are worked out, not imported. */
const DERIVED_PROPERTIES = new Set(['createdAt', 'updatedAt', 'location']);

/** A row to write; the register is the zone's, so no row names an owner. */
type TargetRow = SensitiveTargetCreateDto & { enterpriseId?: null };

/** A number as typed in a sheet; anything else stays a string so validation names it. */
function num(v: string | undefined): unknown {
  if (v === undefined || v === '') return undefined;
  const n = Number(v.replace(/,/g, ''));
  return Number.isFinite(n) ? n : v;
}

@Injectable()
export class SensitiveTargetTransferService {
  constructor(
    private readonly db: Db,
    private readonly targets: SensitiveTargetRepository,
    private readonly service: SensitiveTargetService,
    private readonly audit: AuditService,
  ) {}

  async export(format: TableFormat): Promise<Buffer> {
    const rows = (await this.targets.all()).map((t) => ({
      id: t.id,
      kind: t.kind,
      name: t.name,
      address: t.address,
      lat: t.lat,
      lng: t.lng,
      outline: t.outline ? JSON.stringify(t.outline) : '',
      populationDay: t.populationDay,
      populationNight: t.populationNight,
      contactName: t.contactName,
      contactPhone: t.contactPhone ?? '',
      notes: t.notes,
    }));
    return format === 'csv'
      ? writeCsv(SENSITIVE_TARGET_COLUMNS, rows)
      : writeXlsx('sensitive targets', SENSITIVE_TARGET_COLUMNS, rows);
  }

  /** A FeatureCollection: the outline where there is one, else the point ([lng, lat]). */
  async exportGeoJson(): Promise<object> {
    return {
      type: 'FeatureCollection',
      features: (await this.targets.all()).map((t) => {
        const { location, outline, ...properties } = mapSensitiveTarget(t);
        return {
          type: 'Feature',
          id: t.id,
          geometry: outline ?? { type: 'Point', coordinates: [location.lng, location.lat] },
          properties: outline ? { ...properties, lat: location.lat, lng: location.lng } : properties,
        };
      }),
    };
  }

  /** All or nothing: every bad row is reported and nothing is written. */
  async import(
    file: UploadedTable | undefined,
    rowSchema: RowSchema<SensitiveTargetCreateDto>,
  ): Promise<ImportResult> {
    const geo = isGeoJson(file);
    const problems: ImportProblem[] = [];
    const rows = geo
      ? readGeoJson(file!, problems)
      : await readTable(file, SENSITIVE_TARGET_COLUMNS, ['kind', 'name']);
    const ids = rows.map((r) => r.values.id).filter((v): v is string => Boolean(v) && isUuid(v!));
    const existing = new Map(
      (await this.targets.findByIds(ids)).map((t) => [t.id, { id: t.id, enterpriseId: null }]),
    );
    const planned: PlannedRow<TargetRow>[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const v = row.values;
      const id = existingRowId(row, existing, seen, null, 'sensitive target', problems);
      const outline = parseOutline(v.outline, row.row, problems);
      if (outline === undefined) continue;
      const location =
        v.lat || v.lng || !outline ? { lat: num(v.lat), lng: num(v.lng) } : interiorPoint(outline);
      const dto = await validateRow(
        rowSchema,
        {
          kind: v.kind ?? '',
          name: v.name ?? '',
          address: v.address ?? '',
          location,
          outline,
          populationDay: num(v.populationDay) ?? 0,
          populationNight: num(v.populationNight) ?? 0,
          contactName: v.contactName ?? '',
          contactPhone: v.contactPhone || null,
          notes: v.notes ?? '',
        },
        row.row,
        problems,
      );
      if (dto) planned.push({ id, dto });
    }
    if (problems.length) throw importProblemsException(problems, geo ? 'feature' : 'row');
    return this.db.transaction(async () => {
      const result = await applyImport<TargetRow>(planned, this.service);
      await this.audit.record({
        action: 'sensitive_target.imported',
        entity: 'sensitive_target',
        after: result,
      });
      return result;
    });
  }
}

/** The outline cell: blank, or a GeoJSON Polygon's text. Undefined when it is not readable. */
function parseOutline(
  text: string | undefined,
  row: number,
  problems: ImportProblem[],
): unknown | null | undefined {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    problems.push({ row, field: 'outline', problem: 'must be a GeoJSON Polygon, as the export writes it' });
    return undefined;
  }
}

/** A point inside the outline, for a row that gives no position of its own. */
function interiorPoint(outline: unknown): { lat: unknown; lng: unknown } {
  try {
    const [lng, lat] = pointOnFeature(turfPolygon((outline as { coordinates: number[][][] }).coordinates))
      .geometry.coordinates;
    return { lat, lng };
  } catch {
    // The outline itself is then refused by validation, which names it.
    return { lat: undefined, lng: undefined };
  }
}

/**
 * A FeatureCollection of Points or Polygons ([lng, lat]) → one row per feature, numbered from 1.
 * A Polygon is the target's outline (its position a point inside it); a Point its position.
 */
function readGeoJson(file: UploadedTable, problems: ImportProblem[]): TableRow[] {
  const fields = {
    what: 'a sensitive target',
    imports: (k: string) => GEOJSON_PROPERTIES.has(k),
    derived: DERIVED_PROPERTIES,
  };
  return readFeatures(file, fields, problems).map(({ row, values, geometry }) => {
    const point = pointPosition(geometry);
    if (geometry.type === 'Polygon') values.outline = JSON.stringify(geometry);
    else if (point) {
      values.lng = String(point.lng);
      values.lat = String(point.lat);
    } else {
      problems.push({
        row,
        field: 'geometry',
        problem: 'must be a Point ([lng, lat]) or a Polygon (the outline)',
      });
    }
    return { row, values };
  });
}
