import { Injectable } from '@nestjs/common';
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
  type UploadedTable,
  importProblemsException,
  readTable,
  splitList,
  writeCsv,
  writeXlsx,
} from '../common/tabular.js';
import type { Certification, ImportProblem, ImportResult } from '@muster/contracts';
import { Db } from '../database/db.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import type { ContactCreateDto } from './contact.dto.js';
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

function parseCertifications(v: string | undefined): unknown[] {
  return splitList(v).map((entry) => {
    const [name, number, expiresOn, operationType, issuedOn, reviewedOn] = entry
      .split('|')
      .map((s) => s.trim());
    return {
      name: name ?? '',
      number: number || null,
      expiresOn: expiresOn || null,
      operationType: operationType || null,
      issuedOn: issuedOn || null,
      reviewedOn: reviewedOn || null,
    };
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
      certifications: c.certifications.map(certificationText).join('; '),
      language: c.language,
      notes: c.notes,
    }));
    return format === 'csv' ? writeCsv(CONTACT_COLUMNS, rows) : writeXlsx('contacts', CONTACT_COLUMNS, rows);
  }

  /**
   * All or nothing: every row is validated first and any problem fails the whole file with a
   * report naming each bad row; only a clean file is written, in one transaction. A row with an
   * `id` updates that contact, a row without one creates a contact. Each row is validated by
   * `rowSchema` (the controller passes `ContactCreateDto`, the body of a create).
   */
  async import(
    file: UploadedTable | undefined,
    rowSchema: RowSchema<ContactCreateDto>,
  ): Promise<ImportResult> {
    const rows = await readTable(file, CONTACT_COLUMNS, ['name', 'phones']);
    const { idByCode } = await enterpriseCodes(this.enterprises);
    const problems: ImportProblem[] = [];
    const ids = rows.map((r) => r.values.id).filter((v): v is string => Boolean(v));
    const existing = new Map((await this.contacts.findByIds(ids.filter(isUuid))).map((c) => [c.id, c]));
    const planned: PlannedRow<ContactCreateDto>[] = [];
    const seenIds = new Set<string>();
    for (const row of rows) {
      const v = row.values;
      const enterpriseId = rowOwner(this.context, v.enterpriseCreditCode, idByCode, row.row, problems);
      const id = existingRowId(row, existing, seenIds, enterpriseId, 'contact', problems);
      const dto = await validateRow(
        rowSchema,
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
        planned.push({ id, dto });
      }
    }
    if (problems.length) throw importProblemsException(problems);

    return this.db.transaction(async () => {
      const result = await applyImport(planned, this.contactService);
      await this.audit.record({ action: 'contact.imported', entity: 'contact', after: result });
      return result;
    });
  }
}

/** A certificate as one `name|number|expiry` entry; a special operation one adds `|type|issued|reviewed`. */
function certificationText(x: Certification): string {
  const base = [x.name, x.number ?? '', x.expiresOn ?? ''];
  const special = x.operationType || x.issuedOn || x.reviewedOn;
  return (special ? [...base, x.operationType ?? '', x.issuedOn ?? '', x.reviewedOn ?? ''] : base).join('|');
}
