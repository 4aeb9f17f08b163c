import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { RequestContext } from '../common/request-context.js';
import {
  firstResponsibleLine,
  type ResponsibilityEntry,
  type ResponsibilityListSummary,
  type ResponsibilityListView,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import { PlanRepository } from './plan.repository.js';
import { ResponsibilityEntryRow } from './responsibility-entry.entity.js';
import { ResponsibilityHooks } from './responsibility-hooks.js';
import type { ResponsibilityListDto } from './responsibility.dto.js';
import { ForbiddenError, InvalidError } from '../common/domain-errors.js';

const KIND_ZH: Record<ResponsibilityEntry['kind'], string> = {
  department: '部门',
  post: '岗位',
  supervision: '监管部门',
};

/**
 * Responsibility lists (责任清单): one per enterprise, headed by its legal representative as
 * the first person responsible, and one for the zone's supervising departments. A list belongs
 * with its owner's plans (the "organization and duties" chapter refers to it), so the view
 * names them; it is kept apart from plan versions because duties change with people and
 * departments, and that must not wait for a plan revision to be published.
 */
@Injectable()
export class ResponsibilityService {
  constructor(
    private readonly db: Db,
    private readonly enterprises: EnterpriseRepository,
    private readonly plans: PlanRepository,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly hooks: ResponsibilityHooks,
  ) {}

  private get rows() {
    return this.db.repo(ResponsibilityEntryRow);
  }

  /** The zone's list and those of every enterprise in the caller's scope. */
  async list(): Promise<ResponsibilityListSummary[]> {
    const [enterprises] = await this.enterprises.list({ skip: 0, take: 10_000 });
    const counts = (await this.db.manager.query(
      `SELECT enterprise_id, count(*)::int AS n, max(updated_at) AS updated_at
         FROM responsibility_entry GROUP BY enterprise_id`,
    )) as { enterprise_id: string | null; n: number; updated_at: Date }[];
    const of = (id: string | null) => counts.find((c) => c.enterprise_id === id);
    const zone = of(null);
    return [
      {
        enterpriseId: null,
        enterpriseName: null,
        firstResponsible: null,
        actualController: null,
        entryCount: zone?.n ?? 0,
        updatedAt: zone ? new Date(zone.updated_at).toISOString() : null,
      },
      ...enterprises.map((e) => {
        const c = of(e.id);
        return {
          enterpriseId: e.id,
          enterpriseName: e.name,
          firstResponsible: e.legalRepresentative,
          actualController: e.actualController ?? null,
          entryCount: c?.n ?? 0,
          updatedAt: c ? new Date(c.updated_at).toISOString() : null,
        };
      }),
    ];
  }

  async get(owner: string): Promise<ResponsibilityListView> {
    const enterpriseId = parseOwner(owner);
    const enterprise = enterpriseId ? await this.enterprises.getById(enterpriseId) : null;
    const rows = await this.rows.find({
      where: { enterpriseId: enterpriseId ?? IsNull() },
      order: { position: 'ASC' },
    });
    const [plans] = await this.plans.list({ owner: enterpriseId ?? 'zone', skip: 0, take: 500 });
    const published = await this.plans.versionsOf(
      plans.map((p) => p.id),
      ['published'],
    );
    const inForce = new Set(published.map((v) => v.planId));
    return {
      enterpriseId,
      enterpriseName: enterprise?.name ?? null,
      firstResponsible: enterprise?.legalRepresentative ?? null,
      actualController: enterprise?.actualController ?? null,
      entries: rows.map(mapEntry),
      plans: plans.filter((p) => inForce.has(p.id)).map((p) => ({ id: p.id, title: p.title, type: p.type })),
      updatedAt: rows.length
        ? new Date(Math.max(...rows.map((r) => r.updatedAt.getTime()))).toISOString()
        : null,
    };
  }

  async replace(owner: string, dto: ResponsibilityListDto): Promise<ResponsibilityListView> {
    const enterpriseId = parseOwner(owner);
    await this.db.transaction(async () => {
      if (enterpriseId) {
        await this.enterprises.getById(enterpriseId);
        this.enterprises.assertInScope(enterpriseId);
      } else if (this.context.scope().kind !== 'zone') {
        throw new ForbiddenError('The zone’s responsibility list is maintained by the zone');
      }
      const problems: string[] = [];
      dto.entries.forEach((e, i) => {
        if (enterpriseId && e.kind === 'supervision') {
          problems.push(`entries[${i}].kind: supervision duties belong to the zone’s list`);
        }
      });
      if (problems.length) throw new InvalidError(problems);
      const before = await this.rows.find({
        where: { enterpriseId: enterpriseId ?? IsNull() },
        order: { position: 'ASC' },
      });
      if (before.length) await this.rows.delete({ id: In(before.map((r) => r.id)) });
      const saved = await this.rows.save(
        dto.entries.map((e, position) =>
          this.rows.create({
            enterpriseId,
            position,
            kind: e.kind,
            unit: e.unit,
            post: e.post ?? null,
            holder: e.holder ?? null,
            phone: e.phone ?? null,
            industries: e.industries ?? [],
            duties: e.duties,
          }),
        ),
      );
      if (enterpriseId) await this.hooks.runReplaced(enterpriseId, saved.map(mapEntry));
      await this.audit.record({
        action: 'responsibility_list.replaced',
        entity: 'responsibility_list',
        entityId: enterpriseId ?? 'zone',
        before: before.map(mapEntry),
        after: dto.entries,
      });
    });
    return this.get(owner);
  }

  /** The list as a workbook to print, sign and file (one sheet, duties one per line). */
  async exportXlsx(owner: string): Promise<{ filename: string; body: Buffer }> {
    const list = await this.get(owner);
    const ownerName = list.enterpriseName ?? '杜集经济开发区管委会';
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Muster';
    const ws = wb.addWorksheet('责任清单', {
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.columns = [
      { width: 6 },
      { width: 10 },
      { width: 18 },
      { width: 14 },
      { width: 12 },
      { width: 16 },
      { width: 20 },
      { width: 70 },
    ];
    ws.mergeCells('A1:H1');
    ws.getCell('A1').value = `${ownerName} 安全生产责任清单`;
    ws.getCell('A1').font = { bold: true, size: 14 };
    ws.getCell('A1').alignment = { horizontal: 'center' };
    ws.mergeCells('A2:H2');
    ws.getCell('A2').value = list.firstResponsible
      ? `安全生产第一责任人：${firstResponsibleLine(
          { legalRepresentative: list.firstResponsible, actualController: list.actualController },
          'zh-CN',
        )}`
      : '原则：管行业必须管安全、管业务必须管安全、管生产经营必须管安全';
    const header = ws.addRow(['序号', '类别', '部门/单位', '岗位', '责任人', '电话', '监管行业', '职责']);
    header.font = { bold: true };
    list.entries.forEach((e, i) => {
      const row = ws.addRow([
        i + 1,
        KIND_ZH[e.kind],
        e.unit,
        e.post ?? '',
        e.holder ?? '',
        e.phone ?? '',
        e.industries.join('、'),
        e.duties.map((d, j) => `${j + 1}. ${d}`).join('\n'),
      ]);
      row.alignment = { vertical: 'top', wrapText: true };
    });
    ws.eachRow((row, n) => {
      if (n < 3) return;
      row.eachCell((cell) => {
        cell.border = {
          top: { style: 'thin' },
          left: { style: 'thin' },
          bottom: { style: 'thin' },
          right: { style: 'thin' },
        };
      });
    });
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    return { filename: `responsibility-${list.enterpriseId ?? 'zone'}.xlsx`, body };
  }
}

export function parseOwner(owner: string): string | null {
  if (owner === 'zone') return null;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(owner)) return owner;
  throw new InvalidError(['owner: must be "zone" or an enterprise id']);
}

function mapEntry(r: ResponsibilityEntryRow): ResponsibilityEntry {
  return {
    kind: r.kind,
    unit: r.unit,
    post: r.post,
    holder: r.holder,
    phone: r.phone,
    industries: r.industries,
    duties: r.duties,
  };
}
