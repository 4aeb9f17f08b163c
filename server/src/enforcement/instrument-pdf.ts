import {
  type InstrumentContent,
  type InstrumentKind,
  type StatementKind,
  INSTRUMENT_TITLE,
  LITIGATION_MONTHS,
  REVIEW_DAYS,
} from '@muster/contracts';
import { A4_MARGIN, openA4 } from '../common/pdf.js';

/** Everything one printed instrument shows, already worded and dated. */
export interface InstrumentForm<K extends InstrumentKind = InstrumentKind> {
  kind: K;
  /** The issuing authority, e.g. 杜集经济开发区管理委员会. */
  authority: string;
  documentNo: string;
  caseTitle: string;
  party: { name: string; creditCode: string; address: string; legalRepresentative: string };
  violations: { facts: string; basis: string; hazardCode: string | null }[];
  content: InstrumentContent[K];
  /** Other instruments of the case this one cites, by kind. */
  cites: Partial<Record<InstrumentKind, string>>;
  statement: { kind: StatementKind; summary: string; review: string } | null;
  issuedBy: string;
  /** Zone-local "YYYY年M月D日". */
  issuedOn: string;
  /** Formats a zone-local YYYY-MM-DD the same way. */
  day: (date: string) => string;
  /** Formats an instant in the zone: "YYYY年M月D日 HH:mm". */
  instant: (iso: string) => string;
}

const STATEMENT_WORDS: Record<StatementKind, string> = {
  statement: '当事人进行了陈述、申辩',
  hearing: '当事人要求听证，已依法组织听证',
  waived: '当事人放弃陈述、申辩和听证的权利',
};

function yuan(n: number): string {
  return `人民币${n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}元`;
}

/**
 * An enforcement instrument (执法文书) on the zone's form: the authority and the number, the
 * title, the party, the facts with the provisions breached, what is decided or required with its
 * deadline, for a penalty the rights of statement, hearing and remedy, and the authority with
 * the date.
 */
