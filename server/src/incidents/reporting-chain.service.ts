import { Inject, Injectable } from '@nestjs/common';
import type { ChainActKind, ReportingChainView } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { ConflictError, InvalidError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { FileService } from '../files/file.service.js';
import { Broadcaster } from '../room-log/broadcaster.js';
import { RoomLog } from '../room-log/room-log.js';
import type {
  CasualtyChangeDto,
  EnterpriseReportDto,
  InvestigationExtensionDto,
  InvestigationRecordDto,
  OnwardReportDto,
  ProvincialReportDto,
} from './reporting-chain.dto.js';
import type { Incident } from './incident.entity.js';
import { IncidentRepository } from './incident.repository.js';
import { mapChainAct, mapIncidentSummary } from './incident.view.js';
import type { IncidentChainAct } from './reporting-chain.entity.js';
import { ReportingChainRepository } from './reporting-chain.repository.js';
import { MAX_INVESTIGATION_EXTENSION_DAYS, chainFacts, reportingChain } from './reporting-chain.js';
import { clockFacts, withinSupplementaryWindow } from './reporting.js';

/** A time may run a little ahead of the server clock (phones drift); beyond that it is a typo. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * The reporting chain of Decree 493 Art. 9–13, 29, 32 and SAWS Order 21: each act recorded by
 * whoever owes it (the enterprise its own reports, the zone its onward reports and the
 * investigation), audited and told to the room.
 */
@Injectable()
export class ReportingChainService {
  constructor(
    private readonly db: Db,
    private readonly incidents: IncidentRepository,
    private readonly chains: ReportingChainRepository,
    private readonly files: FileService,
    private readonly rooms: RoomLog,
    private readonly live: Broadcaster,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(id: string): Promise<ReportingChainView> {
    return this.compute(await this.incidents.getById(id), this.clock.now());
  }

  /** The chain of an incident the caller may already read. */
  async compute(incident: Incident, now: Date): Promise<ReportingChainView> {
    const [acts, reports] = await Promise.all([
      this.chains.actsOf([incident.id]),
      this.chains.reportTimesOf([incident.id]),
    ]);
    return reportingChain(chainFacts(incident), acts.map(mapChainAct), reports, now, this.config.TZ);
  }

  /**
   * The enterprise's own report, when the zone recorded the incident first: it meets the
   * 1-hour duty (late if after the head's hour) and may say when its head was told.
   */
  enterpriseReport(id: string, dto: EnterpriseReportDto): Promise<ReportingChainView> {
    return this.record(id, 'enterprise_report', dto.at, async (incident, at) => {
      if (clockFacts(incident).enterpriseReportedAt) {
        throw new ConflictError("The enterprise's report is already on record");
      }
      if (dto.headInformedAt !== undefined) {
        const head = this.instant('headInformedAt', dto.headInformedAt, incident);
        if (head.getTime() > at.getTime()) {
          throw new InvalidError(['headInformedAt: lies after the report it was made for']);
        }
        incident.headInformedAt = head;
      }
      incident.enterpriseReportedAt = at;
      return { note: dto.note ?? '', senderName: dto.senderName ?? null };
    });
  }

  provincial(id: string, dto: ProvincialReportDto): Promise<ReportingChainView> {
    return this.record(id, 'provincial', dto.at, async (incident) => ({
      recipient: dto.recipient,
      channel: dto.channel,
      senderName: dto.senderName,
      fileId: await this.file(dto.fileId, incident),
      note: dto.note ?? '',
    }));
  }

  onward(id: string, dto: OnwardReportDto): Promise<ReportingChainView> {
    return this.record(id, 'onward', dto.at, async (incident) => ({
      level: dto.level,
      recipient: dto.recipient,
      channel: dto.channel,
      senderName: dto.senderName,
      fileId: await this.file(dto.fileId, incident),
      note: dto.note ?? '',
    }));
  }

  /** A change in casualties inside the window (Art. 13): the 补报 is due by the end of that day. */
  casualtyChange(id: string, dto: CasualtyChangeDto): Promise<ReportingChainView> {
    return this.record(id, 'casualty_change', dto.at, async (incident, at) => {
      if (!withinSupplementaryWindow(incident.category, incident.occurredAt, at, this.config.TZ)) {
        throw new InvalidError([
          'at: after the supplementary window closed (30 days; 7 for road traffic and fire); no 补报 is owed',
        ]);
      }
      return { note: dto.note };
    });
  }

  investigationReport(id: string, dto: InvestigationRecordDto): Promise<ReportingChainView> {
    return this.record(id, 'investigation_report', dto.at, async (incident) => ({
      fileId: await this.file(dto.fileId, incident),
      note: dto.note ?? '',
    }));
  }

  /** Art. 29: once, at most 60 days, with the reason and who approved it, while the report is owed. */
  investigationExtension(id: string, dto: InvestigationExtensionDto): Promise<ReportingChainView> {
    return this.record(id, 'investigation_extension', undefined, async (incident) => {
      if (dto.days > MAX_INVESTIGATION_EXTENSION_DAYS) {
        throw new InvalidError([`days: at most ${MAX_INVESTIGATION_EXTENSION_DAYS}`]);
      }
      const acts = await this.chains.actsOf([incident.id]);
      if (acts.some((a) => a.kind === 'investigation_report')) {
        throw new ConflictError('The investigation report is already in; nothing is left to extend');
      }
      return { extensionDays: dto.days, approver: dto.approver, note: dto.reason };
    });
  }

  /** Art. 32: the reply to the report; with it both are on record and the file closes. */
  investigationReply(id: string, dto: InvestigationRecordDto): Promise<ReportingChainView> {
    return this.record(id, 'investigation_reply', dto.at, async (incident, at) => {
      const report = (await this.chains.actsOf([incident.id])).find((a) => a.kind === 'investigation_report');
      if (!report) throw new ConflictError('Record the investigation report before its reply');
      if (at.getTime() < report.at.getTime()) {
        throw new InvalidError(['at: lies before the investigation report was received']);
      }
      return { fileId: await this.file(dto.fileId, incident), note: dto.note ?? '' };
    });
  }

  /**
   * One act: the incident locked (a second act of the same kind is the unique index's 409), the
   * act's time checked against the accident and the clock, the row, the room event, the audit.
   */
  private record(
    id: string,
    kind: ChainActKind,
    atInput: string | undefined,
    build: (incident: Incident, at: Date) => Promise<Partial<IncidentChainAct>>,
  ): Promise<ReportingChainView> {
    return this.db.transaction(async () => {
      const incident = await this.incidents.lockById(id);
      const now = this.clock.now();
      const at = atInput === undefined ? now : this.instant('at', atInput, incident, now);
      const enterpriseBefore = incident.enterpriseReportedAt;
      const headBefore = incident.headInformedAt;
      const fields = await build(incident, at);
      const act = await this.chains.insert({
        ...fields,
        incidentId: incident.id,
        kind,
        at,
        recordedBy: this.context.principal()?.id ?? null,
        recordedAt: now,
      });
      if (incident.enterpriseReportedAt !== enterpriseBefore || incident.headInformedAt !== headBefore) {
        await this.incidents.update(incident);
        this.db.afterCommit(() => this.live.incidentChanged(mapIncidentSummary(incident, this.config.TZ)));
      }
      const view = mapChainAct(act);
      await this.rooms.append(incident.id, 'reporting.act_recorded', { act: view });
      await this.audit.record({
        action: 'incident.reporting_act',
        entity: 'incident',
        entityId: incident.id,
        after: view,
      });
      return this.compute(incident, now);
    });
  }

  /** A time of the chain: not before the accident, not ahead of the clock. */
  private instant(field: string, value: string, incident: Incident, now = this.clock.now()): Date {
    const at = new Date(value);
    if (at.getTime() < incident.occurredAt.getTime())
      throw new InvalidError([`${field}: lies before the occurrence`]);
    if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
      throw new InvalidError([`${field}: lies in the future`]);
    return at;
  }

  /** The document sent or received: a stored file the caller can see, kept with the incident's enterprise. */
  private async file(fileId: string | undefined, incident: Incident): Promise<string | null> {
    if (!fileId) return null;
    if (incident.enterpriseId) {
      await this.files.claim([fileId], incident.enterpriseId, 'fileId');
    } else if (!(await this.files.viewsByIds([fileId])).has(fileId)) {
      throw new InvalidError([`fileId: file ${fileId} does not exist`]);
    }
    return fileId;
  }
}
