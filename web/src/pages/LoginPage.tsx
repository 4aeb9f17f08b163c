import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiRequestError } from '../api/client';
import { login } from '../api/endpoints';
import { usePublicConfig } from '../api/queries';
import { sessionStore } from '../api/session';
import { returnPathFor } from '../auth/access';
import type { LoginLocationState } from '../auth/guards';
import { useSession } from '../auth/session-hooks';
import { useProblemWords } from '../components/ErrorNotice';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useZoneName } from '../lib/use-zone-name';

function useLoginErrorText() {
  const { t } = useTranslation();
  const words = useProblemWords();
  return (error: unknown): { summary: string; detail: string | null } => {
    if (!(error instanceof ApiRequestError)) return { summary: t('errors.unexpected'), detail: null };
    if (error.isNetworkError) return { summary: t('errors.network'), detail: null };
    if (error.status >= 500) return { summary: t('errors.server'), detail: null };
    // Wrong credentials and lockouts come with a code: said whole in the user's language (how
    // long to wait included), never beside the server's English.
    const coded = error.problems.find((p) => p.code.startsWith('auth.'));
    if (coded) return { summary: words(coded.message, coded), detail: null };
    const detail = error.messages.map((m) => words(m, error.problemOf(m))).join(' ') || null;
    if (error.status === 401) return { summary: t('login.invalidCredentials'), detail: null };
    if (error.status === 429) return { summary: t('login.locked'), detail: null };
    if (error.status === 400) return { summary: t('errors.validation'), detail };
    return { summary: t('login.failed'), detail };
  };
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const config = usePublicConfig();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useLoginErrorText();
  const zoneName = useZoneName();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const from = (location.state as LoginLocationState | null)?.from;
  const endReason = sessionStore.lastEndReason();

  const mutation = useMutation({
    mutationFn: () => login(email.trim(), password),
    onSuccess: (response) => {
      // Whatever a previous user of this browser had loaded must not show for this one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'config' });
      sessionStore.start({ token: response.accessToken, user: response.user });
      navigate(returnPathFor(response.user.role, from), { replace: true });
    },
  });

  if (session && !mutation.isPending) {
    return <Navigate to={returnPathFor(session.user.role, from)} replace />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const error = mutation.isError ? errorText(mutation.error) : null;

  return (
    <div className="login">
      <div className="login__lang">
        <LanguageSwitcher />
      </div>
      <main className="login__card">
        <div className="login__brand">
          <span className="brand__mark brand__mark--large" aria-hidden="true" />
          <div>
            <h1 className="login__title">{t('app.name')}</h1>
            <p className="login__zone">{zoneName}</p>
          </div>
        </div>
        <p className="login__tagline">{t('app.tagline')}</p>

        {!error && endReason === 'expired' && (
          <p className="notice notice--info" role="status">
            {t('login.sessionExpired')}
          </p>
        )}
        {error && (
          <div className="notice notice--error" role="alert" data-testid="login-error">
            <strong className="notice__summary">{error.summary}</strong>
            {error.detail && error.detail !== error.summary && (
              <span className="notice__detail">{error.detail}</span>
            )}
          </div>
        )}

        <form className="form" onSubmit={onSubmit} noValidate={false}>
          <div className="field">
            <label htmlFor="login-email">{t('login.email')}</label>
            <input
              id="login-email"
              name="email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={mutation.isPending}
          >
            {mutation.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        {config.data?.demoMode && <p className="login__demo">{t('login.demoNotice')}</p>}
      </main>
    </div>
  );
}
