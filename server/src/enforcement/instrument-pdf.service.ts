import { Inject, Injectable } from '@nestjs/common';
import { type InstrumentKind, ZONE_NAME, formatInstrumentNo } from '@muster/contracts';
import { requirePdfFont } from '../common/pdf.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { HazardService } from '../hazards/hazard.service.js';
import { EnforcementService } from './enforcement.service.js';
import { renderInstrumentPdf } from './instrument-pdf.js';

/** The printed instruments, rendered on the server with the report forms' font. */
@Injectable()
export class InstrumentPdfService {
  constructor(
    private readonly enforcement: EnforcementService,
    private readonly enterprises: EnterpriseService,
    private readonly hazards: HazardService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async pdf(instrumentId: string): Promise<{ filename: string; body: Buffer }> {
    const { kase, instrument, instruments } = await this.enforcement.printable(instrumentId);
    requirePdfFont(this.config.REPORT_FONT, 'incident.reportFontMissing');
    const enterprise = await this.enterprises.get(kase.enterpriseId);
    const codes = await this.hazards.codesByIds(
      kase.violations.flatMap((v) => (v.hazardId ? [v.hazardId] : [])),
    );
    const tz = this.config.TZ;
    const dayFormat = new Intl.DateTimeFormat('zh-CN', {
      timeZone: tz,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    });
    const timeFormat = new Intl.DateTimeFormat('zh-CN', {
      timeZone: tz,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const documentNo = formatInstrumentNo(instrument.kind, instrument);
    const cites: Partial<Record<InstrumentKind, string>> = {};
    for (const i of instruments) cites[i.kind] = formatInstrumentNo(i.kind, i);
    const body = await renderInstrumentPdf(
      {
        kind: instrument.kind,
        authority: `${ZONE_NAME.zh}管理委员会`,
        documentNo,
        caseTitle: kase.title,
        party: {
          name: enterprise.name,
          creditCode: enterprise.creditCode,
          address: enterprise.address,
          legalRepresentative: enterprise.legalRepresentative,
        },
        violations: kase.violations.map((v) => ({
          facts: v.facts,
          basis: v.basis,
          hazardCode: v.hazardId ? (codes.get(v.hazardId)?.code ?? null) : null,
        })),
        content: instrument.content,
        cites,
        statement: kase.statement,
        issuedBy: instrument.issuedByName,
        issuedOn: dayFormat.format(instrument.issuedAt),
        // A zone-local date read at noon UTC stays on its day in any zone near Asia/Shanghai.
        day: (date) => dayFormat.format(new Date(`${date}T12:00:00Z`)),
        instant: (iso) => timeFormat.format(new Date(iso)),
      },
      this.config.REPORT_FONT,
    );
    return { filename: `${documentNo}.pdf`, body };
  }
}
