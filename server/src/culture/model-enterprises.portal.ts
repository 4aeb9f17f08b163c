import type { ModelEnterpriseView } from '@muster/contracts';
import type { PortalItem, PortalSection } from '../portal/portal-sections.js';
import type { ModelProgrammeService } from './model-programme.service.js';

function item(t: { applicationId: string; awardedAt: Date; view: ModelEnterpriseView }): PortalItem {
  const v = t.view;
  const title = `${v.year}年度${v.title}`;
  return {
    id: t.applicationId,
    title: `${v.enterpriseName}：${title}`,
    summary: `${v.enterpriseName}被授予${title}称号，有效期至${v.validUntil}。`,
    body: [
      `${v.enterpriseName}经企业申报、自评和管委会评审，被授予${title}称号。`,
      `授予日期：${v.awardedOn}；有效期至：${v.validUntil}。`,
    ].join('\n\n'),
    publishedAt: t.awardedAt,
    updatedAt: t.awardedAt,
  };
}

/**
 * The public list of model enterprises (安全文化建设示范企业): titles awarded and not expired,
 * with the enterprise's name, the title, its year and validity, and nothing about any person.
 */
export function modelEnterprisesSection(programme: ModelProgrammeService): PortalSection {
  return {
    key: 'model-enterprises',
    title: { zh: '安全文化建设示范企业', en: 'Model enterprises in safety culture' },
    async list(limit) {
      return (await programme.titlesInForce(undefined, limit)).map(item);
    },
    async get(id) {
      const found = (await programme.titlesInForce()).find((t) => t.applicationId === id);
      return found ? item(found) : null;
    },
  };
}
