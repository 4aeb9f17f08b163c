import {
  type Casualties,
  ENUM_TEXT,
  type IncidentCategory,
  type Severity,
  type UnitOverview,
} from '@muster/contracts';
import { A4_MARGIN, openA4 } from '../common/pdf.js';

/** Everything one printed form shows, already worded; the renderer decides nothing. */
export interface ReportForm {
  kind: 'initial' | 'supplementary';
  zoneName: string;
  documentNo: string;
  isDrill: boolean;
  /** 第N次续报; 0 for the initial report. */
  ordinal: number;
  /** Zone-local "YYYY年M月D日 HH:mm". */
  occurredAt: string;
  submittedAt: string;
  printedOn: string;
  title: string;
  category: IncidentCategory;
  address: string;
  location: { lat: number; lng: number };
  overview: UnitOverview | null;
  summary: string;
  casualties: Casualties;
  directLossCny: number;
  severity: Severity;
  /** The previous report's figures, for a 续报's comparison. */
  previous: { casualties: Casualties; directLossCny: number } | null;
  outsideWindow: boolean;
  measuresTaken: string;
  otherMatters: string;
  reporter: { name: string; phone: string };
  attachments: string[];
}

const NONE = '无';

function yuan(amount: number): string {
  return amount.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
}

function casualtyLine(c: Casualties): string {
  return (
    `死亡 ${c.deaths} 人，失踪（下落不明）${c.missing} 人，` +
    `重伤（含急性工业中毒）${c.seriousInjuries} 人，轻伤 ${c.minorInjuries} 人`
  );
}

/**
 * Renders the 事故快报 (the six items of Decree 493 Art. 12) or a 续报 as an A4 PDF in Chinese,
 * with the zone's name, the document number and the lines the signatories sign on.
 */
export function renderReportPdf(form: ReportForm, fontSpec: string): Promise<Buffer> {
  const { doc, width, finish } = openA4(fontSpec, {
    Title: `${form.kind === 'initial' ? '生产安全事故快报' : '生产安全事故续报'} ${form.documentNo}`,
    Author: form.zoneName,
    Subject: form.title,
  });

  const heading = (text: string) => {
    doc.moveDown(0.6).fontSize(12.5).fillColor('#000').text(text, { width });
    doc.moveDown(0.2);
  };
  const para = (text: string) => {
    doc
      .fontSize(11)
      .fillColor('#111')
      .text(text.trim() || NONE, { width, indent: 22, lineGap: 3, paragraphGap: 2 });
  };
  const row = (label: string, value: string) => {
    doc
      .fontSize(11)
      .fillColor('#444')
      .text(`${label}：`, { continued: true, width })
      .fillColor('#111')
      .text(value.trim() || '—', { lineGap: 2 });
  };

  // Head: the zone, the form's name, its number and when it was sent.
  doc.fontSize(12).fillColor('#b00').text(form.zoneName, { align: 'center', width });
  doc.moveDown(0.3);
  const formName = form.kind === 'initial' ? '生产安全事故快报' : '生产安全事故续报';
  doc
    .fontSize(20)
    .fillColor('#000')
    .text(`${form.isDrill ? '【演练】' : ''}${formName}`, { align: 'center', width });
  if (form.kind === 'supplementary') {
    doc.fontSize(11).text(`（第 ${form.ordinal} 次续报）`, { align: 'center', width });
  }
  doc.moveDown(0.5);
  doc.fontSize(10.5).fillColor('#111').text(form.documentNo, { align: 'right', width });
  doc.text(`报送时间：${form.submittedAt}`, { align: 'right', width });
  const y = doc.y + 4;
  doc
    .moveTo(A4_MARGIN, y)
    .lineTo(A4_MARGIN + width, y)
    .lineWidth(1)
    .strokeColor('#b00')
    .stroke();
  doc.moveDown(0.6);

  const o = form.overview;
  const category = ENUM_TEXT.category[form.category][0];
  const severity = ENUM_TEXT.severity[form.severity][0];
  const figures = () => {
    para(`${casualtyLine(form.casualties)}。初步估计直接经济损失 ${yuan(form.directLossCny)} 元。`);
    para(`${form.kind === 'initial' ? '按上述情况初判事故等级' : '事故等级'}：${severity}。`);
  };

  if (form.kind === 'initial') {
    heading('一、事故发生单位概况');
    row('单位名称', o?.name ?? '');
    row('统一社会信用代码', o?.creditCode ?? '');
    row('单位地址', o?.address ?? '');
    row('单位性质（行业）', o?.nature ?? '');
    row('法定代表人', o?.legalRepresentative ?? '');
    row('规模及生产能力', o?.scale ?? '');
    row('证照情况', o?.licences ?? '');
    row('联系电话', o?.phone ?? '');

    heading('二、事故发生的时间、地点以及事故现场情况');
    row('事故名称', form.title);
    row('事故类别', category);
    row('发生时间', form.occurredAt);
    row('发生地点', form.address);
    row('坐标', `北纬 ${form.location.lat.toFixed(6)}，东经 ${form.location.lng.toFixed(6)}`);

    heading('三、事故的简要经过');
    para(form.summary);

    heading('四、已经造成或者可能造成的伤亡人数（包括下落不明的人数）和初步估计的直接经济损失');
    figures();

    heading('五、已经采取的措施');
    para(form.measuresTaken);

    heading('六、其他应当报告的情况');
    para(form.otherMatters);
  } else {
    heading('一、事故基本情况');
    row('事故名称', form.title);
    row('事故发生单位', o?.name ?? '');
    row('事故类别', category);
    row('发生时间', form.occurredAt);
    row('发生地点', form.address);

    heading('二、事故进展情况');
    para(form.summary);

    heading('三、伤亡人数和直接经济损失（截至本次续报）');
    figures();
    if (form.previous) {
      para(
        `上次报告：${casualtyLine(form.previous.casualties)}，直接经济损失 ${yuan(form.previous.directLossCny)} 元。`,
      );
    }
    if (form.outsideWindow) {
      para('本次续报已超过《生产安全事故报告和调查处理条例》第十三条规定的补报期限，事故等级不因此调整。');
    }

    heading('四、续报后采取的措施');
    para(form.measuresTaken);

    heading('五、其他应当报告的情况');
    para(form.otherMatters);
  }

  if (form.attachments.length) {
    heading('附件');
    form.attachments.forEach((name, n) => para(`${n + 1}. ${name}`));
  }

  // Signatures: the filer is printed, the reviewer and the unit's head sign by hand.
  doc.moveDown(0.8);
  if (doc.y > doc.page.height - A4_MARGIN - 90) doc.addPage();
  const line = '＿＿＿＿＿＿＿＿＿＿';
  doc.fontSize(11).fillColor('#111');
  const left = A4_MARGIN;
  const half = width / 2;
  const sigY = doc.y;
  doc.text(`填报人：${form.reporter.name || line}`, left, sigY, { width: half });
  doc.text(`联系电话：${form.reporter.phone || line}`, left + half, sigY, { width: half });
  doc.moveDown(1.2);
  const sigY2 = doc.y;
  doc.text(`审核人（签字）：${line}`, left, sigY2, { width: half });
  doc.text(`单位负责人（签字）：${line}`, left + half, sigY2, { width: half });
  doc.moveDown(1.2);
  const sigY3 = doc.y;
  doc.text('报送单位（盖章）', left, sigY3, { width: half });
  doc.text(`日期：${form.printedOn}`, left + half, sigY3, { width: half });

  return finish();
}
