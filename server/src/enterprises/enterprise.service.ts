import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Db } from '../database/db.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import type {
  EnterpriseView,
  EvaluationCategory,
  ListResponse,
  RegulatoryCategory,
  RiskClass,
} from '@muster/contracts';
import type { EnterpriseCreateDto, EnterpriseListQueryDto, EnterpriseUpdateDto } from './enterprise.dto.js';
import { Enterprise } from './enterprise.entity.js';
import { EnterpriseRepository } from './enterprise.repository.js';
import { mapEnterprise } from './enterprise.view.js';
import { OFFICER_EDITABLE } from './officer-editable.js';
import { ConflictError, ForbiddenError, problem } from '../common/domain-errors.js';

/** An enterprise as the rules about its duties read it. */
export interface EnterpriseProfile {
  id: string;
  name: string;
  industry: string;
  riskClass: RiskClass;
  /** MEM Order 2 Art. 33 category; null while the zone has not recorded it. */
  regulatoryCategory: RegulatoryCategory | null;
  /** The safety-evaluation category; null while not recorded. */
  evaluationCategory: EvaluationCategory | null;
}

@Injectable()
export class EnterpriseService {
  constructor(
    private readonly db: Db,
    private readonly enterprises: EnterpriseRepository,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(q: EnterpriseListQueryDto): Promise<ListResponse<EnterpriseView>> {
    const [rows, total] = await this.enterprises.list({ ...q, ...pageWindow(q) });
    return { items: rows.map(mapEnterprise), total };
  }

  async get(id: string): Promise<EnterpriseView> {
    return mapEnterprise(await this.enterprises.getById(id));
  }

  /**
   * Names by id of the enterprises among `ids`, whatever the caller's scope: for showing whose a
   * record the caller may already see is (a plan, a policy, a drill run).
   */
  namesByIds(ids: readonly string[]): Promise<Map<string, string>> {
    return this.enterprises.namesByIds(ids);
  }

  /**
   * The enterprises the caller may see (or the one asked for), by name, as the rules about their
   * duties read them (drill compliance).
   */
  async profiles(enterpriseId?: string): Promise<EnterpriseProfile[]> {
    return (await this.enterprises.inScope(enterpriseId)).map((e) => ({
      id: e.id,
      name: e.name,
      industry: e.industry,
      riskClass: e.riskClass,
      regulatoryCategory: e.regulatoryCategory ?? null,
      evaluationCategory: e.evaluationCategory ?? null,
    }));
  }

  async create(dto: EnterpriseCreateDto): Promise<EnterpriseView> {
    return this.db.transaction(async () => {
      const e = new Enterprise();
      apply(e, dto);
      const saved = await this.enterprises.save(e);
      const view = mapEnterprise(saved);
      await this.audit.record({
        action: 'enterprise.created',
        entity: 'enterprise',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(id: string, dto: EnterpriseUpdateDto): Promise<EnterpriseView> {
    return this.db.transaction(async () => {
      const e = await this.enterprises.getById(id);
      if (this.context.principal()?.role === 'enterprise_officer') {
        const refused = Object.keys(dto).filter(
          (k) =>
            dto[k as keyof EnterpriseUpdateDto] !== undefined &&
            !OFFICER_EDITABLE.includes(k as keyof EnterpriseUpdateDto),
        );
        if (refused.length) {
          throw new ForbiddenError(`Only the zone may change: ${refused.join(', ')}`);
        }
      }
      const before = mapEnterprise(e);
      if (
        dto.riskClass !== undefined &&
        dto.riskClass !== e.riskClass &&
        e.riskClassSource === 'risk_points'
      ) {
        throw new ConflictError(
          problem(
            'enterprise.risk_class_derived',
            'riskClass: follows the enterprise’s worst assessed risk point; assess the risk points instead',
          ),
        );
      }
      apply(e, dto);
      const view = mapEnterprise(await this.enterprises.save(e));
      await this.audit.record({
        action: 'enterprise.updated',
        entity: 'enterprise',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  /**
   * The risk register's answer to what the enterprise's class now is: its worst assessed risk
   * point's grade, or null when no point is assessed (any more), which keeps the last class and
   * hands it back to the zone to record. Runs in the caller's transaction (the assessment's).
   */
  async deriveRiskClass(id: string, worst: RiskClass | null): Promise<void> {
    const e = await this.enterprises.getById(id);
    const source = worst ? 'risk_points' : 'recorded';
    if (e.riskClassSource === source && (!worst || e.riskClass === worst)) return;
    const before = mapEnterprise(e);
    if (worst) e.riskClass = worst;
    e.riskClassSource = source;
    const view = mapEnterprise(await this.enterprises.save(e));
    await this.audit.record({
      action: 'enterprise.risk_class_derived',
      entity: 'enterprise',
      entityId: id,
      before,
      after: view,
    });
  }

  async remove(id: string): Promise<void> {
    return this.db.transaction(async () => {
      const e = await this.enterprises.getById(id);
      const users = await this.enterprises.countUsers(id);
      if (users > 0) {
        throw new ConflictError(`Enterprise has ${users} user account(s); reassign or remove them first`);
      }
      const before = mapEnterprise(e);
      await this.enterprises.remove(e);
      await this.audit.record({ action: 'enterprise.deleted', entity: 'enterprise', entityId: id, before });
    });
  }
}

function apply(e: Enterprise, dto: EnterpriseUpdateDto): void {
  const { location, ...rest } = dto;
  for (const [k, v] of Object.entries(rest)) {
    if (v !== undefined) (e as unknown as Record<string, unknown>)[k] = v;
  }
  if (location) {
    e.lat = location.lat;
    e.lng = location.lng;
  }
  if (e.outline === undefined) e.outline = null;
  if (e.sizeClass === undefined) e.sizeClass = null;
  if (e.evaluationCategory === undefined) e.evaluationCategory = null;
  if (e.regulatoryCategory === undefined) e.regulatoryCategory = null;
  if (e.actualController === undefined) e.actualController = null;
}
