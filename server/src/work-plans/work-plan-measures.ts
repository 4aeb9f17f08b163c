import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type MeasureQuery, MeasureProviders, type Measures } from '../measures/measure-providers.js';
import { WorkPlanService } from './work-plan.service.js';

/**
 * The implementation plan for the assessment: of what an enterprise owed by now (its plan, once the
 * template is out and its deadline passed, and each quarter's progress report due), the share it
 * handed in on time; late and missing ones are counted. Nothing owed yet: no rate.
 */
@Injectable()
export class WorkPlanMeasures implements OnModuleInit {
  constructor(
    private readonly registry: MeasureProviders,
    private readonly plans: WorkPlanService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      subject: 'enterprise',
      metrics: ['work_plan'],
      measure: (q) => this.measure(q),
    });
  }

  private async measure({ year, subjects }: MeasureQuery): Promise<Map<string, Measures>> {
    const statuses = await this.plans.statusByEnterprise(year, subjects);
    const out = new Map<string, Measures>();
    for (const [id, s] of statuses) {
      const due = (s.planDue ? 1 : 0) + s.quartersDue;
      const onTime = (s.planDue && s.submittedOnTime ? 1 : 0) + s.quartersOnTime;
      const items = [
        ...(s.planDue && !s.submittedOnTime ? [s.submitted ? 'plan:late' : 'plan:missing'] : []),
        ...(s.quartersLate ? [`quarters:late:${s.quartersLate}`] : []),
        ...(s.quartersMissing ? [`quarters:missing:${s.quartersMissing}`] : []),
      ];
      out.set(id, {
        work_plan: {
          rate: due ? onTime / due : null,
          count: due - onTime,
          evidence: { numerator: onTime, denominator: due, count: due - onTime, items },
        },
      });
    }
    return out;
  }
}
