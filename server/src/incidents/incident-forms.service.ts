import { Inject, Injectable } from '@nestjs/common';
import { formatReportDocumentNo, ZONE_NAME } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { NotFoundError, UnavailableError, problem } from '../common/domain-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { FileService } from '../files/file.service.js';
import { UserFinder } from '../identity/user-finder.js';
import type { IncidentReport } from './incident.entity.js';
import { IncidentRepository } from './incident.repository.js';
import { fontInstalled } from '../common/pdf.js';
import { type ReportForm, renderReportPdf } from './report-pdf.js';
import { zoneYearMonth } from './statistics.js';

export interface PdfFile {
  filename: string;
  body: Buffer;
}

/** The printed 事故快报 and 续报: numbered on first printing, rendered on the server. */
@Injectable()
export class IncidentFormsService {
  constructor(
    private readonly db: Db,
    private readonly incidents: IncidentRepository,
    private readonly files: FileService,
    private readonly users: UserFinder,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reportPdf(incidentId: string, reportId: string, now = new Date()): Promise<PdfFile> {
    // The incident through the caller's scope: a report of another enterprise's incident is a 404.
    const incident = await this.incidents.getById(incidentId);
    const reports = await this.incidents.reports(incidentId);
    const index = reports.findIndex((r) => r.id === reportId);
    if (index < 0) throw new NotFoundError('Report not found');
    const report = reports[index]!;
    // Checked before a number is given out: a form that cannot be printed must not use one up.
    if (!fontInstalled(this.config.REPORT_FONT)) {
      throw new UnavailableError(
        problem(
          'incident.reportFontMissing',
          'The font the printed forms need is not installed on the server (REPORT_FONT); ask the operator to install fonts-wqy-microhei',
        ),
      );
    }
    const no = await this.documentNo(report, incident.isDrill);
    const documentNo = formatReportDocumentNo(report.kind, no, incident.isDrill);
    const files = await this.files.viewsByIds(report.attachmentIds);
    const previous = index > 0 ? reports[index - 1]! : null;
    const tz = this.config.TZ;
    const form: ReportForm = {
      kind: report.kind,
      zoneName: ZONE_NAME.zh,
      documentNo,
      isDrill: incident.isDrill,
      ordinal: reports.slice(0, index + 1).filter((r) => r.kind === 'supplementary').length,
      occurredAt: zhDateTime(incident.occurredAt, tz),
      submittedAt: zhDateTime(report.submittedAt, tz),
      printedOn: zhDate(now, tz),
      title: incident.title,
      category: incident.category,
      address: incident.address,
      location: { lat: incident.lat, lng: incident.lng },
      overview: report.unitOverview ?? incident.unitOverview,
      summary: report.summary,
      casualties: {
        deaths: report.deaths,
        missing: report.missing,
        seriousInjuries: report.seriousInjuries,
        minorInjuries: report.minorInjuries,
      },
      directLossCny: report.directLossCny,
      severity: report.severityAfter,
      previous: previous && {
        casualties: {
          deaths: previous.deaths,
          missing: previous.missing,
          seriousInjuries: previous.seriousInjuries,
          minorInjuries: previous.minorInjuries,
        },
        directLossCny: previous.directLossCny,
      },
      outsideWindow: report.outsideWindow,
      measuresTaken: report.measuresTaken,
      otherMatters: report.otherMatters,
      // The first report names its reporter; a 续报 is signed by whoever filed it.
      reporter:
        report.kind === 'initial'
          ? { name: incident.reporterName, phone: incident.reporterPhone }
          : { name: await this.filerName(report), phone: '' },
      attachments: report.attachmentIds.flatMap((id) => files.get(id)?.name ?? []),
    };
    return { filename: `${documentNo}.pdf`, body: await renderReportPdf(form, this.config.REPORT_FONT) };
  }

  private async filerName(report: IncidentReport): Promise<string> {
    if (!report.submittedBy) return '';
    return (await this.users.namesByIds([report.submittedBy])).get(report.submittedBy) ?? '';
  }

  /**
   * The report's number, given on its first printing and kept: the year is the zone-local year
   * the report was filed in, so a report filed on 31 December and printed in January still
   * counts in its own year.
   */
  private async documentNo(report: IncidentReport, isDrill: boolean): Promise<{ year: number; seq: number }> {
    if (report.documentYear !== null && report.documentSeq !== null) {
      return { year: report.documentYear, seq: report.documentSeq };
    }
    return this.db.transaction(async () => {
      const { year } = zoneYearMonth(report.submittedAt, this.config.TZ);
      const numbered = await this.incidents.numberReport(report, year, isDrill);
      if (numbered.assigned) {
        await this.audit.record({
          action: 'incident.report_numbered',
          entity: 'incident',
          entityId: report.incidentId,
          after: {
            reportId: report.id,
            kind: report.kind,
            documentNo: formatReportDocumentNo(report.kind, numbered, isDrill),
          },
        });
      }
      return { year: numbered.year, seq: numbered.seq };
    });
  }
}

function zhDateTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

function zhDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(at);
}
