import { ASSESSMENT_BAND_TEXT, type NoticeKind } from '@muster/contracts';
import { A4_MARGIN, openA4 } from '../common/pdf.js';
import type { NoticeEnterprise } from './assessment.entities.js';

/** Everything one printed notice shows, already worded. */
export interface NoticeForm {
  kind: NoticeKind;
  zoneName: string;
  documentNo: string;
  year: number;
  schemeTitle: string;
  enterprises: NoticeEnterprise[];
  /** Zone-local "YYYY年M月D日". */
  issuedOn: string;
}

export function noticeTitle(kind: NoticeKind, year: number): string {
  return kind === 'commendation'
    ? `关于表彰${year}年度安全生产监督考核优秀企业的通报`
    : `关于${year}年度安全生产监督考核不合格企业的通报批评`;
}

/**
 * The commendation (表彰) or public-criticism (通报批评) notice the plan names as a use of the
 * assessment's result: the zone's red head, the number, the enterprises with their totals and
 * bands, and the issuing body with the date.
 */
export function renderNoticePdf(form: NoticeForm, fontSpec: string): Promise<Buffer> {
  const title = noticeTitle(form.kind, form.year);
  const { doc, width, finish } = openA4(fontSpec, {
    Title: `${title} ${form.documentNo}`,
    Author: form.zoneName,
    Subject: form.schemeTitle,
  });

  doc.fontSize(22).fillColor('#c00').text(`${form.zoneName}管理委员会`, { align: 'center', width });
  doc.moveDown(0.4);
  doc.fontSize(11).fillColor('#111').text(form.documentNo, { align: 'center', width });
  const y = doc.y + 6;
  doc
    .moveTo(A4_MARGIN, y)
    .lineTo(A4_MARGIN + width, y)
    .lineWidth(1.5)
    .strokeColor('#c00')
    .stroke();
  doc.moveDown(1.2);
  doc.fontSize(17).fillColor('#000').text(title, { align: 'center', width });
  doc.moveDown(0.8);

  const para = (text: string) =>
    doc.fontSize(12).fillColor('#111').text(text, { width, indent: 24, lineGap: 4, paragraphGap: 4 });
  doc.fontSize(12).text('区内各企业、各有关部门：', { width });
  if (form.kind === 'commendation') {
    para(
      `根据《${form.schemeTitle}》，经系统核算、现场评分、审核公布，下列企业${form.year}年度安全生产监督考核结果为优秀。为树立典型、激励先进，经研究，决定予以通报表彰。`,
    );
  } else {
    para(
      `根据《${form.schemeTitle}》，经系统核算、现场评分、审核公布，下列企业${form.year}年度安全生产监督考核结果为不合格。为严肃考核纪律、压实主体责任，经研究，决定予以通报批评，并责令其认真整改，整改情况于三十日内书面报送管委会。`,
    );
  }
  doc.moveDown(0.5);
  form.enterprises.forEach((e, n) => {
    para(`${n + 1}. ${e.name}（考核得分 ${e.total} 分，等次：${ASSESSMENT_BAND_TEXT[e.band][0]}）`);
  });
  doc.moveDown(0.5);
  para(
    form.kind === 'commendation'
      ? '希望受表彰企业再接再厉，持续提升安全生产管理水平；区内各企业要以先进为榜样，切实落实安全生产主体责任。'
      : '被通报企业要深刻汲取教训，逐项落实整改措施；区内各企业要引以为戒，举一反三，切实落实安全生产主体责任。',
  );

  doc.moveDown(2);
  doc.fontSize(12).text(`${form.zoneName}管理委员会`, { align: 'right', width });
  doc.text(form.issuedOn, { align: 'right', width });
  return finish();
}
