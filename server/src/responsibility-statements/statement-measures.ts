import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type MeasureQuery, MeasureProviders, type Measures } from '../measures/measure-providers.js';
import { StatementService } from './statement.service.js';

/**
 * Duty by post for the assessment: of the people holding a post on the enterprise's
 * responsibility list, the share who signed the statement version in force; an enterprise with
 * no posts listed has no rate.
 */
@Injectable()
export class StatementMeasures implements OnModuleInit {
  constructor(
    private readonly registry: MeasureProviders,
    private readonly statements: StatementService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      subject: 'enterprise',
      metrics: ['responsibility_statements'],
      measure: (q) => this.measure(q),
    });
  }

  private async measure({ subjects }: MeasureQuery): Promise<Map<string, Measures>> {
    const rates = await this.statements.signedRateByEnterprise(subjects);
    const out = new Map<string, Measures>();
    for (const [id, { signed, required }] of rates) {
      out.set(id, {
        responsibility_statements: {
          rate: required ? signed / required : null,
          count: required - signed,
          evidence: { numerator: signed, denominator: required, count: required - signed },
        },
      });
    }
    return out;
  }
}
