import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { supervisedBy } from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { computeStats } from '../hazards/hazard-stats.js';
import { HazardRepository } from '../hazards/hazard.repository.js';
import { InspectionRecordRepository } from '../inspections/inspection.repository.js';
import { type MeasureQuery, MeasureProviders, type Measures } from '../measures/measure-providers.js';
import { zoneDate } from '../zone/zone-time.js';

/**
 * A zone department's measures against its supervision duties (管行业必须管安全): over the
 * enterprises of the industries its duty list names, the zone's scheduled inspections done by
 * their last due day, and the major and overdue hazards there, by the hazard statistics' rules.
 * A department that supervises no enterprise has nothing to measure.
 */
@Injectable()
export class DepartmentMeasures implements OnModuleInit {
  constructor(
    private readonly registry: MeasureProviders,
    private readonly enterprises: EnterpriseService,
    private readonly hazards: HazardRepository,
    private readonly inspections: InspectionRecordRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      subject: 'department',
      metrics: ['supervised_inspections', 'supervised_major_hazards', 'supervised_overdue_hazards'],
      measure: (q) => this.measure(q),
    });
  }

  private async measure({ year, subjects, industries, asOf }: MeasureQuery): Promise<Map<string, Measures>> {
    const tz = this.config.TZ;
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const today = zoneDate(asOf, tz);
    const enterprises = await this.enterprises.profiles();
    const names = new Map(enterprises.map((e) => [e.id, e.name]));
    const hazardRows = await this.hazards.statRows({ from, to, timeZone: tz });
    const due = (await this.inspections.zoneScheduled(from, today < to ? today : to)).filter(
      // Due today is not missed yet.
      (r) => (r.dueBy ?? r.dueOn)! < today || r.status === 'completed',
    );
    const out = new Map<string, Measures>();
    for (const department of subjects) {
      const mine = new Set(
        enterprises.filter((e) => supervisedBy(industries?.get(department) ?? [], e)).map((e) => e.id),
      );
      const s = computeStats(
        hazardRows.filter((r) => mine.has(r.enterpriseId)),
        today,
        { from, to },
      );
      const records = due.filter((r) => mine.has(r.enterpriseId));
      const missed = records.filter((r) => r.status !== 'completed');
      out.set(department, {
        supervised_inspections: {
          rate: records.length ? (records.length - missed.length) / records.length : null,
          count: missed.length,
          evidence: {
            numerator: records.length - missed.length,
            denominator: records.length,
            count: missed.length,
            items: missed.map((r) => `${names.get(r.enterpriseId) ?? ''}:${r.dueBy ?? r.dueOn}`),
          },
        },
        supervised_major_hazards: {
          rate: s.majorRectificationRate.rate,
          evidence: {
            numerator: s.majorRectificationRate.numerator,
            denominator: s.majorRectificationRate.denominator,
          },
        },
        supervised_overdue_hazards: { count: s.overdueOpen, evidence: { count: s.overdueOpen } },
      });
    }
    return out;
  }
}
