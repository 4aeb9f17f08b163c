import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ASSESSMENT_BAND_TEXT } from '@muster/contracts';
import { PortalSections, type PortalItem } from '../portal/portal-sections.js';
import { AssessmentService, type PublishedNotice } from './assessment.service.js';
import { noticeTitle } from './notice-pdf.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The enterprises commended (表彰) and publicly criticised (通报批评) after a published year's
 * assessment, as the numbered notices named them: the plan asks for both to be made public.
 */
@Injectable()
export class AssessmentResultsSection implements OnModuleInit {
  constructor(
    private readonly sections: PortalSections,
    private readonly assessments: AssessmentService,
  ) {}

  onModuleInit(): void {
    this.sections.register({
      key: 'assessment-results',
      title: { zh: '考核表彰与通报', en: 'Assessment commendations and criticisms' },
      order: 40,
      list: async (limit) => (await this.assessments.publishedNotices(limit)).map(item),
      get: async (id) => {
        const [n] = UUID.test(id) ? await this.assessments.publishedNotices(1, id) : [];
        return n ? item(n) : null;
      },
    });
  }
}

function item(n: PublishedNotice): PortalItem {
  const named = n.enterprises.map(
    (e, i) => `${i + 1}. ${e.name}（考核得分 ${e.total} 分，等次：${ASSESSMENT_BAND_TEXT[e.band][0]}）`,
  );
  const verdict =
    n.kind === 'commendation'
      ? `根据《${n.schemeTitle}》，下列企业${n.year}年度安全生产监督考核结果为优秀，予以通报表彰。`
      : `根据《${n.schemeTitle}》，下列企业${n.year}年度安全生产监督考核结果为不合格，予以通报批评，并责令其认真整改。`;
  return {
    id: n.id,
    title: `${noticeTitle(n.kind, n.year)}（${n.documentNo}）`,
    summary: `${verdict}${n.enterprises.map((e) => e.name).join('、')}。`,
    body: [`文号：${n.documentNo}`, verdict, named.join('\n')].join('\n\n'),
    publishedAt: n.issuedAt,
    updatedAt: n.issuedAt,
  };
}
