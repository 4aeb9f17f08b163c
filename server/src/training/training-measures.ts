import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type MeasureQuery, MeasureProviders, type Measures } from '../measures/measure-providers.js';
import { TrainingService } from './training.service.js';

/**
 * Training coverage for the assessment: of an enterprise's people who owe hours in the year
 * (Order 3, by their role, industry and first year), the share whose hours meet it, by the
 * status the training page shows. People who owe none are not counted.
 */
@Injectable()
export class TrainingMeasures implements OnModuleInit {
  constructor(
    private readonly registry: MeasureProviders,
    private readonly training: TrainingService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      subject: 'enterprise',
      metrics: ['training_coverage'],
      measure: (q) => this.coverage(q),
    });
  }

  private async coverage({ year, subjects }: MeasureQuery): Promise<Map<string, Measures>> {
    const people = await this.training.people({ year });
    const out = new Map<string, Measures>();
    for (const id of subjects) {
      const owing = people.filter((p) => p.enterpriseId === id && p.status.state !== 'none');
      const short = owing.filter((p) => p.status.state !== 'met');
      const met = owing.length - short.length;
      out.set(id, {
        training_coverage: {
          rate: owing.length ? met / owing.length : null,
          count: short.length,
          evidence: {
            numerator: met,
            denominator: owing.length,
            count: short.length,
            items: short.map((p) => `${p.name}:${p.status.shortBy}`),
          },
        },
      });
    }
    return out;
  }
}
