import './hazards.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAllEnterprises } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useHazardNotice } from './api';

/**
 * Work Safety Law Art. 41: the enterprise's open hazards and their measures, as a notice posted
 * in the workplace. The notice itself is in Chinese whatever the console's language, since it
 * is read by the employees on the site; the toolbar around it follows the reader's language.
 */
export function HazardNoticePage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-CN');
  const session = useSession();
  const officer = session?.user.role === 'enterprise_officer';
  const [params, setParams] = useSearchParams();
  const [enterpriseId, setEnterpriseId] = useState(params.get('enterpriseId') ?? '');
  const enterprises = useAllEnterprises();
  const notice = useHazardNotice(officer ? undefined : enterpriseId || undefined, officer || !!enterpriseId);

  useEffect(() => {
    const previous = document.title;
    document.title = `${zh('hazards.notice.title')} · ${t('app.name')}`;
    return () => {
      document.title = previous;
    };
  }, [t, zh]);

  return (
    <div className="print-page hazard-notice-page">
      <div className="print-toolbar no-print hazard-notice__toolbar">
        <Link to="/hazards" className="button">
          {t('hazards.backToLedger')}
        </Link>
        {!officer && (
          <div className="field field--inline">
            <label htmlFor="notice-enterprise">{t('hazards.notice.enterprise')}</label>
            <select
              id="notice-enterprise"
              value={enterpriseId}
              onChange={(e) => {
                setEnterpriseId(e.target.value);
                setParams(e.target.value ? { enterpriseId: e.target.value } : {}, { replace: true });
              }}
            >
              <option value="">{t('hazards.notice.choose')}</option>
              {enterprises.data?.items.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button
          type="button"
          className="button button--primary"
          disabled={!notice.data}
          onClick={() => window.print()}
          data-testid="hazard-notice-print"
        >
          {t('hazards.notice.print')}
        </button>
      </div>
      {notice.isLoading && <Loading />}
      {notice.isError && <ErrorNotice error={notice.error} onRetry={() => void notice.refetch()} />}
      {notice.data && (
        <article className="hazard-notice" lang="zh-CN" data-testid="hazard-notice">
          <header className="hazard-notice__header">
            <h1>{zh('hazards.notice.title')}</h1>
            <p className="hazard-notice__meta">
              <span data-testid="hazard-notice-enterprise">{notice.data.enterpriseName}</span>
              <span>
                {zh('hazards.notice.date')}：{notice.data.date}
              </span>
            </p>
            <p className="hazard-notice__intro">{zh('hazards.notice.intro')}</p>
          </header>
          {notice.data.items.length === 0 ? (
            <p>{zh('hazards.notice.none')}</p>
          ) : (
            <table className="hazard-notice__table">
              <thead>
                <tr>
                  <th>{zh('hazards.field.code')}</th>
                  <th>{zh('hazards.field.place')}</th>
                  <th>{zh('hazards.field.description')}</th>
                  <th>{zh('hazards.field.measures')}</th>
                  <th>{zh('hazards.field.responsiblePerson')}</th>
                  <th>{zh('hazards.field.deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {notice.data.items.map((h) => (
                  <tr key={h.code} data-testid="hazard-notice-row">
                    <td className="nowrap">
                      {h.code}
                      {h.level === 'major' && (
                        <div className="hazard-notice__major">{zh('hazards.level.major')}</div>
                      )}
                    </td>
                    <td>{h.place}</td>
                    <td>{h.description}</td>
                    <td>{h.measures ?? '—'}</td>
                    <td>{h.responsiblePerson ?? '—'}</td>
                    <td className="nowrap">{h.deadline ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <footer className="hazard-notice__footer">
            <span>
              {notice.data.enterpriseName} {zh('hazards.notice.sign')}
            </span>
            <span>{notice.data.date}</span>
          </footer>
        </article>
      )}
    </div>
  );
}
