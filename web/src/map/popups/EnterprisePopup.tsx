import { useTranslation } from 'react-i18next';
import type { EnterpriseView } from '../../contracts';
import { telHref } from '../../lib/format';
import { RiskBadge } from '../../components/RiskBadge';

/** What a commander needs first about a site: who answers for it and how to reach them now. */
export function EnterprisePopup({ enterprise }: { enterprise: EnterpriseView }) {
  const { t } = useTranslation();
  const tel = telHref(enterprise.dutyPhone);
  return (
    <div className="enterprise-popup" data-testid="enterprise-popup" data-enterprise-id={enterprise.id}>
      <h3 className="enterprise-popup__name">{enterprise.name}</h3>
      <div className="enterprise-popup__meta">
        <RiskBadge riskClass={enterprise.riskClass} />
        <span className="enterprise-popup__industry">{enterprise.industry}</span>
      </div>
      <dl className="enterprise-popup__facts">
        <dt>{t('enterprise.legalRepresentative')}</dt>
        <dd>{enterprise.legalRepresentative || t('common.none')}</dd>
        <dt>{t('enterprise.safetyLead')}</dt>
        <dd>{enterprise.safetyLead || t('common.none')}</dd>
        <dt>{t('enterprise.dutyPhone')}</dt>
        <dd>
          {tel ? (
            <a href={tel} className="enterprise-popup__phone" data-testid="enterprise-duty-phone">
              {enterprise.dutyPhone}
            </a>
          ) : (
            t('common.none')
          )}
        </dd>
        {enterprise.address && (
          <>
            <dt>{t('enterprise.address')}</dt>
            <dd>{enterprise.address}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
