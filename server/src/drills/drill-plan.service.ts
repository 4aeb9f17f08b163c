import { Injectable } from '@nestjs/common';
import type { DrillPlanEntryView } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { InvalidError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { DrillPlanEntry } from './drill.entities.js';
import type { DrillPlanEntryCreateDto } from './drill-plan.dto.js';
import { DrillPlanRepository } from './drill-plan.repository.js';

/** Yearly drill plans (MEM Order 2 Art. 33): each unit's, and the zone's own. */
@Injectable()
export class DrillPlanService {
  constructor(
    private readonly db: Db,
    private readonly entries: DrillPlanRepository,
    private readonly enterprises: EnterpriseService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(year: number): Promise<DrillPlanEntryView[]> {
    return this.views(await this.entries.listYear(year));
  }

  async add(dto: DrillPlanEntryCreateDto): Promise<DrillPlanEntryView> {
    return this.db.transaction(async () => {
      const enterpriseId = dto.enterpriseId ?? null;
      this.entries.assertInScope(enterpriseId);
      if (enterpriseId && !(await this.enterprises.namesByIds([enterpriseId])).has(enterpriseId)) {
        throw new InvalidError([`enterpriseId: enterprise ${enterpriseId} does not exist`]);
      }
      const e = new DrillPlanEntry();
      Object.assign(e, {
        enterpriseId,
        year: dto.year,
        month: dto.month,
        planType: dto.planType,
        title: dto.title,
        createdBy: this.context.principal()?.id ?? null,
      });
      const [view] = await this.views([await this.entries.save(e)]);
      await this.audit.record({
        action: 'drill_plan.entry_added',
        entity: 'drill_plan_entry',
        entityId: e.id,
        after: view,
      });
      return view!;
    });
  }

  async remove(id: string): Promise<void> {
    return this.db.transaction(async () => {
      const e = await this.entries.getById(id);
      this.entries.assertInScope(e.enterpriseId);
      const [before] = await this.views([e]);
      await this.entries.remove(e);
      await this.audit.record({
        action: 'drill_plan.entry_removed',
        entity: 'drill_plan_entry',
        entityId: id,
        before,
      });
    });
  }

  private async views(rows: DrillPlanEntry[]): Promise<DrillPlanEntryView[]> {
    const names = await this.enterprises.namesByIds([
      ...new Set(rows.map((r) => r.enterpriseId).filter((id): id is string => id !== null)),
    ]);
    return rows.map((r) => ({
      id: r.id,
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseId ? (names.get(r.enterpriseId) ?? null) : null,
      year: r.year,
      month: r.month,
      planType: r.planType,
      title: r.title,
    }));
  }
}
