import { Inject, Injectable } from '@nestjs/common';
import {
  type EnforcementCaseSummary,
  type EnforcementCaseView,
  type EnforcementStep,
  type InstrumentContent,
  type InstrumentKind,
  type ListResponse,
  DEFAULT_STATEMENT_DAYS,
  FINE_PAYMENT_DAYS,
  INSTRUMENT_TITLE,
  SERVED_INSTRUMENTS,
  formatInstrumentNo,
  hearingRight,
  instrumentCounterKind,
  isZoneRole,
  nextSteps,
  refuseDisclosure,
  refuseStep,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import {
  ConflictError,
  InvalidError,
  NotFoundError,
  UnauthenticatedError,
  problem,
} from '../common/domain-errors.js';
import { pageWindow } from '../common/paging.js';
import { type Principal, RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { DocumentNumbers } from '../document-numbers/document-numbers.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { HazardService } from '../hazards/hazard.service.js';
import { InspectionService } from '../inspections/inspection.service.js';
import { addDays, zoneDate } from '../zone/zone-time.js';
import type {
  CaseCreateDto,
  CaseListQueryDto,
  ClosingDto,
  FilingDto,
  InspectionRecordDocDto,
  OnsiteMeasuresDto,
  PenaltyDecisionDto,
  PenaltyNoticeDto,
  RecheckOpinionDto,
  RectificationOrderDto,
  StatementDto,
} from './enforcement.dto.js';
import type { EnforcementCase, EnforcementInstrument, StoredViolation } from './enforcement.entities.js';
import { EnforcementCaseRepository } from './enforcement.repository.js';
import { mapCaseSummary, mapInstrument, procedureState } from './enforcement.view.js';

/** English names of the steps, for the messages of refusals (the console words them itself). */
const STEP_NAME: Record<EnforcementStep | 'statement_or_period', string> = {
  inspection_record: 'the on-site inspection record',
  rectification_order: 'the order to rectify',
  onsite_measures: 'the on-site measures decision',
  recheck_opinion: 'the re-inspection opinion',
  filing: 'the filing',
  penalty_notice: 'the notice before penalty',
  statement: "the party's statement or hearing",
  penalty_decision: 'the penalty decision',
  closing: 'the closing',
  statement_or_period: "the party's statement or hearing, or the end of its statement period",
};

/**
 * Enforcement cases and their instruments. Each step runs under the case's row lock, checked by
 * the procedure's rules (`refuseStep`), and takes its number from the zone's counter in the
 * same transaction as the instrument and its audit row.
 */
@Injectable()
export class EnforcementService {
  constructor(
    private readonly db: Db,
    private readonly cases: EnforcementCaseRepository,
    private readonly numbers: DocumentNumbers,
    private readonly hazards: HazardService,
    private readonly inspections: InspectionService,
    private readonly enterprises: EnterpriseService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: CaseListQueryDto): Promise<ListResponse<EnforcementCaseSummary>> {
    const [rows, total] = await this.cases.list({ ...q, ...pageWindow(q) });
    const instruments = await this.cases.instruments(rows.map((c) => c.id));
    const names = await this.enterprises.namesByIds([...new Set(rows.map((c) => c.enterpriseId))]);
    return {
      items: rows.map((c) =>
        mapCaseSummary(
          c,
          this.visible(instruments.filter((i) => i.caseId === c.id)),
          names.get(c.enterpriseId) ?? '',
        ),
      ),
      total,
    };
  }

  async get(id: string): Promise<EnforcementCaseView> {
    return this.view(await this.cases.getById(id));
  }

  /**
   * Opens a case against the enterprise an inspection found violating (or one an inspector
   * names), with its violations, each linked to a hazard of the ledger or entering a new one.
   */
  open(dto: CaseCreateDto): Promise<EnforcementCaseView> {
    const me = this.me();
    return this.db.transaction(async () => {
      let enterpriseId = dto.enterpriseId ?? null;
      if (dto.inspectionRecordId) {
        const record = await this.inspections.getRecord(dto.inspectionRecordId);
        if (enterpriseId && enterpriseId !== record.enterpriseId) {
          throw new InvalidError(['enterpriseId: differs from the inspection’s enterprise']);
        }
        enterpriseId = record.enterpriseId;
      }
      if (!enterpriseId) throw new InvalidError(['enterpriseId: required without an inspection']);
      const names = await this.enterprises.namesByIds([enterpriseId]);
      if (!names.has(enterpriseId)) throw new InvalidError(['enterpriseId: the enterprise does not exist']);

      const linked = await this.hazards.codesByIds(
        dto.violations.flatMap((v) => (v.hazardId ? [v.hazardId] : [])),
      );
      const problems: string[] = [];
      dto.violations.forEach((v, n) => {
        if (v.hazardId && v.hazard) problems.push(`violations.${n}.hazard: give either hazardId or hazard`);
        if (v.hazardId && linked.get(v.hazardId)?.enterpriseId !== enterpriseId) {
          problems.push(`violations.${n}.hazardId: no such hazard of this enterprise`);
        }
      });
      if (problems.length) throw new InvalidError(problems);

      const violations: StoredViolation[] = [];
      for (const v of dto.violations) {
        let hazardId = v.hazardId ?? null;
        if (v.hazard) {
          const created = await this.hazards.create(
            {
              enterpriseId,
              place: v.hazard.place,
              category: v.hazard.category,
              level: v.hazard.level,
              description: v.facts,
              source: 'zone_inspection',
              ...(v.hazard.harmAnalysis ? { harmAnalysis: v.hazard.harmAnalysis } : {}),
            },
            dto.inspectionRecordId ? { inspectionRecordId: dto.inspectionRecordId } : {},
          );
          hazardId = created.id;
        }
        violations.push({ facts: v.facts, basis: v.basis, hazardId });
      }

      const saved = await this.cases.save(
        Object.assign(this.cases.blank(), {
          enterpriseId,
          inspectionRecordId: dto.inspectionRecordId ?? null,
          title: dto.title,
          violations,
          status: 'open' as const,
          statement: null,
          openedBy: me.id,
          openedByName: me.name,
          openedAt: this.clock.now(),
          closedAt: null,
          disclosedAt: null,
          disclosedBy: null,
        }),
      );
      const view = await this.view(saved);
      await this.audit.record({
        action: 'enforcement_case.opened',
        entity: 'enforcement_case',
        entityId: saved.id,
        after: { title: saved.title, enterpriseId, violations, inspectionRecordId: saved.inspectionRecordId },
      });
      return view;
    });
  }

  issueInspectionRecord(id: string, dto: InspectionRecordDocDto): Promise<EnforcementCaseView> {
    return this.issue(id, 'inspection_record', () => {
      if (Date.parse(dto.inspectedAt) > this.clock.now().getTime() + 5 * 60_000) {
        throw new InvalidError(['inspectedAt: must not be in the future']);
      }
      return { content: { ...dto, inspectedAt: new Date(dto.inspectedAt).toISOString() }, deadline: null };
    });
  }

  issueRectificationOrder(id: string, dto: RectificationOrderDto): Promise<EnforcementCaseView> {
    return this.issue(id, 'rectification_order', (today) => {
      if (dto.deadline <= today) throw new InvalidError(['deadline: must be after the day of issue']);
      return { content: { requirement: dto.requirement, deadline: dto.deadline }, deadline: dto.deadline };
    });
  }

  issueOnsiteMeasures(id: string, dto: OnsiteMeasuresDto): Promise<EnforcementCaseView> {
    return this.issue(id, 'onsite_measures', (today) => {
      const deadline = dto.deadline ?? null;
      if (deadline && deadline < today)
        throw new InvalidError(['deadline: must not be before the day of issue']);
      return { content: { measures: dto.measures, basis: dto.basis, deadline }, deadline };
    });
  }

  issueRecheckOpinion(id: string, dto: RecheckOpinionDto): Promise<EnforcementCaseView> {
    return this.issue(id, 'recheck_opinion', (today, of) => {
      const order = of('rectification_order');
      if (dto.recheckedOn > today) throw new InvalidError(['recheckedOn: must not be in the future']);
      if (order && dto.recheckedOn < zoneDate(order.issuedAt, this.config.TZ)) {
        throw new InvalidError(['recheckedOn: must not be before the order to rectify']);
      }
      return { content: { ...dto }, deadline: null };
    });
  }

  issueFiling(id: string, dto: FilingDto): Promise<EnforcementCaseView> {
    return this.issue(id, 'filing', () => ({ content: { ...dto }, deadline: null }));
  }

  issuePenaltyNotice(id: string, dto: PenaltyNoticeDto): Promise<EnforcementCaseView> {
    return this.issue(id, 'penalty_notice', (today) => {
      const onPerson = dto.onPerson ?? false;
      const suspendsOrRevokes = dto.suspendsOrRevokes ?? false;
      const statementDays = dto.statementDays ?? DEFAULT_STATEMENT_DAYS;
      const statementDeadline = addDays(today, statementDays);
      return {
        content: {
          fineYuan: dto.fineYuan,
          otherPenalty: dto.otherPenalty ?? null,
          basis: dto.basis,
          onPerson,
          suspendsOrRevokes,
          hearingRight: hearingRight({ fineYuan: dto.fineYuan, onPerson, suspendsOrRevokes }),
          statementDays,
          statementDeadline,
        },
        deadline: statementDeadline,
      };
    });
  }

  issuePenaltyDecision(id: string, dto: PenaltyDecisionDto): Promise<EnforcementCaseView> {
    return this.issue(id, 'penalty_decision', (today) => {
      const paymentDeadline = addDays(today, FINE_PAYMENT_DAYS);
      return {
        content: {
          fineYuan: dto.fineYuan,
          otherPenalty: dto.otherPenalty ?? null,
          basis: dto.basis,
          reasoning: dto.reasoning,
          paymentDeadline,
        },
        deadline: dto.fineYuan > 0 ? paymentDeadline : null,
      };
    });
  }

  close(id: string, dto: ClosingDto): Promise<EnforcementCaseView> {
    return this.issue(id, 'closing', () => ({ content: { execution: dto.execution }, deadline: null }));
  }

  /** 陈述、申辩 or 听证 (or the party's waiver), after the notice and before the decision. */
  recordStatement(id: string, dto: StatementDto): Promise<EnforcementCaseView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const kase = await this.cases.getForUpdate(id);
      const instruments = await this.cases.instruments([kase.id]);
      const today = this.today();
      this.assertStep(kase, instruments, 'statement', today);
      const notice = instruments.find((i) => i.kind === 'penalty_notice') as
        EnforcementInstrument<'penalty_notice'> | undefined;
      if (dto.kind === 'hearing' && !notice?.content.hearingRight) {
        throw new InvalidError([
          problem(
            'enforcement.noHearingRight',
            'kind: the notice gave no right to a hearing for this penalty',
          ),
        ]);
      }
      kase.statement = {
        kind: dto.kind,
        summary: dto.summary,
        review: dto.review,
        recordedAt: this.clock.now().toISOString(),
        recordedBy: me.id,
      };
      const saved = await this.cases.save(kase);
      await this.audit.record({
        action: 'enforcement_case.statement_recorded',
        entity: 'enforcement_case',
        entityId: id,
        after: { statement: kase.statement },
      });
      return this.view(saved);
    });
  }

  /** 执法公示: a closed case on the public pages, once. */
  disclose(id: string): Promise<EnforcementCaseView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const kase = await this.cases.getForUpdate(id);
      const refused = refuseDisclosure({ status: kase.status, disclosed: kase.disclosedAt !== null });
      if (refused === 'open') {
        throw new ConflictError(problem('enforcement.discloseOpen', 'Only a closed case can be disclosed'));
      }
      if (refused === 'already') {
        throw new ConflictError(problem('enforcement.alreadyDisclosed', 'The case is disclosed already'));
      }
      kase.disclosedAt = this.clock.now();
      kase.disclosedBy = me.id;
      const saved = await this.cases.save(kase);
      await this.audit.record({
        action: 'enforcement_case.disclosed',
        entity: 'enforcement_case',
        entityId: id,
        after: { disclosedAt: kase.disclosedAt.toISOString() },
      });
      return this.view(saved);
    });
  }

  /** An instrument with its case, for the printed form; an officer reads only those served on it. */
  async printable(instrumentId: string): Promise<{
    kase: EnforcementCase;
    instrument: EnforcementInstrument;
    instruments: EnforcementInstrument[];
  }> {
    const found = await this.cases.instrument(instrumentId);
    if (!found || !this.visible([found.instrument]).length) throw new NotFoundError('Instrument not found');
    return { ...found, instruments: await this.cases.instruments([found.kase.id]) };
  }

  private issue<K extends InstrumentKind>(
    caseId: string,
    kind: K,
    build: (
      today: string,
      of: <J extends InstrumentKind>(k: J) => EnforcementInstrument<J> | undefined,
    ) => { content: InstrumentContent[K]; deadline: string | null },
  ): Promise<EnforcementCaseView> {
    const me = this.me();
    return this.db.transaction(async () => {
      const kase = await this.cases.getForUpdate(caseId);
      const instruments = await this.cases.instruments([kase.id]);
      const today = this.today();
      this.assertStep(kase, instruments, kind, today);
      const of = <J extends InstrumentKind>(k: J) =>
        instruments.find((i) => i.kind === k) as EnforcementInstrument<J> | undefined;
      const { content, deadline } = build(today, of);
      const year = Number(today.slice(0, 4));
      const seq = await this.numbers.next(instrumentCounterKind(kind), year);
      const now = this.clock.now();
      const saved = await this.cases.insertInstrument<K>({
        caseId,
        kind,
        year,
        seq,
        deadline,
        content,
        issuedBy: me.id,
        issuedByName: me.name,
        issuedAt: now,
      });
      if (kind === 'closing') {
        kase.status = 'closed';
        kase.closedAt = now;
      }
      const updated = await this.cases.save(kase);
      const documentNo = formatInstrumentNo(kind, { year, seq });
      await this.audit.record({
        action: kind === 'closing' ? 'enforcement_case.closed' : 'enforcement_case.instrument_issued',
        entity: 'enforcement_case',
        entityId: caseId,
        after: { instrumentId: saved.id, kind, title: INSTRUMENT_TITLE[kind], documentNo, deadline, content },
      });
      return this.view(updated);
    });
  }

  private assertStep(
    kase: EnforcementCase,
    instruments: readonly EnforcementInstrument[],
    step: EnforcementStep,
    today: string,
  ): void {
    const refusal = refuseStep(procedureState(kase, instruments), step, today);
    if (!refusal) return;
    switch (refusal.reason) {
      case 'closed':
        throw new ConflictError(problem('enforcement.caseClosed', 'The case is closed'));
      case 'already':
        throw new ConflictError(
          problem('enforcement.stepDone', `${STEP_NAME[step]} has been made already`, { step }),
        );
      case 'recheck_failed':
        throw new ConflictError(
          problem(
            'enforcement.recheckFailed',
            'The re-inspection found the rectification not done: file the case instead of closing it',
          ),
        );
      case 'missing':
        throw new ConflictError(
          problem(
            'enforcement.stepMissing',
            `${STEP_NAME[refusal.missing]} must come before ${STEP_NAME[step]}`,
            { step, missing: refusal.missing },
          ),
        );
    }
  }

  private async view(c: EnforcementCase): Promise<EnforcementCaseView> {
    const all = await this.cases.instruments([c.id]);
    const instruments = this.visible(all);
    const names = await this.enterprises.namesByIds([c.enterpriseId]);
    const codes = await this.hazards.codesByIds(
      c.violations.flatMap((v) => (v.hazardId ? [v.hazardId] : [])),
    );
    const zone = isZoneRole(this.me().role);
    return {
      ...mapCaseSummary(c, instruments, names.get(c.enterpriseId) ?? ''),
      violations: c.violations.map((v) => ({
        ...v,
        hazardCode: v.hazardId ? (codes.get(v.hazardId)?.code ?? null) : null,
      })),
      instruments: instruments.map(mapInstrument),
      statement: c.statement
        ? {
            kind: c.statement.kind,
            summary: c.statement.summary,
            review: c.statement.review,
            recordedAt: c.statement.recordedAt,
          }
        : null,
      nextSteps: zone ? nextSteps(procedureState(c, all), this.today()) : [],
      openedBy: c.openedByName,
    };
  }

  /** The zone reads every instrument; an enterprise only those served on it. */
  private visible(instruments: EnforcementInstrument[]): EnforcementInstrument[] {
    if (isZoneRole(this.me().role)) return instruments;
    return instruments.filter((i) => SERVED_INSTRUMENTS.includes(i.kind));
  }

  private today(): string {
    return zoneDate(this.clock.now(), this.config.TZ);
  }

  private me(): Principal {
    const p = this.context.principal();
    if (!p) throw new UnauthenticatedError('Unauthorized');
    return p;
  }
}
