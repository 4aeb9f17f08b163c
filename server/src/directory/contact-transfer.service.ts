import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AuditService } from '../audit/audit.service.js';
import { RequestContext } from '../common/request-context.js';
import {
  type TableFormat,
  type TableRow,
  type UploadedTable,
  importProblemsException,
  readTable,
  splitList,
  writeCsv,
  writeXlsx,
} from '../common/tabular.js';
import { flattenValidationErrors } from '../common/validation.js';
import type { ImportProblem, ImportResult } from '../contracts/directory.js';
import { Db } from '../database/db.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import { ContactCreateDto } from './contact.dto.js';
import { ContactRepository } from './contact.repository.js';
import { ContactService } from './contact.service.js';

export const CONTACT_COLUMNS = [
  'id',
  'enterpriseCreditCode',
  'name',
  'organization',
  'post',
  'phones',
  'skills',
  'certifications',
  'language',
  'notes',
] as const;

/** Turns class-validator's "field: problem" lines into import problems of one row. */
export async function validateRow<T extends object>(
  cls: new () => T,
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

function parseCertifications(v: string | undefined): unknown[] {
  return splitList(v).map((entry) => {
    const [name, number, expiresOn] = entry.split('|').map((s) => s.trim());
    return { name: name ?? '', number: number || null, expiresOn: expiresOn || null };
  });
}

@Injectable()
export class ContactTransferService {
  constructor(
    private readonly db: Db,
    private readonly contacts: ContactRepository,
    private readonly contactService: ContactService,
    private readonly enterprises: EnterpriseRepository,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async export(format: TableFormat): Promise<Buffer> {
    const { codeById } = await enterpriseCodes(this.enterprises);
    const rows = (await this.contacts.all()).map((c) => ({
      id: c.id,
      enterpriseCreditCode: c.enterpriseId ? (codeById.get(c.enterpriseId) ?? '') : '',
      name: c.name,
      organization: c.organization,
      post: c.post,
      phones: c.phones.join('; '),
      skills: c.skills.join('; '),
      certifications: c.certifications
        .map((x) => [x.name, x.number ?? '', x.expiresOn ?? ''].join('|'))
        .join('; '),
      language: c.language,
      notes: c.notes,
    }));
    return format === 'csv' ? writeCsv(CONTACT_COLUMNS, rows) : writeXlsx('contacts', CONTACT_COLUMNS, rows);
  }

  /**
   * All or nothing: every row is validated first and any problem fails the whole file with a
   * report naming each bad row; only a clean file is written, in one transaction. A row with an
   * `id` updates that contact, a row without one creates a contact.
   */
  async import(file: UploadedTable | undefined): Promise<ImportResult> {
    const rows = await readTable(file, CONTACT_COLUMNS, ['name', 'phones']);
    const { idByCode } = await enterpriseCodes(this.enterprises);
    const problems: ImportProblem[] = [];
    const ids = rows.map((r) => r.values.id).filter((v): v is string => Boolean(v));
    const existing = new Map((await this.contacts.findByIds(ids.filter(isUuid))).map((c) => [c.id, c]));
    const planned: { row: TableRow; id: string | null; dto: ContactCreateDto }[] = [];
    const seenIds = new Set<string>();
    for (const row of rows) {
      const v = row.values;
      const enterpriseId = rowOwner(this.context, v.enterpriseCreditCode, idByCode, row.row, problems);
      let id: string | null = null;
      if (v.id) {
        const c = isUuid(v.id) ? existing.get(v.id) : undefined;
        if (!c) problems.push({ row: row.row, field: 'id', problem: `no contact with id ${v.id}` });
        else if (seenIds.has(c.id))
          problems.push({ row: row.row, field: 'id', problem: 'the same contact appears twice' });
        else if (enterpriseId !== undefined && c.enterpriseId !== enterpriseId) {
          problems.push({
            row: row.row,
            field: 'enterpriseCreditCode',
            problem: 'the owner of a contact cannot be changed',
          });
        } else id = c.id;
        seenIds.add(v.id);
      }
      const dto = await validateRow(
        ContactCreateDto,
        {
          name: v.name ?? '',
          organization: v.organization ?? '',
          post: v.post ?? '',
          phones: splitList(v.phones),
          skills: splitList(v.skills),
          certifications: parseCertifications(v.certifications),
          language: v.language || 'zh-CN',
          notes: v.notes ?? '',
        },
        row.row,
        problems,
      );
      if (dto && enterpriseId !== undefined) {
        dto.enterpriseId = enterpriseId;
        planned.push({ row, id, dto });
      }
    }
    if (problems.length) throw importProblemsException(problems);

    return this.db.transaction(async () => {
      const result: ImportResult = { created: 0, updated: 0 };
      for (const p of planned) {
        if (p.id) {
          const { enterpriseId: _owner, ...changes } = p.dto;
          await this.contactService.update(p.id, changes);
          result.updated++;
        } else {
          await this.contactService.create(p.dto);
          result.created++;
        }
      }
      await this.audit.record({ action: 'contact.imported', entity: 'contact', after: result });
      return result;
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(v: string): boolean {
  return UUID.test(v);
}
