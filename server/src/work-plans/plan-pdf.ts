import type {
  ProgressStatus,
  WorkPlanDetail,
  WorkPlanStatus,
  WorkPlanTemplateSection,
} from '@muster/contracts';
import { openA4 } from '../common/pdf.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numeral = (i: number) => NUMERALS[i] ?? String(i + 1);

const STATUS_ZH: Record<WorkPlanStatus, string> = {
  draft: '草稿（未报送）',
  submitted: '已报送，待园区审核',
  returned: '园区退回修改',
  approved: '园区审核通过',
};

export const PROGRESS_ZH: Record<ProgressStatus, string> = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  delayed: '滞后',
};

/** "2031年3月25日" in the zone's time. */
export function zhDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(new Date(iso));
}

/**
 * An enterprise's implementation plan as the printed document it files with the zone: its goals,
 * its key tasks with measures, responsible person and deadline, its safeguards, and where the
 * plan stands; with the quarterly progress reported so far once approved.
 */
export function renderPlanPdf(
  plan: WorkPlanDetail,
  zoneName: string,
  timeZone: string,
  fontSpec: string,
): Promise<Buffer> {
  const title = `${plan.enterpriseName}${plan.year}年度安全生产工作实施方案`;
  const { doc, width, finish } = openA4(fontSpec, {
    Title: title,
    Author: plan.enterpriseName,
    Subject: plan.template.title,
  });
  const para = (text: string, size = 12) =>
    doc.fontSize(size).fillColor('#111').text(text, { width, indent: 24, lineGap: 4, paragraphGap: 4 });
  const heading = (text: string, size = 14) => {
    doc.moveDown(0.6);
    doc.fontSize(size).fillColor('#000').text(text, { width });
    doc.moveDown(0.2);
  };

  doc.fontSize(18).fillColor('#000').text(title, { align: 'center', width });
  doc.moveDown(0.5);
  const state =
    plan.status === 'approved' && plan.approvedAt
      ? `${STATUS_ZH.approved}（${zhDate(plan.approvedAt, timeZone)}）`
      : STATUS_ZH[plan.status];
  doc
    .fontSize(10)
    .fillColor('#444')
    .text(`依据《${zoneName}安全生产工作方案》及《${plan.template.title}》编制`, { align: 'center', width });
  doc.text(`状态：${state}`, { align: 'center', width });
  doc.moveDown(0.8);

  const text = (key: string) => plan.content.sections.find((s) => s.key === key)?.text.trim() || '（未填写）';
  const of = (kind: WorkPlanTemplateSection['kind']) => plan.template.sections.filter((s) => s.kind === kind);
  let n = 0;
  for (const s of of('goals')) {
    heading(`${numeral(n++)}、${s.title}`);
    para(text(s.key));
  }
  const taskSections = of('tasks');
  if (taskSections.length) {
    heading(`${numeral(n++)}、重点任务`);
    taskSections.forEach((s, i) => {
      heading(`（${numeral(i)}）${s.title}`, 12.5);
      plan.content.tasks
        .filter((t) => t.sectionKey === s.key)
        .forEach((t, j) => {
          doc
            .fontSize(12)
            .fillColor('#000')
            .text(`${j + 1}. ${t.heading}${t.extra ? '（自定任务）' : ''}`, { width });
          para(`工作措施：${t.measures.trim() || '（未填写）'}`, 11);
          para(
            `责任人：${t.responsibleName ?? '（未指定）'}\u3000\u3000完成时限：${t.deadline ?? '（未定）'}`,
            11,
          );
        });
    });
  }
  const safeguards = of('safeguards');
  if (safeguards.length) {
    heading(`${numeral(n++)}、保障措施`);
    safeguards.forEach((s, i) => {
      heading(`（${numeral(i)}）${s.title}`, 12.5);
      para(text(s.key));
    });
  }

  if (plan.reports.length) {
    heading(`${numeral(n)}、季度进展`);
    const headings = new Map(plan.content.tasks.map((t) => [t.key, t.heading]));
    for (const r of plan.reports) {
      heading(
        `第${numeral(r.quarter - 1)}季度（报送于${zhDate(r.firstSubmittedAt, timeZone)}${r.late ? '，逾期' : ''}）`,
        12.5,
      );
      if (r.note) para(r.note, 11);
      for (const e of r.entries) {
        para(
          `${headings.get(e.taskKey) ?? e.taskKey}：${PROGRESS_ZH[e.status]} ${e.percent}%${e.reason ? `（${e.reason}）` : ''}`,
          11,
        );
      }
    }
  }

  doc.moveDown(2);
  doc.fontSize(12).fillColor('#000').text(plan.enterpriseName, { align: 'right', width });
  if (plan.submittedAt) doc.text(zhDate(plan.submittedAt, timeZone), { align: 'right', width });
  return finish();
}
