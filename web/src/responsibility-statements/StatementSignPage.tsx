import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { ErrorNotice } from '../components/ErrorNotice';
import { QueryState } from '../components/ListTable';
import { formatDateTime } from '../lib/format';
import { fetchSigning, signByLink } from './api';
import { useDutiesT } from './i18n';
import './duties.css';

/** The page a personal signing link opens: no login; name and the phone's last digits confirm. */
export function StatementSignPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useDutiesT();
  const tz = usePublicConfig().data?.timeZone ?? 'Asia/Shanghai';
  const info = useQuery({
    queryKey: ['statement-signing', token],
    queryFn: ({ signal }) => fetchSigning(token, signal),
    retry: false,
  });
  const [name, setName] = useState('');
  const [digits, setDigits] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ version: number; at: string; already: boolean } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!info.data?.version) return;
    setBusy(true);
    setError(null);
    try {
      const r = await signByLink(token, { versionId: info.data.version.id, name, phoneLast4: digits });
      setResult({
        version: r.version,
        at: formatDateTime(r.signedAt, i18n.language, tz),
        already: r.already,
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const v = info.data?.version;
  return (
    <main className="duty-sign-page">
      <h1>{t('signPage.title')}</h1>
      <QueryState query={info} />
      {info.data && (
        <>
          <p className="duty-sign-page__post">
            <strong>
              {info.data.enterpriseName} · {info.data.unit} · {info.data.postName}
            </strong>
          </p>
          {!v ? (
            <p>{t('signPage.noVersion')}</p>
          ) : (
            <>
              <p>{t('signPage.intro')}</p>
              <pre className="duty-text" data-testid="statement-text">
                {v.text}
              </pre>
              <p className="cell-sub duty-hash">
                {t('postPage.hash')}: {v.textHash}
              </p>
              {result ? (
                <p className="duty-sign-page__done" role="status" data-testid="statement-signed">
                  {t(result.already ? 'signPage.already' : 'signPage.done', {
                    version: result.version,
                    at: result.at,
                  })}
                </p>
              ) : info.data.signed ? (
                <p className="duty-sign-page__done" role="status">
                  {t('signPage.signedBefore')}
                </p>
              ) : (
                <form className="form" onSubmit={(e) => void submit(e)}>
                  <div className="field">
                    <label htmlFor="sign-name">{t('signPage.name')}</label>
                    <input
                      id="sign-name"
                      autoComplete="name"
                      value={name}
                      onChange={(e) => setName(e.target.value)}
                      required
                    />
                  </div>
                  <div className="field">
                    <label htmlFor="sign-digits">{t('signPage.phoneLast4')}</label>
                    <input
                      id="sign-digits"
                      inputMode="numeric"
                      pattern="\d{4}"
                      maxLength={4}
                      value={digits}
                      onChange={(e) => setDigits(e.target.value)}
                      required
                    />
                  </div>
                  {Boolean(error) && <ErrorNotice error={error} />}
                  <button type="submit" className="button button--primary" disabled={busy}>
                    {t('signPage.submit')}
                  </button>
                </form>
              )}
            </>
          )}
        </>
      )}
    </main>
  );
}
