import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { RISK_COLORS } from '../map/enterprise-features';
import { usePostCard } from './api';
import { GradeBadge } from './GradeBadge';
import { useRisksT } from './i18n';
import './risks.css';

/**
 * The post risk notification card (岗位风险告知卡) as it is posted at the workplace: the post's
 * risk points with their hazards and consequences, the measures and who owns them, what to do in
 * an emergency and whom to call. Printed from the browser, outside the console's frame.
 */
export function PostCardPage() {
  const { t } = useRisksT();
  const { t: tc } = useTranslation();
  const [params] = useSearchParams();
  const enterpriseId = params.get('enterprise') ?? '';
  const post = params.get('post') ?? '';
  const card = usePostCard(enterpriseId, post);

  useEffect(() => {
    const previous = document.title;
    document.title = `${t('card.title')} · ${post}`;
    return () => {
      document.title = previous;
    };
  }, [post, t]);

  if (card.isPending) return <Loading />;
  if (card.isError) return <ErrorNotice error={card.error} />;
  const c = card.data;
  const colour = c.grade ? RISK_COLORS[c.grade] : null;
  return (
    <div className="risk-card-print">
      <div className="risk-card-print__toolbar no-print">
        <Link to={`/risks?enterprise=${encodeURIComponent(enterpriseId)}`} className="button">
          {t('back')}
        </Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('card.print')}
        </button>
      </div>
      <article
        className="risk-card"
        data-testid="post-card"
        style={colour ? { borderColor: colour.stroke } : undefined}
      >
        <header className="risk-card__header" style={colour ? { background: colour.fill } : undefined}>
          <h1>{t('card.title')}</h1>
          <p>
            {t('card.enterprise')}：{c.enterpriseName} · {t('card.post')}：{c.post}
          </p>
          <p>
            {t('card.grade')}：{c.grade ? tc(`risk.${c.grade}`) : t('unassessed')}
          </p>
        </header>
        {c.points.length === 0 && <p>{t('card.empty')}</p>}
        {c.points.map((p) => (
          <section key={p.id} className="risk-card__point">
            <h2>
              {t('card.point')}：{p.name} <GradeBadge grade={p.grade} />
            </h2>
            <table className="risk-card__table">
              <thead>
                <tr>
                  <th scope="col">{t('card.hazards')}</th>
                  <th scope="col">{t('card.consequence')}</th>
                </tr>
              </thead>
              <tbody>
                {p.hazards.map((h, i) => (
                  <tr key={i}>
                    <td>{h.factor}</td>
                    <td>{h.consequence}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{t('card.measures')}</h3>
            <ul>
              {p.measures.map((m) => (
                <li key={m.id}>
                  {m.text}（{t('card.responsible', { level: t(`level.${m.level}`), person: m.person })}）
                </li>
              ))}
            </ul>
            <h3>{t('card.emergency')}</h3>
            <ol>
              {p.emergencyActions.map((a, i) => (
                <li key={i}>{a}</li>
              ))}
            </ol>
          </section>
        ))}
        <footer className="risk-card__footer">
          {t('card.dutyPhone')}：{c.dutyPhone} · {t('card.emergencyPhones')}
        </footer>
      </article>
    </div>
  );
}
