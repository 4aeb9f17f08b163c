import { Inject, Injectable } from '@nestjs/common';
import { type QuarterState, type RecordLanguage, ZONE_NAME } from '@muster/contracts';
import { requirePdfFont } from '../common/pdf.js';
import { writeXlsxSheets } from '../common/tabular.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PROGRESS_ZH, renderPlanPdf } from './plan-pdf.js';
import { WorkPlanService } from './work-plan.service.js';

const STATUS_TEXT = {
  not_started: ['未编制', 'Not started'],
  draft: ['草稿', 'Draft'],
  submitted: ['待审核', 'Submitted'],
  returned: ['退回修改', 'Returned'],
  approved: ['审核通过', 'Approved'],
} as const;

const QUARTER_TEXT: Record<QuarterState, readonly [string, string]> = {
  not_owed: ['—', '—'],
  upcoming: ['未到期', 'Not open'],
  open: ['待报送', 'Open'],
  submitted: ['按时报送', 'On time'],
  late: ['逾期报送', 'Late'],
  missing: ['未报送', 'Missing'],
};

const PROGRESS_EN = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  delayed: 'Delayed',
};

/** The zone's overview as a workbook, and an enterprise's plan as its printed document. */
@Injectable()
export class WorkPlanExportService {
  constructor(
    private readonly plans: WorkPlanService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Two sheets: the enterprises × quarters matrix, and every task of every plan with its progress. */
  async xlsx(year: number, lang: RecordLanguage): Promise<Buffer> {
    const zh = lang !== 'en';
    const w = (pair: readonly [string, string]) => (zh ? pair[0] : pair[1]);
    const overview = await this.plans.overview(year);
    const quarters = [1, 2, 3, 4].map((q) => (zh ? `第${q}季度` : `Q${q}`));
    const columns = [
      ...(zh
        ? ['企业', '年度', '实施方案', '首次报送', '逾期报送', '审核通过']
        : ['Enterprise', 'Year', 'Plan', 'First submitted', 'Submitted late', 'Approved']),
      ...quarters,
      ...(zh ? ['任务数', '已完成', '滞后'] : ['Tasks', 'Done', 'Delayed']),
    ];
    const day = (iso: string | null) =>
      iso ? new Intl.DateTimeFormat('en-CA', { timeZone: this.config.TZ }).format(new Date(iso)) : '';
    const rows = overview.rows.map((r) => {
      const values: (string | number)[] = [
        r.enterpriseName,
        year,
        w(STATUS_TEXT[r.status]),
        day(r.firstSubmittedAt),
        r.submittedLate ? (zh ? '是' : 'yes') : '',
        day(r.approvedAt),
        ...r.quarters.map((c) => w(QUARTER_TEXT[c.state])),
        r.tasks?.total ?? '',
        r.tasks?.done ?? '',
        r.tasks?.delayed ?? '',
      ];
      return Object.fromEntries(columns.map((c, i) => [c, values[i]!]));
    });
    const taskColumns = zh
      ? ['企业', '重点任务', '任务', '责任人', '完成时限', '最新进展', '完成比例', '滞后原因']
      : [
          'Enterprise',
          'Key task',
          'Task',
          'Responsible',
          'Deadline',
          'Latest status',
          'Percent',
          'Reason delayed',
        ];
    const taskRows: Record<string, string | number>[] = [];
    for (const r of overview.rows) {
      if (!r.planId || r.status !== 'approved') continue;
      const plan = await this.plans.get(r.planId);
      const latest = plan.reports.at(-1);
      for (const t of plan.content.tasks) {
        const section = plan.template.sections.find((s) => s.key === t.sectionKey)?.title ?? '';
        const e = latest?.entries.find((x) => x.taskKey === t.key);
        const values: (string | number)[] = [
          r.enterpriseName,
          section,
          t.heading,
          t.responsibleName ?? '',
          t.deadline ?? '',
          e ? (zh ? PROGRESS_ZH[e.status] : PROGRESS_EN[e.status]) : '',
          e ? e.percent : '',
          e?.reason ?? '',
        ];
        taskRows.push(Object.fromEntries(taskColumns.map((c, i) => [c, values[i]!])));
      }
    }
    return writeXlsxSheets([
      { name: zh ? '实施方案报送情况' : 'Plans and reports', columns, rows },
      { name: zh ? '任务进展' : 'Task progress', columns: taskColumns, rows: taskRows },
    ]);
  }

  async pdf(id: string): Promise<{ filename: string; body: Buffer }> {
    const plan = await this.plans.get(id);
    requirePdfFont(this.config.REPORT_FONT, 'incident.reportFontMissing');
    const body = await renderPlanPdf(plan, ZONE_NAME.zh, this.config.TZ, this.config.REPORT_FONT);
    return { filename: `${plan.enterpriseName}${plan.year}年度安全生产工作实施方案.pdf`, body };
  }
}
