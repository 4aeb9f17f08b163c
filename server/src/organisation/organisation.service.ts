import { Injectable } from '@nestjs/common';
import { type SafetyOrgView, safetyOrgStatus, suggestSafetyOrgIndustry } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { InvalidError, NotFoundError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { type EnterpriseProfile, EnterpriseService } from '../enterprises/enterprise.service.js';
import type { SafetyOrgDto, SafetyOrgQueryDto } from './organisation.dto.js';
import { EnterpriseSafetyOrg, type SafetyManager } from './organisation.entities.js';
import { SafetyOrgRepository } from './safety-org.repository.js';

/**
 * Each enterprise's safety management organisation (安全生产管理机构, its full-time and part-time
 * safety managers, its registered safety engineers) against what the Work Safety Law asks of it.
 */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly db: Db,
    private readonly orgs: SafetyOrgRepository,
    private readonly contacts: ContactService,
    private readonly enterprises: EnterpriseService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  /** Every enterprise the caller may see, with its status: the zone's table. */
  async list(q: SafetyOrgQueryDto): Promise<SafetyOrgView[]> {
    const views = await this.views(await this.enterprises.profiles());
    return views.filter(
      (v) => (!q.flagged || !v.status.met) && (!q.problem || v.status.problems.includes(q.problem)),
    );
  }

  async get(enterpriseId: string): Promise<SafetyOrgView> {
    const [enterprise] = await this.enterprises.profiles(enterpriseId);
    if (!enterprise) throw new NotFoundError('Enterprise not found');
    return (await this.views([enterprise]))[0]!;
  }

  /**
   * Whether each enterprise's safety organisation meets Art. 24 and Art. 27, and the problems
   * where not (codes of `SAFETY_ORG_PROBLEMS`): for the assessment to score. Enterprises outside
   * the caller's scope are left out.
   */
  async safetyOfficeStatusByEnterprise(
    enterpriseIds: readonly string[],
  ): Promise<Map<string, { met: boolean; problems: string[] }>> {
    const wanted = new Set(enterpriseIds);
    const profiles = (await this.enterprises.profiles()).filter((e) => wanted.has(e.id));
    const views = await this.views(profiles);
    return new Map(
      views.map((v) => [v.enterpriseId, { met: v.status.met, problems: [...v.status.problems] }]),
    );
  }

  async update(enterpriseId: string, dto: SafetyOrgDto): Promise<SafetyOrgView> {
    const [enterprise] = await this.enterprises.profiles(enterpriseId);
    if (!enterprise) throw new NotFoundError('Enterprise not found');
    const ids = dto.managers.map((m) => m.contactId);
    const found = new Map((await this.contacts.findByIds(ids)).map((c) => [c.id, c]));
    const problems: string[] = [];
    dto.managers.forEach((m, i) => {
      if (found.get(m.contactId)?.enterpriseId !== enterpriseId) {
        problems.push(
          `managers.${i}.contactId: ${m.contactId} is not a person of this enterprise's directory`,
        );
      } else if (ids.indexOf(m.contactId) !== i) {
        problems.push(`managers.${i}.contactId: ${found.get(m.contactId)!.name} is listed twice`);
      }
    });
    if (problems.length) throw new InvalidError(problems);
    return this.db.transaction(async () => {
      const before = await this.get(enterpriseId);
      const [existing] = await this.orgs.ofEnterprises([enterpriseId]);
      const org = Object.assign(new EnterpriseSafetyOrg(), existing ?? { enterpriseId }, {
        industry: dto.industry === undefined ? (existing?.industry ?? null) : dto.industry,
        headcount: dto.headcount,
        hasOffice: dto.hasOffice,
        officeName: dto.hasOffice ? (dto.officeName ?? existing?.officeName ?? '') : '',
        updatedBy: this.context.principal()?.id ?? null,
      });
      await this.orgs.replace(
        org,
        dto.managers.map((m) => ({
          enterpriseId,
          contactId: m.contactId,
          kind: m.kind,
          engineerCertificateNo: m.engineer?.certificateNo ?? null,
          engineerSpecialty: m.engineer?.specialty ?? null,
          engineerLevel: m.engineer?.level ?? null,
        })),
      );
      const after = await this.get(enterpriseId);
      await this.audit.record({
        action: 'enterprise_safety_org.updated',
        entity: 'enterprise_safety_org',
        entityId: enterpriseId,
        before: before.updatedAt ? before : null,
        after,
      });
      return after;
    });
  }

  private async views(enterprises: EnterpriseProfile[]): Promise<SafetyOrgView[]> {
    const ids = enterprises.map((e) => e.id);
    const orgs = new Map((await this.orgs.ofEnterprises(ids)).map((o) => [o.enterpriseId, o]));
    const managers = await this.orgs.managersOf(ids);
    const byEnterprise = new Map<string, SafetyManager[]>();
    for (const m of managers)
      byEnterprise.set(m.enterpriseId, [...(byEnterprise.get(m.enterpriseId) ?? []), m]);
    const people = new Map(
      (await this.contacts.findByIds([...new Set(managers.map((m) => m.contactId))])).map((c) => [c.id, c]),
    );
    return enterprises.map((e) => {
      const org = orgs.get(e.id);
      const list = byEnterprise.get(e.id) ?? [];
      const industry = org?.industry ?? suggestSafetyOrgIndustry(e.evaluationCategory, e.regulatoryCategory);
      const view: SafetyOrgView = {
        enterpriseId: e.id,
        enterpriseName: e.name,
        industry,
        industryRecorded: Boolean(org?.industry),
        headcount: org?.headcount ?? null,
        hasOffice: org?.hasOffice ?? false,
        officeName: org?.officeName ?? '',
        managers: list.map((m) => ({
          id: m.id,
          contactId: m.contactId,
          name: people.get(m.contactId)?.name ?? '',
          post: people.get(m.contactId)?.post ?? '',
          kind: m.kind,
          engineer:
            m.engineerCertificateNo && m.engineerSpecialty && m.engineerLevel
              ? {
                  certificateNo: m.engineerCertificateNo,
                  specialty: m.engineerSpecialty,
                  level: m.engineerLevel,
                }
              : null,
        })),
        status: safetyOrgStatus({
          industry,
          headcount: org?.headcount ?? null,
          hasOffice: org?.hasOffice ?? false,
          managers: list.map((m) => ({
            kind: m.kind,
            engineer:
              m.engineerSpecialty && m.engineerLevel
                ? { specialty: m.engineerSpecialty, level: m.engineerLevel }
                : null,
          })),
        }),
        updatedAt: org ? org.updatedAt.toISOString() : null,
      };
      return view;
    });
  }
}
