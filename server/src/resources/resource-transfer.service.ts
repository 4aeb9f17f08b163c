import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import {
  applyImport,
  enterpriseCodes,
  existingRowId,
  isUuid,
  type PlannedRow,
  type RowSchema,
  rowOwner,
  validateRow,
} from '../common/import-rows.js';
import { RequestContext } from '../common/request-context.js';
import {
  type TableFormat,
  type TableRow,
  type UploadedTable,
  importProblemsException,
  readTable,
  writeCsv,
  writeXlsx,
} from '../common/tabular.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { isGeoJson, pointPosition, readFeatures } from '../common/geojson-import.js';
import { isResourceOut, type ImportProblem, type ImportResult, type ResourceStatus } from '@muster/contracts';
import { Db } from '../database/db.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import { todayIn } from './resource-alert.js';
import type { ResourceCreateDto } from './resource.dto.js';
import { ResourceRepository } from './resource.repository.js';
import { ResourceService } from './resource.service.js';
import { mapResource } from './resource.view.js';

export const RESOURCE_COLUMNS = [
  'id',
  'enterpriseCreditCode',
  'type',
  'name',
  'model',
  'quantity',
  'unit',
  'status',
  'custodian',
  'custodianPhone',
  'lat',
  'lng',
  'address',
  'lastInspectedOn',
  'nextInspectionOn',
  'expiresOn',
  'notes',
] as const;

/** A number as typed in a sheet; anything else stays a string so validation names it. */
function num(v: string | undefined): unknown {
  if (v === undefined || v === '') return undefined;
  const n = Number(v.replace(/,/g, ''));
  return Number.isFinite(n) ? n : v;
}

@Injectable()
export class ResourceTransferService {
  private readonly timeZone: string;

  constructor(
    private readonly db: Db,
    private readonly resources: ResourceRepository,
    private readonly resourceService: ResourceService,
    private readonly enterprises: EnterpriseRepository,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.timeZone = config.TZ;
  }

  async export(format: TableFormat): Promise<Buffer> {
    const { codeById } = await enterpriseCodes(this.enterprises);
    const rows = (await this.resources.all()).map((r) => ({
      id: r.id,
      enterpriseCreditCode: r.enterpriseId ? (codeById.get(r.enterpriseId) ?? '') : '',
      type: r.type,
      name: r.name,
      model: r.model,
      quantity: r.quantity,
      unit: r.unit,
      status: r.status,
      custodian: r.custodian,
      custodianPhone: r.custodianPhone ?? '',
      lat: r.lat,
      lng: r.lng,
      address: r.address,
      lastInspectedOn: r.lastInspectedOn ?? '',
      nextInspectionOn: r.nextInspectionOn ?? '',
      expiresOn: r.expiresOn ?? '',
      notes: r.notes,
    }));
    return format === 'csv'
      ? writeCsv(RESOURCE_COLUMNS, rows)
      : writeXlsx('resources', RESOURCE_COLUMNS, rows);
  }

  /** A GeoJSON FeatureCollection of points ([lng, lat]) with each resource's fields as properties. */
  async exportGeoJson(): Promise<object> {
    const today = todayIn(this.timeZone);
    return {
      type: 'FeatureCollection',
      features: (await this.resources.all()).map((r) => {
        const { location, ...properties } = mapResource(r, today);
        return {
          type: 'Feature',
          id: r.id,
          geometry: { type: 'Point', coordinates: [location.lng, location.lat] },
          properties,
        };
      }),
    };
  }

  /**
   * All or nothing, like the contacts' import: every bad row is reported and nothing is written.
   * Each row is validated by `rowSchema` (the controller passes `ResourceCreateDto`, the body of a create).
   */
  async import(
    file: UploadedTable | undefined,
    rowSchema: RowSchema<ResourceCreateDto>,
  ): Promise<ImportResult> {
    const geo = isGeoJson(file);
    const { idByCode, codeById } = await enterpriseCodes(this.enterprises);
    const problems: ImportProblem[] = [];
    const rows = geo
      ? readGeoJson(file!, codeById, problems)
      : await readTable(file, RESOURCE_COLUMNS, ['type', 'name', 'lat', 'lng']);
    const ids = rows.map((r) => r.values.id).filter((v): v is string => Boolean(v) && isUuid(v!));
    const existing = new Map((await this.resources.findByIds(ids)).map((r) => [r.id, r]));
    const planned: PlannedRow<ResourceCreateDto>[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const v = row.values;
      const enterpriseId = rowOwner(this.context, v.enterpriseCreditCode, idByCode, row.row, problems);
      const id = existingRowId(row, existing, seen, enterpriseId, 'resource', problems);
      const dto = await validateRow(
        rowSchema,
        {
          type: v.type ?? '',
          name: v.name ?? '',
          model: v.model ?? '',
          quantity: num(v.quantity) ?? 1,
          unit: v.unit ?? '',
          // A resource out on an incident exports as such; importing the file back keeps it out.
          status: isResourceOut(v.status as ResourceStatus) ? undefined : v.status || 'available',
          custodian: v.custodian ?? '',
          custodianPhone: v.custodianPhone || null,
          location: { lat: num(v.lat), lng: num(v.lng) },
          address: v.address ?? '',
          lastInspectedOn: v.lastInspectedOn || null,
          nextInspectionOn: v.nextInspectionOn || null,
          expiresOn: v.expiresOn || null,
          notes: v.notes ?? '',
        },
        row.row,
        problems,
      );
      if (dto && enterpriseId !== undefined) {
        dto.enterpriseId = enterpriseId;
        planned.push({ id, dto });
      }
    }
    if (problems.length) throw importProblemsException(problems, geo ? 'feature' : 'row');

    return this.db.transaction(async () => {
      const result = await applyImport(planned, this.resourceService);
      await this.audit.record({ action: 'resource.imported', entity: 'resource', after: result });
      return result;
    });
  }
}

/** The properties a resource's GeoJSON export carries that are worked out, not imported. */
const DERIVED_PROPERTIES = new Set(['alert', 'createdAt', 'updatedAt', 'dispatchIncidentId', 'enterpriseId']);

/**
 * A FeatureCollection of Points ([lng, lat], as the export writes them) → one row per feature,
 * numbered from 1. The owner is the `enterpriseCreditCode` property, or the `enterpriseId` an
 * export carries (for an enterprise the caller may see). A feature whose shape is wrong is
 * reported by its number and field and left out; the fields are then validated as a sheet's.
 */
function readGeoJson(
  file: UploadedTable,
  codeById: Map<string, string>,
  problems: ImportProblem[],
): TableRow[] {
  const fields = {
    what: 'a resource',
    imports: (k: string) => (RESOURCE_COLUMNS as readonly string[]).includes(k) && k !== 'lat' && k !== 'lng',
    derived: DERIVED_PROPERTIES,
  };
  return readFeatures(file, fields, problems).map(({ row, values, properties, geometry }) => {
    const ownerId = properties.enterpriseId;
    if (!values.enterpriseCreditCode && typeof ownerId === 'string') {
      const code = codeById.get(ownerId);
      if (code) values.enterpriseCreditCode = code;
      else
        problems.push({ row, field: 'enterpriseId', problem: `no enterprise ${ownerId} that you may see` });
    }
    const point = pointPosition(geometry);
    if (!point) {
      problems.push({ row, field: 'geometry', problem: 'must be a Point with [lng, lat] coordinates' });
    } else {
      values.lng = String(point.lng);
      values.lat = String(point.lat);
    }
    return { row, values };
  });
}
