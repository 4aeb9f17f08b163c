import { Inject, Injectable } from '@nestjs/common';
import { ZONE_NAME, formatNoticeDocumentNo } from '@muster/contracts';
import { requirePdfFont } from '../common/pdf.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SchemeRepository } from './assessment.repository.js';
import { renderNoticePdf } from './notice-pdf.js';

/** The printed notices: numbered when issued, rendered on the server with the report forms' font. */
@Injectable()
export class NoticeService {
  constructor(
    private readonly schemes: SchemeRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async pdf(id: string): Promise<{ filename: string; body: Buffer }> {
    const notice = await this.schemes.notice(id);
    const scheme = await this.schemes.getById(notice.schemeId);
    requirePdfFont(this.config.REPORT_FONT, 'incident.reportFontMissing');
    const documentNo = formatNoticeDocumentNo(notice.kind, notice);
    const body = await renderNoticePdf(
      {
        kind: notice.kind,
        zoneName: ZONE_NAME.zh,
        documentNo,
        year: notice.year,
        schemeTitle: scheme.title,
        enterprises: notice.enterprises,
        issuedOn: new Intl.DateTimeFormat('zh-CN', {
          timeZone: this.config.TZ,
          year: 'numeric',
          month: 'long',
          day: 'numeric',
        }).format(notice.issuedAt),
      },
      this.config.REPORT_FONT,
    );
    return { filename: `${documentNo}.pdf`, body };
  }
}
