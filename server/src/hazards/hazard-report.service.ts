import { Inject, Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { RequestContext } from '../common/request-context.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type {
  HazardCategory,
  HazardLevel,
  HazardSource,
  HazardStatsView,
  HazardStatus,
  HazardView,
} from '@muster/contracts';
import type { HazardReportQueryDto, HazardStatsQueryDto } from './hazard.dto.js';
import { HazardRepository } from './hazard.repository.js';
import { computeStats } from './hazard-stats.js';
import { HazardService } from './hazard.service.js';
import { zoneDate } from '../zone/zone-time.js';

export const LEVEL_ZH: Record<HazardLevel, string> = { general: '一般事故隐患', major: '重大事故隐患' };
export const STATUS_ZH: Record<HazardStatus, string> = {
  found: '待整改',
  rectifying: '整改中',
  submitted: '待验收',
  closed: '已销号',
};
export const SOURCE_ZH: Record<HazardSource, string> = {
  self_inspection: '企业自查',
  zone_inspection: '园区检查',
  spot_check: '园区抽查',
  drill_improvement: '演练改进项',
  report: '举报',
  monitoring: '在线监测报警',
};
export const CATEGORY_ZH: Record<HazardCategory, string> = {
  fire: '消防安全',
  electrical: '电气安全',
  hazardous_chemicals: '危险化学品',
  machinery: '机械设备',
  special_equipment: '特种设备',
  confined_space: '有限空间',
  work_at_height: '高处作业',
  hot_work: '动火作业',
  occupational_health: '职业卫生',
  management: '安全管理',
  other: '其他',
};

const ZONE_NAME = '杜集经济开发区';

export interface XlsxFile {
  filename: string;
  buffer: Buffer;
}

