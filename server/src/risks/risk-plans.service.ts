import { Inject, Injectable } from '@nestjs/common';
import {
  type ChecklistItem,
  RISK_CLASSES,
  RISK_CONTROL_TABLE,
  type RiskClass,
  type RiskInspectionPlansResult,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import type { ChecklistItemDto, InspectionPlanCreateDto } from '../inspections/inspection.dto.js';
import { InspectionService } from '../inspections/inspection.service.js';
import { zoneDate } from '../zone/zone-time.js';
import { RiskPointRepository } from './risk-point.repository.js';

/** Titles and levels as the enterprise's checklists print them (the zone's working language). */
const GRADE_WORD: Record<RiskClass, string> = { major: '重大', high: '较大', medium: '一般', low: '低' };
const FREQUENCY_WORD = { daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度' } as const;
const LEVEL_WORD = { company: '公司级', workshop: '车间级', team: '班组级', post: '岗位级' } as const;

/**
 * Risks drive the investigation: every control measure of an enterprise's assessed risk points
 * becomes a checklist item of a self-inspection plan, one plan per grade, at the frequency the
 * grade requires (`RISK_CONTROL_TABLE`). An item keeps its risk point, so a failed check becomes a
 * hazard linked to it (`InspectionService.complete`). Generating again updates the same plans:
 * a measure added or a point regraded moves into the right plan, and a grade left without
 * measures has its plan set inactive.
 */
@Injectable()
export class RiskPlansService {
  constructor(
    private readonly db: Db,
    private readonly points: RiskPointRepository,
    private readonly enterprises: EnterpriseService,
    private readonly inspections: InspectionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async generate(enterpriseId: string, startsOn?: string): Promise<RiskInspectionPlansResult> {
    return this.db.transaction(async () => {
      // Another enterprise's register is not found, as when reading it.
      await this.enterprises.get(enterpriseId);
      const points = await this.points.ofEnterprise(enterpriseId);
      const existing = new Map((await this.points.checkPlans(enterpriseId)).map((r) => [r.grade, r.planId]));
      const from = startsOn ?? zoneDate(this.clock.now(), this.config.TZ);
      const result: RiskInspectionPlansResult = { plans: [] };
      for (const grade of RISK_CLASSES) {
        const checklist: ChecklistItem[] = points
          .filter((p) => p.grade === grade)
          .flatMap((p) =>
            p.measures.map((m) => ({
              id: m.id,
              text: `【${p.name}】${m.text}（${LEVEL_WORD[m.level]} · ${m.person}）`,
              category: m.category,
              riskPointId: p.id,
              measureId: m.id,
            })),
          );
        const planId = existing.get(grade);
        const { frequency } = RISK_CONTROL_TABLE[grade];
        if (!checklist.length) {
          if (planId) await this.inspections.updatePlan(planId, { active: false });
          continue;
        }
        const plan = {
          title: `${GRADE_WORD[grade]}风险管控措施排查（${FREQUENCY_WORD[frequency]}）`,
          kind: 'self_inspection' as const,
          enterpriseId,
          frequency,
          // The item ids are the measures' own, which the inspection plan keeps as given.
          checklist: checklist as unknown as ChecklistItemDto[],
        };
        const saved = planId
          ? await this.inspections.updatePlan(planId, { ...plan, active: true })
          : await this.inspections.createPlan({ ...plan, startsOn: from } as InspectionPlanCreateDto);
        if (!planId) await this.points.saveCheckPlan({ enterpriseId, grade, planId: saved.id });
        result.plans.push({ planId: saved.id, grade, frequency, items: checklist.length });
      }
      await this.audit.record({
        action: 'risk_point.plans_generated',
        entity: 'enterprise',
        entityId: enterpriseId,
        after: result,
      });
      return result;
    });
  }
}
