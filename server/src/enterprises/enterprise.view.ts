import type { EnterpriseView } from '@muster/contracts';
import type { Enterprise } from './enterprise.entity.js';

export function mapEnterprise(e: Enterprise): EnterpriseView {
  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    industry: e.industry,
    riskClass: e.riskClass,
    riskClassSource: e.riskClassSource ?? 'recorded',
    sizeClass: e.sizeClass,
    evaluationCategory: e.evaluationCategory,
    regulatoryCategory: e.regulatoryCategory ?? null,
    address: e.address,
    location: { lat: e.lat, lng: e.lng },
    outline: e.outline,
    legalRepresentative: e.legalRepresentative,
    actualController: e.actualController ?? null,
    safetyLead: e.safetyLead,
    dutyPhone: e.dutyPhone,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
