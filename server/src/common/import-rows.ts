import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { ImportProblem, ImportResult } from '@muster/contracts';
import type { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import type { RequestContext } from './request-context.js';
import type { TableRow } from './tabular.js';
import { flattenValidationErrors } from './validation.js';

/** Helpers shared by the all-or-nothing imports (contacts, resources): each row is checked, every problem reported. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(v: string): boolean {
  return UUID.test(v);
}

/**
 * The class that validates one row: the API's create DTO, handed over by the controller so that
 * a row is checked exactly like a create request (domain code imports DTO files for types only).
 */
export type RowSchema<T extends object> = new () => T;

/** Turns class-validator's "field: problem" lines into import problems of one row. */
export async function validateRow<T extends object>(
  cls: RowSchema<T>,
  plain: Record<string, unknown>,
  row: number,
  problems: ImportProblem[],
): Promise<T | null> {
  const dto = plainToInstance(cls, plain);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length === 0) return dto;
  for (const line of flattenValidationErrors(errors)) {
    const i = line.indexOf(': ');
    problems.push({ row, field: line.slice(0, i), problem: line.slice(i + 2) });
  }
  return null;
}

/** Owner column ↔ enterprise id, for the enterprises the caller may see. */
export async function enterpriseCodes(enterprises: EnterpriseRepository) {
  const [all] = await enterprises.list({ skip: 0, take: 10_000 });
  return {
    idByCode: new Map(all.map((e) => [e.creditCode.toUpperCase(), e.id])),
    codeById: new Map(all.map((e) => [e.id, e.creditCode])),
  };
}

/**
 * The owner named by a row: blank is the zone for zone roles and their own enterprise for an
 * enterprise officer. Reports a problem (and returns undefined) for an unknown or foreign code.
 */
export function rowOwner(
  context: RequestContext,
  code: string | undefined,
  idByCode: Map<string, string>,
  row: number,
  problems: ImportProblem[],
): string | null | undefined {
  const scope = context.scope();
  if (!code) return scope.kind === 'enterprise' ? scope.enterpriseId : null;
  const id = idByCode.get(code.toUpperCase());
  if (!id) {
    problems.push({ row, field: 'enterpriseCreditCode', problem: `no enterprise with credit code ${code}` });
    return undefined;
  }
  if (scope.kind === 'enterprise' && id !== scope.enterpriseId) {
    problems.push({
      row,
      field: 'enterpriseCreditCode',
      problem: 'you may only import records of your own enterprise',
    });
    return undefined;
  }
  return id;
}

/**
 * The record a row with an `id` updates: it must exist, appear once in the file, and keep its
 * owner. Returns its id, or null (a new record, or a problem reported).
 */
export function existingRowId<T extends { id: string; enterpriseId: string | null }>(
  row: TableRow,
  existing: Map<string, T>,
  seen: Set<string>,
  enterpriseId: string | null | undefined,
  noun: string,
  problems: ImportProblem[],
): string | null {
  const given = row.values.id;
  if (!given) return null;
  const found = isUuid(given) ? existing.get(given) : undefined;
  let id: string | null = null;
  if (!found) problems.push({ row: row.row, field: 'id', problem: `no ${noun} with id ${given}` });
  else if (seen.has(found.id))
    problems.push({ row: row.row, field: 'id', problem: `the same ${noun} appears twice` });
  else if (enterpriseId !== undefined && found.enterpriseId !== enterpriseId) {
    problems.push({
      row: row.row,
      field: 'enterpriseCreditCode',
      problem: `the owner of a ${noun} cannot be changed`,
    });
  } else id = found.id;
  seen.add(given);
  return id;
}

/** One validated row to write: an update of an existing record when it carries an id. */
export interface PlannedRow<D extends { enterpriseId?: string | null }> {
  id: string | null;
  dto: D;
}

/**
 * Writes the planned rows through the domain's own create/update (so each is validated, scoped
 * and audited like an API call) and counts them. The owner of an existing record is never
 * changed by an import: the id already names the record, and moving it is not what a re-import means.
 */
export async function applyImport<D extends { enterpriseId?: string | null }>(
  planned: PlannedRow<D>[],
  write: {
    create(dto: D): Promise<unknown>;
    update(id: string, changes: Omit<D, 'enterpriseId'>): Promise<unknown>;
  },
): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0 };
  for (const p of planned) {
    if (p.id) {
      const { enterpriseId: _owner, ...changes } = p.dto;
      await write.update(p.id, changes);
      result.updated++;
    } else {
      await write.create(p.dto);
      result.created++;
    }
  }
  return result;
}
