import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type MeasureQuery, MeasureProviders, type Measures } from '../measures/measure-providers.js';
import { OrganisationService } from './organisation.service.js';

/**
 * The safety organisation for the assessment: whether the enterprise has the office or managers
 * and the registered safety engineers its industry and headcount require (Work Safety Law Art.
 * 24 and 27), as the safety-office list shows it today; each unmet requirement is counted.
 */
@Injectable()
export class SafetyOfficeMeasures implements OnModuleInit {
  constructor(
    private readonly registry: MeasureProviders,
    private readonly organisation: OrganisationService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      subject: 'enterprise',
      metrics: ['safety_office'],
      measure: (q) => this.measure(q),
    });
  }

  private async measure({ subjects }: MeasureQuery): Promise<Map<string, Measures>> {
    const statuses = await this.organisation.safetyOfficeStatusByEnterprise(subjects);
    const out = new Map<string, Measures>();
    for (const id of subjects) {
      // An enterprise that reported nothing has shown none of what it owes.
      const s = statuses.get(id) ?? { met: false, problems: ['industry_unknown'] };
      out.set(id, {
        safety_office: {
          rate: s.met ? 1 : 0,
          count: s.problems.length,
          evidence: { count: s.problems.length, items: s.problems },
        },
      });
    }
    return out;
  }
}
