import { Inject, Injectable } from '@nestjs/common';
import {
  type AccountabilityAction,
  type AccountabilityCandidate,
  type AccountabilityCandidatesView,
  type AccountabilityRecordView,
  type AccountablePerson,
  type FindingKind,
  type FindingSummary,
  type ListResponse,
  accountabilityNext,
  dutiesConcerning,
  supervisesEnterprise,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { ConflictError, InvalidError, UnauthenticatedError, problem } from '../common/domain-errors.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { FileService } from '../files/file.service.js';
import { UserFinder } from '../identity/user-finder.js';
import { ResponsibilityService } from '../plans/responsibility.service.js';
import { zoneDate } from '../zone/zone-time.js';
import type {
  AccountabilityCreateDto,
  AccountabilityListQueryDto,
  AccountablePersonDto,
  AccountabilityUpdateDto,
  CarryOutDto,
  DecideDto,
  WithdrawDto,
} from './accountability.dto.js';
import { AccountabilityRecord } from './accountability.entity.js';
import { AccountabilityRepository } from './accountability.repository.js';
import { mapRecord } from './accountability.view.js';
import { Findings } from './findings.js';

const ACTION_AUDIT = {
  decide: 'accountability.decided',
  carry_out: 'accountability.carried_out',
  withdraw: 'accountability.withdrawn',
} as const;

/**
 * Accountability (责任追究, 有责必问、问责必严): the zone holds the people whose duties a finding
 * concerns to account, naming them as the responsibility lists do, decides a measure and
 * records it carried out. A record concerns the people of one enterprise or of the zone's own
 * departments; the enterprise sees those about its people.
 */
@Injectable()
export class AccountabilityService {
  constructor(
    private readonly db: Db,
    private readonly records: AccountabilityRepository,
    private readonly findings: Findings,
    private readonly lists: ResponsibilityService,
    private readonly enterprises: EnterpriseService,
    private readonly files: FileService,
    private readonly users: UserFinder,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: AccountabilityListQueryDto): Promise<ListResponse<AccountabilityRecordView>> {
    const [rows, total] = await this.records.list({ ...q, ...pageWindow(q) });
    return { items: await this.views(rows), total };
  }

  async get(id: string): Promise<AccountabilityRecordView> {
    return (await this.views([await this.records.getById(id)]))[0]!;
  }

  findingsOf(kind: FindingKind): Promise<FindingSummary[]> {
    return this.findings.list(kind);
  }

  /**
   * The responsibility entries a finding concerns: its enterprise's first person responsible and
   * the entries of its list with a duty about findings of this kind, then the zone departments
   * that supervise the enterprise's industry (管行业必须管安全) with such a duty.
   */
  async candidates(kind: FindingKind, findingId: string): Promise<AccountabilityCandidatesView> {
    const finding = await this.findings.get(kind, findingId);
    const candidates: AccountabilityCandidate[] = [];
    const [profile] = finding.enterpriseId ? await this.enterprises.profiles(finding.enterpriseId) : [];
    if (finding.enterpriseId) {
      const list = await this.lists.get(finding.enterpriseId);
      if (list.firstResponsible) {
        candidates.push({
          list: 'enterprise',
          kind: 'first_responsible',
          unit: list.enterpriseName ?? '',
          post: '法定代表人（安全生产第一责任人）',
          holder: list.firstResponsible,
          duties: ['对本单位安全生产工作全面负责'],
          allDuties: ['对本单位安全生产工作全面负责'],
        });
      }
      for (const e of list.entries) {
        const duties = dutiesConcerning(kind, e.duties);
        if (duties.length) candidates.push({ list: 'enterprise', ...person(e), duties, allDuties: e.duties });
      }
    }
    const zone = await this.lists.get('zone');
    for (const e of zone.entries) {
      const duties = dutiesConcerning(kind, e.duties);
      const supervises = e.kind !== 'supervision' || !profile || supervisesEnterprise(e.industries, profile);
      if (duties.length && supervises)
        candidates.push({ list: 'zone', ...person(e), duties, allDuties: e.duties });
    }
    return { finding, candidates };
  }

  async create(dto: AccountabilityCreateDto): Promise<AccountabilityRecordView> {
    const me = this.me();
    const finding = await this.findings.get(dto.findingKind, dto.findingId);
    const enterpriseId = dto.about === 'zone' ? null : finding.enterpriseId;
    if (dto.about === 'enterprise' && !enterpriseId) {
      throw new InvalidError(['about: the finding names no enterprise; its people are the zone’s']);
    }
    const list = dto.about === 'zone' ? 'zone' : 'enterprise';
    const wrong = dto.persons.flatMap((p, i) =>
      p.list !== list ? [`persons[${i}].list: must be ${list}`] : [],
    );
    if (wrong.length) throw new InvalidError(wrong);
    return this.db.transaction(async () => {
      const r = Object.assign(new AccountabilityRecord(), {
        findingKind: finding.kind,
        findingId: finding.id,
        findingTitle: finding.title,
        findingAt: finding.at,
        findingEnterpriseId: finding.enterpriseId,
        enterpriseId,
        persons: dto.persons.map(cleanPerson),
        facts: dto.facts,
        measure: dto.measure,
        measureDetail: dto.measureDetail ?? '',
        status: 'proposed',
        decidedOn: null,
        dueOn: null,
        carriedOutOn: null,
        outcome: '',
        withdrawnReason: null,
        attachmentIds: await this.claim(dto.attachmentIds, enterpriseId),
        createdBy: me,
        decidedBy: null,
      });
      this.checkDetail(r);
      const saved = await this.records.save(r);
      const view = await this.get(saved.id);
      await this.audit.record({
        action: 'accountability.proposed',
        entity: 'accountability_record',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  /** A proposal is changed until it is decided; then it is the decision's record. */
  update(id: string, dto: AccountabilityUpdateDto): Promise<AccountabilityRecordView> {
    return this.db.transaction(async () => {
      const r = await this.records.getForUpdate(id);
      if (r.status !== 'proposed') {
        throw new ConflictError(
          problem('accountability.not_proposed', 'Only a proposal is changed; this record is {status}', {
            status: r.status,
          }),
        );
      }
      const before = await this.get(id);
      const list = r.enterpriseId ? 'enterprise' : 'zone';
      if (dto.persons) {
        const wrong = dto.persons.flatMap((p, i) =>
          p.list !== list ? [`persons[${i}].list: must be ${list}`] : [],
        );
        if (wrong.length) throw new InvalidError(wrong);
        r.persons = dto.persons.map(cleanPerson);
      }
      if (dto.facts !== undefined) r.facts = dto.facts;
      if (dto.measure !== undefined) r.measure = dto.measure;
      if (dto.measureDetail !== undefined) r.measureDetail = dto.measureDetail;
      if (dto.attachmentIds !== undefined)
        r.attachmentIds = await this.claim(dto.attachmentIds, r.enterpriseId);
      this.checkDetail(r);
      await this.records.save(r);
      const view = await this.get(id);
      await this.audit.record({
        action: 'accountability.updated',
        entity: 'accountability_record',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  decide(id: string, dto: DecideDto): Promise<AccountabilityRecordView> {
    return this.move(id, 'decide', (r) => {
      if (dto.dueOn < dto.decidedOn) throw new InvalidError(['dueOn: before decidedOn']);
      if (dto.measure) r.measure = dto.measure;
      if (dto.measureDetail !== undefined) r.measureDetail = dto.measureDetail;
      this.checkDetail(r);
      r.decidedOn = dto.decidedOn;
      r.dueOn = dto.dueOn;
      r.decidedBy = this.me();
    });
  }

  carryOut(id: string, dto: CarryOutDto): Promise<AccountabilityRecordView> {
    return this.move(id, 'carry_out', async (r) => {
      if (dto.carriedOutOn < r.decidedOn!) throw new InvalidError(['carriedOutOn: before the decision']);
      if (dto.carriedOutOn > zoneDate(this.clock.now(), this.config.TZ)) {
        throw new InvalidError(['carriedOutOn: in the future']);
      }
      r.carriedOutOn = dto.carriedOutOn;
      r.outcome = dto.outcome;
      if (dto.attachmentIds?.length) {
        r.attachmentIds = [
          ...new Set([...r.attachmentIds, ...(await this.claim(dto.attachmentIds, r.enterpriseId))]),
        ];
      }
    });
  }

  withdraw(id: string, dto: WithdrawDto): Promise<AccountabilityRecordView> {
    return this.move(id, 'withdraw', (r) => {
      r.withdrawnReason = dto.reason;
    });
  }

  /** One step of proposed → decided → carried out (or withdrawn), refused out of order. */
  private move(
    id: string,
    action: AccountabilityAction,
    apply: (r: AccountabilityRecord) => void | Promise<void>,
  ): Promise<AccountabilityRecordView> {
    return this.db.transaction(async () => {
      const r = await this.records.getForUpdate(id);
      const next = accountabilityNext(r.status, action);
      if (!next) {
        throw new ConflictError(
          problem('accountability.transition', 'A record that is {status} cannot be {action}', {
            status: r.status,
            action,
          }),
        );
      }
      const before = await this.get(id);
      await apply(r);
      r.status = next;
      await this.records.save(r);
      const view = await this.get(id);
      await this.audit.record({
        action: ACTION_AUDIT[action],
        entity: 'accountability_record',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  private checkDetail(r: AccountabilityRecord): void {
    if ((r.measure === 'transfer' || r.measure === 'other') && !r.measureDetail.trim()) {
      throw new InvalidError([
        r.measure === 'transfer'
          ? 'measureDetail: name the authority the matter is transferred to'
          : 'measureDetail: say what the measure is',
      ]);
    }
  }

  private async claim(ids: string[] | undefined, enterpriseId: string | null): Promise<string[]> {
    const unique = [...new Set(ids ?? [])];
    if (unique.length) await this.files.claim(unique, enterpriseId, 'attachmentIds');
    return unique;
  }

  private async views(rows: AccountabilityRecord[]): Promise<AccountabilityRecordView[]> {
    const enterpriseIds = rows.flatMap((r) =>
      [r.enterpriseId, r.findingEnterpriseId].filter((x): x is string => !!x),
    );
    const names = await this.enterprises.namesByIds([...new Set(enterpriseIds)]);
    const files = await this.files.viewsByIds(rows.flatMap((r) => r.attachmentIds));
    const users = await this.users.namesByIds(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])));
    const today = zoneDate(this.clock.now(), this.config.TZ);
    return rows.map((r) => mapRecord(r, { names, files, users, today }));
  }

  private me(): string {
    const id = this.context.principal()?.id;
    if (!id) throw new UnauthenticatedError('Unauthenticated');
    return id;
  }
}

function person(e: {
  kind: AccountablePerson['kind'];
  unit: string;
  post: string | null;
  holder: string | null;
}): Pick<AccountablePerson, 'kind' | 'unit' | 'post' | 'holder'> {
  return { kind: e.kind, unit: e.unit, post: e.post, holder: e.holder };
}

function cleanPerson(p: AccountablePersonDto): AccountablePerson {
  return {
    list: p.list,
    kind: p.kind,
    unit: p.unit,
    post: p.post ?? null,
    holder: p.holder ?? null,
    duties: p.duties,
  };
}