/** Statistics and the Order 16 exports (ledger, quarterly and annual report) as XLSX. */
@Injectable()
export class HazardReportService {
  constructor(
    private readonly hazards: HazardRepository,
    private readonly hazardService: HazardService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async stats(q: HazardStatsQueryDto): Promise<HazardStatsView> {
    const rows = await this.hazards.statRows({ ...q, timeZone: this.config.TZ });
    return computeStats(rows, zoneDate(this.clock.now(), this.config.TZ), {
      from: q.from ?? null,
      to: q.to ?? null,
    });
  }

  async ledger(views: HazardView[]): Promise<XlsxFile> {
    const wb = this.workbook();
    this.ledgerSheet(wb, '隐患排查治理台账', views);
    return {
      filename: `隐患台账-${zoneDate(this.clock.now(), this.config.TZ)}.xlsx`,
      buffer: await this.toBuffer(wb),
    };
  }

  /**
   * Order 16 statistics for a quarter (due by the 15th of the next month) or a year (due by
   * 31 January), with the ledger of the period and a line for the unit head's signature.
   */
  async order16(q: HazardReportQueryDto): Promise<XlsxFile> {
    const from = q.quarter
      ? `${q.year}-${String((q.quarter - 1) * 3 + 1).padStart(2, '0')}-01`
      : `${q.year}-01-01`;
    const to = q.quarter ? lastDayOfMonth(q.year, q.quarter * 3) : `${q.year}-12-31`;
    const scope = this.context.scope();
    const enterpriseId = scope.kind === 'enterprise' ? scope.enterpriseId : q.enterpriseId;
    const [stats, views] = await Promise.all([
      this.stats({ from, to, enterpriseId }),
      this.hazardService.listAll({ foundFrom: from, foundTo: to, enterpriseId, sort: 'code', order: 'asc' }),
    ]);
    const unit = enterpriseId
      ? ((await this.hazards.enterpriseName(enterpriseId)) ?? '')
      : `${ZONE_NAME}（全区）`;
    const period = q.quarter ? `${q.year}年第${q.quarter}季度` : `${q.year}年度`;
    const due = q.quarter
      ? q.quarter === 4
        ? `${q.year + 1}年1月15日前`
        : `${q.year}年${q.quarter * 3 + 1}月15日前`
      : `${q.year + 1}年1月31日前`;

    const wb = this.workbook();
    const s = wb.addWorksheet('统计汇总');
    s.columns = [{ width: 34 }, { width: 16 }, { width: 16 }, { width: 16 }];
    s.addRow([`${unit} 事故隐患排查治理情况统计分析表`]).font = { bold: true, size: 14 };
    s.addRow([`报告期：${period}（${from} 至 ${to}）`]);
    s.addRow([`报送时限：${due}（《安全生产事故隐患排查治理暂行规定》第十四条）`]);
    s.addRow([]);
    s.addRow(['项目', '一般事故隐患', '重大事故隐患', '合计']).font = { bold: true };
    const closedGeneral = views.filter((v) => v.level === 'general' && v.status === 'closed').length;
    const closedMajor = views.filter((v) => v.level === 'major' && v.status === 'closed').length;
    s.addRow(['排查发现（项）', stats.byLevel.general, stats.byLevel.major, stats.total]);
    s.addRow(['已整改销号（项）', closedGeneral, closedMajor, closedGeneral + closedMajor]);
    s.addRow([
      '整改率',
      ratio(closedGeneral, stats.byLevel.general),
      ratio(closedMajor, stats.byLevel.major),
      ratio(closedGeneral + closedMajor, stats.total),
    ]);
    s.addRow(['按期整改率（已销号且有时限者）', '', '', stats.onTimeRate.rate ?? '—']);
    s.addRow(['逾期未整改（项）', '', '', stats.overdueOpen]);
    const funds = views.reduce((sum, v) => sum + (v.funds ? Math.round(Number(v.funds) * 100) : 0), 0) / 100;
    s.addRow(['落实整改资金（元）', '', '', funds]);
    s.addRow(['重大事故隐患整改率（目标100%）', '', '', stats.majorRectificationRate.rate ?? '—']);
    for (let r = 8; r <= 12; r++) {
      for (const c of [2, 3, 4]) {
        const cell = s.getRow(r).getCell(c);
        if (typeof cell.value === 'number' && r !== 10 && r !== 11) cell.numFmt = '0.0%';
      }
    }
    s.getRow(11).getCell(4).numFmt = '#,##0.00';
    s.addRow([]);
    s.addRow(['按类别', '项数']).font = { bold: true };
    for (const c of stats.byCategory) s.addRow([CATEGORY_ZH[c.category], c.count]);
    if (!enterpriseId) {
      s.addRow([]);
      s.addRow(['按企业', '排查（项）', '已销号（项）', '重大（项）']).font = { bold: true };
      for (const e of stats.byEnterprise) s.addRow([e.enterpriseName, e.total, e.closed, e.major]);
    }
    s.addRow([]);
    s.addRow(['单位主要负责人（签字）：', '', '日期：']);
    s.addRow(['填报人：', '', '联系电话：']);

    const majors = views.filter((v) => v.level === 'major');
    const m = wb.addWorksheet('重大事故隐患');
    m.columns = [
      { header: '编号', width: 12 },
      { header: '单位', width: 26 },
      { header: '部位', width: 20 },
      { header: '现状及产生原因', width: 40 },
      { header: '危害程度和整改难易程度分析', width: 40 },
      { header: '治理方案（目标任务/方法措施/经费物资/机构人员/时限要求/安全措施和应急预案）', width: 60 },
      { header: '整改时限', width: 12 },
      { header: '挂牌督办', width: 24 },
      { header: '治理评估', width: 30 },
      { header: '状态', width: 10 },
      { header: '销号时间', width: 18 },
    ];
    m.getRow(1).font = { bold: true };
    for (const v of majors) {
      const g = v.governancePlan;
      m.addRow([
        v.code,
        v.enterpriseName,
        v.place,
        v.description,
        v.harmAnalysis ?? '（未分析）',
        g
          ? [g.objectives, g.methods, g.fundsAndMaterials, g.responsible, g.timeLimit, g.safetyMeasures].join(
              '；',
            )
          : '（治理方案未制定）',
        v.deadline ?? '',
        v.listedSupervision ? `${v.listedSupervision.body}，期限 ${v.listedSupervision.deadline}` : '',
        v.evaluation
          ? `${v.evaluation.evaluator}（${v.evaluation.date}）：${v.evaluation.passed ? '已消除' : '未消除'}，${v.evaluation.conclusion}`
          : '',
        STATUS_ZH[v.status],
        v.closedAt ? this.localTime(v.closedAt) : '',
      ]);
    }
    this.ledgerSheet(wb, '隐患台账', views);
    const fileUnit = enterpriseId ? unit : ZONE_NAME;
    return { filename: `${fileUnit}-隐患排查治理统计-${period}.xlsx`, buffer: await this.toBuffer(wb) };
  }

  private ledgerSheet(wb: ExcelJS.Workbook, title: string, views: HazardView[]): void {
    const ws = wb.addWorksheet(title);
    ws.columns = [
      { header: '编号', key: 'code', width: 12 },
      { header: '单位', key: 'enterprise', width: 26 },
      { header: '隐患部位', key: 'place', width: 20 },
      { header: '类别', key: 'category', width: 12 },
      { header: '隐患描述', key: 'description', width: 40 },
      { header: '等级', key: 'level', width: 14 },
      { header: '来源', key: 'source', width: 12 },
      { header: '发现人', key: 'foundBy', width: 12 },
      { header: '发现时间', key: 'foundAt', width: 18 },
      { header: '整改措施', key: 'measures', width: 30 },
      { header: '责任人', key: 'responsible', width: 12 },
      { header: '整改资金（元）', key: 'funds', width: 14 },
      { header: '整改时限', key: 'deadline', width: 12 },
      { header: '应急预案', key: 'plan', width: 20 },
      { header: '状态', key: 'status', width: 10 },
      { header: '逾期', key: 'overdue', width: 6 },
      { header: '销号时间', key: 'closedAt', width: 18 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const v of views) {
      ws.addRow({
        code: v.code,
        enterprise: v.enterpriseName,
        place: v.place,
        category: CATEGORY_ZH[v.category],
        description: v.description,
        level: LEVEL_ZH[v.level],
        source: SOURCE_ZH[v.source],
        foundBy: v.foundBy,
        foundAt: this.localTime(v.foundAt),
        measures: v.measures ?? '',
        responsible: v.responsiblePerson ?? '',
        funds: v.funds === null ? '' : Number(v.funds),
        deadline: v.deadline ?? '',
        plan: v.contingencyPlanRef ?? '',
        status: STATUS_ZH[v.status],
        overdue: v.overdue ? '是' : '',
        closedAt: v.closedAt ? this.localTime(v.closedAt) : '',
      });
    }
    ws.getColumn('funds').numFmt = '#,##0.00';
    ws.autoFilter = { from: 'A1', to: 'Q1' };
  }

  /** Zone-local "YYYY-MM-DD HH:mm" text: a spreadsheet has no time zones. */
  private localTime(iso: string): string {
    return new Intl.DateTimeFormat('sv-SE', {
      timeZone: this.config.TZ,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
  }

  private workbook(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Muster';
    wb.created = this.clock.now();
    return wb;
  }

  private async toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}

function ratio(n: number, d: number): number | string {
  return d ? n / d : '—';
}

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}
