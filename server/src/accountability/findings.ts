import { Inject, Injectable } from '@nestjs/common';
import type { FindingKind, FindingSummary } from '@muster/contracts';
import { AssessmentService } from '../assessments/assessment.service.js';
import { InvalidError, NotFoundError } from '../common/domain-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { HazardService } from '../hazards/hazard.service.js';
import { IncidentService } from '../incidents/incident.service.js';
import { zoneDate } from '../zone/zone-time.js';
import type { HazardListQueryDto } from '../hazards/hazard.dto.js';
import type { IncidentListQueryDto } from '../incidents/incident.dto.js';
import { EnforcementCaseFinder } from './accountability.repository.js';

/** The latest real incidents and the overdue major hazards, as many as a chooser lists. */
const INCIDENTS: IncidentListQueryDto = { page: 1, pageSize: 200, isDrill: false };
const OVERDUE_MAJOR: HazardListQueryDto = { level: 'major', overdue: true, page: 1, pageSize: 200 };

const BAND_ZH = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const;

/**
 * The findings people may be held to account for, read through the domains that own them: a
 * real incident, a major hazard past its deadline, a published assessment sheet that failed or
 * was vetoed, an enforcement case.
 */
@Injectable()
export class Findings {
  constructor(
    private readonly incidents: IncidentService,
    private readonly hazards: HazardService,
    private readonly assessments: AssessmentService,
    private readonly cases: EnforcementCaseFinder,
    private readonly enterprises: EnterpriseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The finding, or a 400 naming `findingId` when it is not one of its kind. */
  async get(kind: FindingKind, id: string): Promise<FindingSummary> {
    const found = await this.resolve(kind, id).catch((e: unknown) => {
      if (e instanceof NotFoundError) return null;
      throw e;
    });
    if (!found)
      throw new InvalidError([`findingId: no ${kind.replace('_', ' ')} ${id} to hold anyone to account for`]);
    return found;
  }

  /** Findings of a kind to choose from, newest first. */
  async list(kind: FindingKind): Promise<FindingSummary[]> {
    switch (kind) {
      case 'incident': {
        const { items } = await this.incidents.list(INCIDENTS);
        return items.map((i) => ({
          kind,
          id: i.id,
          enterpriseId: i.enterpriseId,
          enterpriseName: i.enterpriseName,
          title: i.title,
          at: i.occurredAt,
        }));
      }
      case 'hazard': {
        const { items } = await this.hazards.list(OVERDUE_MAJOR);
        return items.map((h) => this.hazard(h));
      }
      case 'assessment': {
        const schemes = (await this.assessments.listSchemes()).filter((s) => s.status === 'published');
        const out: FindingSummary[] = [];
        for (const s of schemes) {
          for (const sheet of await this.assessments.sheetsOf(s.id)) {
            if (sheet.band === 'fail' || sheet.vetoed) out.push(this.sheet(sheet));
          }
        }
        return out;
      }
      case 'enforcement_case': {
        const rows = await this.cases.latest(200);
        return this.caseSummaries(rows);
      }
    }
  }

  private async resolve(kind: FindingKind, id: string): Promise<FindingSummary | null> {
    switch (kind) {
      case 'incident': {
        const i = await this.incidents.findAnyById(id);
        if (!i || i.isDrill) return null;
        return {
          kind,
          id,
          enterpriseId: i.enterpriseId,
          enterpriseName: i.enterpriseName,
          title: i.title,
          at: i.occurredAt,
        };
      }
      case 'hazard': {
        const h = await this.hazards.get(id);
        return h.level === 'major' && h.overdue ? this.hazard(h) : null;
      }
      case 'assessment': {
        const s = await this.assessments.sheet(id);
        return s.published && (s.band === 'fail' || s.vetoed) ? this.sheet(s) : null;
      }
      case 'enforcement_case': {
        const [found] = await this.caseSummaries(await this.cases.find([id]));
        return found ?? null;
      }
    }
  }

  private hazard(h: {
    id: string;
    code: string;
    enterpriseId: string;
    enterpriseName: string;
    description: string;
    deadline: string | null;
  }): FindingSummary {
    return {
      kind: 'hazard',
      id: h.id,
      enterpriseId: h.enterpriseId,
      enterpriseName: h.enterpriseName,
      title: `重大事故隐患 ${h.code} 逾期未整改：${h.description}`,
      at: h.deadline,
    };
  }

  /** An enterprise's sheet, or a zone department's (no enterprise; the department's name). */
  private sheet(s: {
    id: string;
    year: number;
    enterpriseId: string | null;
    enterpriseName: string;
    department: string | null;
    total: number;
    band: keyof typeof BAND_ZH;
    vetoed: boolean;
  }): FindingSummary {
    return {
      kind: 'assessment',
      id: s.id,
      enterpriseId: s.enterpriseId,
      enterpriseName: s.department === null ? s.enterpriseName : null,
      title: `${s.year}年度${s.department ?? ''}安全生产考核${s.vetoed ? '一票否决' : BAND_ZH[s.band]}（${s.total}分）`,
      at: `${s.year}-12-31`,
    };
  }

  private async caseSummaries(
    rows: { id: string; enterpriseId: string | null; title: string; at: string | null }[],
  ): Promise<FindingSummary[]> {
    const names = await this.enterprises.namesByIds(
      rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])),
    );
    return rows.map((r) => ({
      kind: 'enforcement_case' as const,
      id: r.id,
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseId ? (names.get(r.enterpriseId) ?? null) : null,
      title: r.title,
      at: r.at && /^\d{4}-\d{2}-\d{2}T/.test(r.at) ? zoneDate(new Date(r.at), this.config.TZ) : r.at,
    }));
  }
}
