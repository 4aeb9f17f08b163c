import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type MeasureQuery, MeasureProviders, type Measures } from '../measures/measure-providers.js';
import { SafetyFundService } from './safety-fund.service.js';

/**
 * Safety funds for the assessment: what an enterprise set aside for the year against what the
 * funds rules require of its prior-year revenue, as the zone's table shows it. An enterprise
 * that has not reported its revenue shows nothing was required of it, and scores nothing.
 */
@Injectable()
export class SafetyFundMeasures implements OnModuleInit {
  constructor(
    private readonly registry: MeasureProviders,
    private readonly funds: SafetyFundService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      subject: 'enterprise',
      metrics: ['safety_funds'],
      measure: (q) => this.setAside(q),
    });
  }

  private async setAside({ year, subjects }: MeasureQuery): Promise<Map<string, Measures>> {
    const rows = new Map((await this.funds.table(year)).map((r) => [r.enterpriseId, r]));
    const out = new Map<string, Measures>();
    for (const id of subjects) {
      const r = rows.get(id);
      const required = r?.required ?? null;
      const setAside = r?.setAside ?? 0;
      out.set(id, {
        safety_funds: {
          rate: required === null ? 0 : required > 0 ? Math.min(1, setAside / required) : null,
          evidence:
            required === null
              ? { numerator: setAside, value: null }
              : { numerator: setAside, denominator: required },
        },
      });
    }
    return out;
  }
}
