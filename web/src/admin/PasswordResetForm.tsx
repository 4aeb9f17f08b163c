import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client';
import { resetUserPassword } from '../api/endpoints';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import type { UserView } from '../contracts';
import { MIN_PASSWORD_LENGTH } from './UserCreateForm';

export function PasswordResetForm({
  user,
  onDone,
  onCancel,
}: {
  user: UserView;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const mismatch = confirmation.length > 0 && confirmation !== password;

  const mutation = useMutation({
    mutationFn: () => resetUserPassword(user.id, password),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onDone();
    },
  });

  // The server refuses an admin's own reset (a stolen session must not take over the account);
  // say so in the console's language rather than as a bare "not allowed".
  const ownRefused =
    user.id === session?.user.id &&
    mutation.error instanceof ApiRequestError &&
    mutation.error.status === 403;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirmation) return;
    mutation.mutate();
  };

  return (
    <form className="form" onSubmit={onSubmit} data-testid="password-reset-form">
      <p className="form__intro">{t('users.resetIntro', { name: user.name, email: user.email })}</p>
      {ownRefused ? (
        <div className="notice notice--error notice--compact" role="alert">
          <strong className="notice__summary">{t('users.resetOwnRefused')}</strong>
        </div>
      ) : (
        mutation.isError && <ErrorNotice error={mutation.error} compact />
      )}
      <div className="field">
        <label htmlFor="reset-password">{t('users.newPassword')}</label>
        <input
          id="reset-password"
          type="password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p className="field__hint">{t('users.passwordHint', { count: MIN_PASSWORD_LENGTH })}</p>
      </div>
      <div className="field">
        <label htmlFor="reset-password-confirm">{t('users.confirmPassword')}</label>
        <input
          id="reset-password-confirm"
          type="password"
          required
          autoComplete="new-password"
          aria-invalid={mismatch}
          aria-describedby={mismatch ? 'reset-password-mismatch' : undefined}
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
        />
        {mismatch && (
          <p id="reset-password-mismatch" className="field__error">
            {t('users.passwordMismatch')}
          </p>
        )}
      </div>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={mutation.isPending || mismatch}>
          {mutation.isPending ? t('common.saving') : t('users.resetPassword')}
        </button>
      </div>
    </form>
  );
}
