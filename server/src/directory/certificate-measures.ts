import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { operationCertificateLapse } from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type MeasureQuery, MeasureProviders, type Measures } from '../measures/measure-providers.js';
import { zoneDate } from '../zone/zone-time.js';
import { ContactRepository } from './contact.repository.js';

/**
 * Special operation certificates for the assessment: of the certificates an enterprise's people
 * hold, those in order on the day the year is looked at (not expired, the 3-year review not
 * overdue), by the rule the lapsing list and the reminders use.
 */
@Injectable()
export class CertificateMeasures implements OnModuleInit {
  constructor(
    private readonly registry: MeasureProviders,
    private readonly contacts: ContactRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      subject: 'enterprise',
      metrics: ['operation_certificates'],
      measure: (q) => this.certificates(q),
    });
  }

  private async certificates({ subjects, asOf }: MeasureQuery): Promise<Map<string, Measures>> {
    const today = zoneDate(asOf, this.config.TZ);
    const holders = await this.contacts.withOperationCertificates();
    const out = new Map<string, Measures>();
    for (const id of subjects) {
      let held = 0;
      const lapsed: string[] = [];
      for (const c of holders.filter((h) => h.enterpriseId === id)) {
        for (const x of c.certifications) {
          if (!x.operationType || !x.issuedOn) continue;
          held++;
          const lapse = operationCertificateLapse({ ...x, issuedOn: x.issuedOn }, today);
          if (lapse) lapsed.push(`${c.name}:${x.operationType}:${lapse}`);
        }
      }
      out.set(id, {
        operation_certificates: {
          rate: held ? (held - lapsed.length) / held : null,
          count: lapsed.length,
          evidence: {
            numerator: held - lapsed.length,
            denominator: held,
            count: lapsed.length,
            items: lapsed,
          },
        },
      });
    }
    return out;
  }
}
