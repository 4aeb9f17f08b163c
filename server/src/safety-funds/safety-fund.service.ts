import { Inject, Injectable } from '@nestjs/common';
import {
  type FileView,
  type RecordLanguage,
  type SafetyFundLedgerView,
  type SafetyFundSpendView,
  type SafetyFundYearView,
  SAFETY_FUND_RULES,
  requiredSafetyFundFen,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { InvalidError, NotFoundError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { writeXlsx } from '../common/tabular.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { FileService } from '../files/file.service.js';
import { zoneDate } from '../zone/zone-time.js';
import type { FundYearDto, SpendCreateDto } from './safety-fund.dto.js';
import { SafetyFundSpend, SafetyFundYear } from './safety-fund.entities.js';
import {
  type FundTotals,
  SafetyFundSpendRepository,
  SafetyFundYearRepository,
} from './safety-fund.repository.js';

/** Sums of money kept to the fen, so 0.1 + 0.2 reads 0.3. */
const fen = (yuan: number) => Math.round(yuan * 100);

export function fundYearView(
  enterprise: { id: string; name: string },
  year: number,
  row: SafetyFundYear | undefined,
  totals: FundTotals | undefined,
): SafetyFundYearView {
  const industry = row?.industry ?? null;
  const priorRevenue = row?.priorRevenue ?? null;
  const requiredFen =
    industry && priorRevenue !== null ? requiredSafetyFundFen(industry, priorRevenue) : null;
  const setAside = fen(row?.setAside ?? 0);
  const spent = fen(totals?.spent ?? 0);
  const carried = fen(totals?.setAsideBefore ?? 0) - fen(totals?.spentBefore ?? 0);
  return {
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    year,
    industry,
    priorRevenue,
    required: requiredFen === null ? null : requiredFen / 100,
    setAside: setAside / 100,
    spent: spent / 100,
    carriedOver: carried / 100,
    balance: (carried + setAside - spent) / 100,
    belowRequirement: requiredFen !== null && setAside < requiredFen,
    article: industry ? SAFETY_FUND_RULES[industry].article : null,
  };
}

@Injectable()
export class SafetyFundService {
  constructor(
    private readonly db: Db,
    private readonly years: SafetyFundYearRepository,
    private readonly spends: SafetyFundSpendRepository,
    private readonly enterprises: EnterpriseService,
    private readonly files: FileService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  thisYear(): number {
    return Number(zoneDate(this.clock.now(), this.config.TZ).slice(0, 4));
  }

  /** Every enterprise the caller may see, one row each: the zone's table. */
  async table(year = this.thisYear()): Promise<SafetyFundYearView[]> {
    const enterprises = await this.enterprises.profiles();
    const ids = enterprises.map((e) => e.id);
    const rows = new Map((await this.years.ofYear(year, ids)).map((r) => [r.enterpriseId, r]));
    const totals = await this.years.totals(year, ids);
    return enterprises.map((e) => fundYearView(e, year, rows.get(e.id), totals.get(e.id)));
  }

  async ledger(enterpriseId: string, year = this.thisYear()): Promise<SafetyFundLedgerView> {
    const view = await this.yearView(enterpriseId, year);
    const spends = await this.spends.ofYear(enterpriseId, year);
    const receipts = await this.files.viewsByIds(spends.flatMap((s) => s.receiptFileIds));
    return { year: view, spends: spends.map((s) => this.mapSpend(s, receipts)) };
  }

  private async yearView(enterpriseId: string, year: number): Promise<SafetyFundYearView> {
    const [enterprise] = await this.enterprises.profiles(enterpriseId);
    if (!enterprise) throw new NotFoundError('Enterprise not found');
    const [row] = await this.years.ofYear(year, [enterpriseId]);
    const totals = await this.years.totals(year, [enterpriseId]);
    return fundYearView(enterprise, year, row, totals.get(enterpriseId));
  }

  async setYear(enterpriseId: string, year: number, dto: FundYearDto): Promise<SafetyFundYearView> {
    const [enterprise] = await this.enterprises.profiles(enterpriseId);
    if (!enterprise) throw new NotFoundError('Enterprise not found');
    return this.db.transaction(async () => {
      const [before] = await this.years.ofYear(year, [enterpriseId]);
      const row = Object.assign(
        new SafetyFundYear(),
        before ?? { enterpriseId, year, industry: null, priorRevenue: null },
      );
      if (dto.industry !== undefined) row.industry = dto.industry;
      if (dto.priorRevenue !== undefined) row.priorRevenue = dto.priorRevenue;
      row.setAside = dto.setAside;
      await this.years.save(row);
      const view = await this.yearView(enterpriseId, year);
      await this.audit.record({
        action: 'safety_fund_year.updated',
        entity: 'safety_fund_year',
        entityId: enterpriseId,
        before: before
          ? { year, industry: before.industry, priorRevenue: before.priorRevenue, setAside: before.setAside }
          : null,
        after: view,
      });
      return view;
    });
  }

  async addSpend(dto: SpendCreateDto): Promise<SafetyFundSpendView> {
    const scope = this.context.scope();
    const enterpriseId = scope.kind === 'enterprise' ? scope.enterpriseId : dto.enterpriseId;
    if (!enterpriseId) throw new InvalidError(['enterpriseId: required (whose funds were spent)']);
    if (scope.kind === 'enterprise' && dto.enterpriseId && dto.enterpriseId !== enterpriseId) {
      throw new InvalidError(['enterpriseId: you may only record your own enterprise’s spending']);
    }
    const [enterprise] = await this.enterprises.profiles(enterpriseId);
    if (!enterprise) throw new NotFoundError('Enterprise not found');
    return this.db.transaction(async () => {
      const receiptIds = [...new Set(dto.receiptFileIds ?? [])];
      const receipts = receiptIds.length
        ? await this.files.claim(receiptIds, enterpriseId, 'receiptFileIds')
        : [];
      const s = Object.assign(new SafetyFundSpend(), {
        enterpriseId,
        spentOn: dto.spentOn,
        category: dto.category,
        amount: dto.amount,
        description: dto.description,
        receiptFileIds: receiptIds,
        createdBy: this.context.principal()?.id ?? null,
      });
      const saved = await this.spends.save(s);
      const views = await this.files.viewsByIds(receipts.map((r) => r.id));
      const view = this.mapSpend(saved, views);
      await this.audit.record({
        action: 'safety_fund_spend.created',
        entity: 'safety_fund_spend',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async removeSpend(id: string): Promise<void> {
    await this.db.transaction(async () => {
      const s = await this.spends.getById(id);
      await this.spends.remove(s);
      await this.audit.record({
        action: 'safety_fund_spend.deleted',
        entity: 'safety_fund_spend',
        entityId: id,
        before: { ...s, createdAt: s.createdAt.toISOString() },
      });
    });
  }

  /** The zone's table as a spreadsheet, with the headers in the reader's language. */
  async exportXlsx(year: number, lang: RecordLanguage): Promise<Buffer> {
    const zh = lang !== 'en';
    const columns = zh
      ? [
          '企业',
          '年度',
          '行业',
          '上年营业收入',
          '应提取',
          '已提取',
          '已使用',
          '上年结转',
          '结余',
          '低于应提取',
          '依据',
        ]
      : [
          'Enterprise',
          'Year',
          'Industry',
          'Prior revenue',
          'Required',
          'Set aside',
          'Spent',
          'Carried over',
          'Balance',
          'Below requirement',
          'Article',
        ];
    const rows = (await this.table(year)).map((r) => {
      const values = [
        r.enterpriseName,
        r.year,
        r.industry ?? '',
        r.priorRevenue ?? '',
        r.required ?? '',
        r.setAside,
        r.spent,
        r.carriedOver,
        r.balance,
        r.belowRequirement ? (zh ? '是' : 'yes') : '',
        r.article ?? '',
      ];
      return Object.fromEntries(columns.map((c, i) => [c, values[i]!]));
    });
    return writeXlsx(zh ? '安全生产费用' : 'Safety funds', columns, rows);
  }

  private mapSpend(s: SafetyFundSpend, receipts: Map<string, FileView>): SafetyFundSpendView {
    return {
      id: s.id,
      enterpriseId: s.enterpriseId,
      spentOn: s.spentOn,
      category: s.category,
      amount: s.amount,
      description: s.description,
      receipts: s.receiptFileIds.flatMap((id) => {
        const f = receipts.get(id);
        return f ? [f] : [];
      }),
      createdAt: s.createdAt.toISOString(),
    };
  }
}