export function renderInstrumentPdf(form: InstrumentForm, fontSpec: string): Promise<Buffer> {
  const title = INSTRUMENT_TITLE[form.kind];
  const { doc, width, finish } = openA4(fontSpec, {
    Title: `${title} ${form.documentNo}`,
    Author: form.authority,
    Subject: form.caseTitle,
  });

  doc.fontSize(16).fillColor('#000').text(form.authority, { align: 'center', width });
  doc.moveDown(0.3);
  doc.fontSize(20).text(title, { align: 'center', width });
  doc.moveDown(0.3);
  doc.fontSize(11).fillColor('#111').text(form.documentNo, { align: 'right', width });
  const y = doc.y + 4;
  doc
    .moveTo(A4_MARGIN, y)
    .lineTo(A4_MARGIN + width, y)
    .lineWidth(0.8)
    .strokeColor('#000')
    .stroke();
  doc.moveDown(0.8);

  const line = (label: string, value: string) =>
    doc.fontSize(12).fillColor('#111').text(`${label}：${value}`, { width, lineGap: 3 });
  const para = (text: string) =>
    doc.fontSize(12).fillColor('#111').text(text, { width, indent: 24, lineGap: 4, paragraphGap: 4 });
  const heading = (text: string) => {
    doc.moveDown(0.4);
    doc.fontSize(12).fillColor('#000').text(text, { width });
  };

  const partyLabel = [
    'inspection_record',
    'rectification_order',
    'onsite_measures',
    'recheck_opinion',
  ].includes(form.kind)
    ? '被检查单位'
    : '当事人';
  line(partyLabel, form.party.name);
  line('统一社会信用代码', form.party.creditCode);
  line('地址', form.party.address);
  line('法定代表人（负责人）', form.party.legalRepresentative);
  doc.moveDown(0.4);

  const facts = () => {
    form.violations.forEach((v, n) => {
      para(`${n + 1}. ${v.facts}${v.hazardCode ? `（隐患编号 ${v.hazardCode}）` : ''}`);
      para(`违反：${v.basis}`);
    });
  };
  const cited = (kind: InstrumentKind) => form.cites[kind] ?? '';

  switch (form.kind) {
    case 'inspection_record': {
      const c = form.content as InstrumentContent['inspection_record'];
      line('检查场所', c.place);
      line('检查时间', form.instant(c.inspectedAt));
      line('执法人员', c.inspectors);
      line('现场负责人', c.present);
      heading('检查情况：');
      para(c.situation);
      heading('发现的问题：');
      facts();
      doc.moveDown(1);
      line('被检查单位现场负责人（签名）', '');
      line('执法人员（签名）', '');
      break;
    }
    case 'rectification_order': {
      const c = form.content as InstrumentContent['rectification_order'];
      para(`经查，你单位存在下列问题：`);
      facts();
      heading('责令整改要求：');
      para(
        `依据《中华人民共和国安全生产法》第六十五条的规定，现责令你单位于${form.day(c.deadline)}前整改完毕，达到有关法律法规规章和标准规定的要求。${c.requirement}`,
      );
      para(
        `整改期限：${form.day(c.deadline)}前。整改完毕后，请书面报告，我单位将进行复查。逾期不整改的，依法予以处理。`,
      );
      break;
    }
    case 'onsite_measures': {
      const c = form.content as InstrumentContent['onsite_measures'];
      para('经查，你单位存在下列事故隐患或违法行为：');
      facts();
      heading('现场处理措施决定：');
      para(`依据${c.basis}的规定，现作出如下现场处理决定：${c.measures}`);
      if (c.deadline) para(`执行期限：${form.day(c.deadline)}前。`);
      para(
        `如果不服本决定，可以依法在${REVIEW_DAYS}日内向杜集区人民政府申请行政复议，或者在${LITIGATION_MONTHS}个月内依法向人民法院提起行政诉讼，但本决定不停止执行，法律另有规定的除外。`,
      );
      break;
    }
    case 'recheck_opinion': {
      const c = form.content as InstrumentContent['recheck_opinion'];
      para(
        `我单位于${form.day(c.recheckedOn)}对你单位执行${cited('rectification_order')}《责令限期整改指令书》的情况进行了复查，复查意见如下：`,
      );
      facts();
      heading('复查意见：');
      para(c.opinion);
      para(c.passed ? '复查结论：整改合格。' : '复查结论：整改不合格，将依法立案查处。');
      break;
    }
    case 'filing': {
      const c = form.content as InstrumentContent['filing'];
      line('案由', c.cause);
      line('案件来源', cited('inspection_record') ? `现场检查（${cited('inspection_record')}）` : '现场检查');
      heading('案情摘要：');
      para(c.summary);
      facts();
      heading('立案意见：');
      para('经审查，符合立案条件，建议立案调查。');
      line('承办人', form.issuedBy);
      line('审批意见', '同意立案');
      break;
    }
    case 'penalty_notice': {
      const c = form.content as InstrumentContent['penalty_notice'];
      para('经查，你单位存在下列违法行为：');
      facts();
      heading('拟作出的行政处罚：');
      para(
        `依据${c.basis}的规定，拟对你单位作出${c.fineYuan > 0 ? `罚款${yuan(c.fineYuan)}` : ''}${c.fineYuan > 0 && c.otherPenalty ? '，' : ''}${c.otherPenalty ?? ''}的行政处罚。`,
      );
      heading('当事人的权利：');
      para(
        `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩。如需陈述、申辩，请于${form.day(c.statementDeadline)}前（收到本告知书之日起${c.statementDays}日内）向我单位提出；逾期未提出的，视为放弃上述权利。`,
      );
      if (c.hearingRight) {
        para(
          `根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求举行听证。如要求听证，请于${form.day(c.statementDeadline)}前向我单位提出；逾期未提出的，视为放弃听证权利。`,
        );
      }
      break;
    }
    case 'penalty_decision': {
      const c = form.content as InstrumentContent['penalty_decision'];
      para('经查，你单位存在下列违法行为：');
      facts();
      para(
        `以上事实有现场检查记录${cited('inspection_record') ? `（${cited('inspection_record')}）` : ''}等证据为证。我单位于${cited('penalty_notice') ? `以${cited('penalty_notice')}《行政处罚告知书》` : ''}告知你单位拟作出行政处罚的事实、理由、依据及依法享有的权利，${form.statement ? `${STATEMENT_WORDS[form.statement.kind]}。${form.statement.summary}${form.statement.review}` : '你单位在规定期限内未提出陈述、申辩和听证要求。'}`,
      );
      para(c.reasoning);
      heading('行政处罚决定：');
      para(
        `依据${c.basis}的规定，决定对你单位作出${c.fineYuan > 0 ? `罚款${yuan(c.fineYuan)}` : ''}${c.fineYuan > 0 && c.otherPenalty ? '，' : ''}${c.otherPenalty ?? ''}的行政处罚。`,
      );
      if (c.fineYuan > 0) {
        para(
          `罚款限于${form.day(c.paymentDeadline)}前（收到本决定书之日起十五日内）缴至指定银行。逾期不缴纳的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款数额。`,
        );
      }
      heading('救济途径：');
      para(
        `如不服本决定，可以在收到本决定书之日起${REVIEW_DAYS}日内向杜集区人民政府申请行政复议，或者在${LITIGATION_MONTHS}个月内依法向人民法院提起行政诉讼。行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外。逾期不申请行政复议、不提起行政诉讼又不履行的，我单位将依法申请人民法院强制执行。`,
      );
      break;
    }
    case 'closing': {
      const c = form.content as InstrumentContent['closing'];
      line('案由', form.caseTitle);
      facts();
      heading('处理及执行情况：');
      for (const kind of ['rectification_order', 'recheck_opinion', 'penalty_decision'] as const) {
        if (cited(kind)) para(`${INSTRUMENT_TITLE[kind]}：${cited(kind)}`);
      }
      para(c.execution);
      line('承办人', form.issuedBy);
      line('审批意见', '同意结案');
      break;
    }
  }

  doc.moveDown(2);
  doc.fontSize(12).fillColor('#000').text(`${form.authority}（印章）`, { align: 'right', width });
  doc.text(form.issuedOn, { align: 'right', width });
  return finish();
}
