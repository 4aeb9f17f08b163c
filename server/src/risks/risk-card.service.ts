import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { requirePdfFont } from '../common/pdf.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { renderRiskCardPdf } from './risk-card-pdf.js';
import { RiskService } from './risk.service.js';

/** The post risk notification card printed as PDF, from the same card the console shows. */
@Injectable()
export class RiskCardService {
  constructor(
    private readonly risks: RiskService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async postCardPdf(enterpriseId: string, post: string): Promise<{ filename: string; body: Buffer }> {
    requirePdfFont(this.config.REPORT_FONT, 'risk.cardFontMissing');
    const card = await this.risks.postCard(enterpriseId, post);
    const printedOn = new Intl.DateTimeFormat('zh-CN', {
      timeZone: this.config.TZ,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    }).format(this.clock.now());
    return {
      filename: `岗位风险告知卡-${card.enterpriseName}-${post}.pdf`,
      body: await renderRiskCardPdf({ card, printedOn }, this.config.REPORT_FONT),
    };
  }
}
