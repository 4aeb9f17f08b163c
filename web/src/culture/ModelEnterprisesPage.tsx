import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { useModelEnterprises } from './api';
import { useCultureT } from './i18n';
import './culture.css';
import { CultureTabs } from './shared';

/** The titles in force: what the public pages list too. */
export function ModelEnterprisesPage() {
  const { t } = useCultureT();
  const models = useModelEnterprises();
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('models.subtitle')}</PageHeader>
      <CultureTabs />
      <QueryState query={models} />
      {models.data && (
        <ListTable
          testId="culture-models"
          columns={[
            t('programme.enterprise'),
            t('models.titleLabel'),
            t('year'),
            t('models.awardedOn'),
            t('models.validUntil'),
          ]}
          items={models.data}
          empty={t('models.empty')}
          row={(m) => (
            <tr key={`${m.enterpriseId}:${m.year}`}>
              <td>{m.enterpriseName}</td>
              <td>{m.title}</td>
              <td className="num">{m.year}</td>
              <td className="nowrap">{m.awardedOn}</td>
              <td className="nowrap">{m.validUntil}</td>
            </tr>
          )}
        />
      )}
    </div>
  );
}
