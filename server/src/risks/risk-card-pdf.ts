import { type ControlLevel, type PostRiskCardView, RISK_COLORS, type RiskClass } from '@muster/contracts';
import { createPdf } from '../common/pdf.js';

/** The card as posted at the workplace: the post's points, already gathered and dated. */
export interface RiskCardForm {
  card: PostRiskCardView;
  /** Zone-local "YYYY年M月D日". */
  printedOn: string;
}

const MARGIN = 42;
const GRADE_WORDS: Record<RiskClass, string> = {
  major: '重大风险',
  high: '较大风险',
  medium: '一般风险',
  low: '低风险',
};
const LEVEL_WORDS: Record<ControlLevel, string> = {
  company: '公司级',
  workshop: '车间级',
  team: '班组级',
  post: '岗位级',
};
/** The public emergency numbers every card carries beside the enterprise's own. */
const PUBLIC_PHONES = '火警 119　急救 120　报警 110';
const UNASSESSED = { fill: '#6b7280', stroke: '#374151' };

/**
 * Renders a post risk notification card (岗位风险告知卡) on A4: a band in the colour of the
 * post's worst grade, then per risk point its hazards and what they can lead to, the control
 * measures with the level and person owning each, the emergency actions, and the numbers to
 * call. In Chinese, like the card on the workshop wall.
 */
export function renderRiskCardPdf(form: RiskCardForm, fontSpec: string): Promise<Buffer> {
  const { card } = form;
  const { doc, done } = createPdf(fontSpec, {
    margin: MARGIN,
    info: { Title: `岗位风险告知卡 ${card.post}`, Author: card.enterpriseName, Subject: card.post },
  });
  const width = doc.page.width - 2 * MARGIN;
  const colour = card.grade ? RISK_COLORS[card.grade] : UNASSESSED;
  // Black reads on the yellow band, white on the others.
  const onBand = card.grade === 'medium' ? '#111' : '#fff';

  const bandTop = doc.y;
  doc.rect(MARGIN, bandTop, width, 78).fill(colour.fill);
  doc
    .fillColor(onBand)
    .fontSize(24)
    .text('岗位风险告知卡', MARGIN, bandTop + 10, { width, align: 'center' });
  doc
    .fontSize(13)
    .text(`风险等级：${card.grade ? GRADE_WORDS[card.grade] : '未评估'}`, MARGIN, bandTop + 46, {
      width,
      align: 'center',
    });
  doc.y = bandTop + 90;
  doc.x = MARGIN;
  doc.fillColor('#111').fontSize(12).text(`单位：${card.enterpriseName}`, { width });
  doc.text(`岗位：${card.post}`, { width });

  const heading = (text: string) => {
    doc.moveDown(0.5).fontSize(12).fillColor(colour.stroke).text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.15).fillColor('#111');
  };
  const item = (text: string) => {
    doc
      .fontSize(10.5)
      .fillColor('#111')
      .text(text, MARGIN + 14, doc.y, { width: width - 14, lineGap: 2 });
  };

  if (card.points.length === 0) {
    doc.moveDown().fontSize(11).text('本岗位尚无登记的风险点。', { width });
  }
  for (const p of card.points) {
    doc.moveDown(0.6);
    if (doc.y > doc.page.height - MARGIN - 160) doc.addPage();
    const pointColour = p.grade ? RISK_COLORS[p.grade] : UNASSESSED;
    const top = doc.y;
    doc.rect(MARGIN, top, 6, 18).fill(pointColour.fill);
    doc
      .fillColor('#000')
      .fontSize(13.5)
      .text(`风险点：${p.name}（${p.grade ? GRADE_WORDS[p.grade] : '未评估'}）`, MARGIN + 12, top + 1, {
        width: width - 12,
      });
    if (p.place) item(`位置：${p.place}`);

    heading('主要危险有害因素及可能导致的后果');
    if (p.hazards.length === 0) item('无');
    p.hazards.forEach((h, n) => item(`${n + 1}. ${h.factor} —— ${h.consequence}`));

    heading('管控措施');
    if (p.measures.length === 0) item('无');
    p.measures.forEach((m, n) => item(`${n + 1}. ${m.text}（${LEVEL_WORDS[m.level]}，责任人：${m.person}）`));

    heading('应急处置措施');
    if (p.emergencyActions.length === 0) item('无');
    p.emergencyActions.forEach((a, n) => item(`${n + 1}. ${a}`));
  }

  // The numbers to call close the card, boxed in the band's colour.
  doc.moveDown(0.8);
  if (doc.y > doc.page.height - MARGIN - 70) doc.addPage();
  const boxTop = doc.y;
  doc.lineWidth(2).rect(MARGIN, boxTop, width, 52).stroke(colour.stroke);
  doc
    .fillColor('#000')
    .fontSize(13)
    .text(`应急电话：${card.dutyPhone || '—'}（${card.enterpriseName}）`, MARGIN + 12, boxTop + 9, {
      width: width - 24,
    });
  doc.fontSize(12).text(PUBLIC_PHONES, MARGIN + 12, doc.y + 3, { width: width - 24 });
  doc.y = boxTop + 60;
  doc
    .fontSize(9)
    .fillColor('#555')
    .text(`打印日期：${form.printedOn}`, MARGIN, doc.y, { width, align: 'right' });

  doc.end();
  return done;
}
