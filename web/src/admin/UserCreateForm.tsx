import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createUser } from '../api/endpoints';
import { useAllEnterprises } from '../api/queries';
import { ChoiceField } from '../components/ChoiceField';
import { ErrorNotice } from '../components/ErrorNotice';
import { ROLES, type Role, type UserView } from '../contracts';

export const MIN_PASSWORD_LENGTH = 8;

export function UserCreateForm({
  onCreated,
  onCancel,
}: {
  onCreated: (user: UserView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const enterprises = useAllEnterprises();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('responder');
  const [enterpriseId, setEnterpriseId] = useState('');
  const [password, setPassword] = useState('');
  const needsEnterprise = role === 'enterprise_officer';

  const mutation = useMutation({
    mutationFn: () =>
      createUser({
        email: email.trim(),
        name: name.trim(),
        role,
        password,
        ...(needsEnterprise ? { enterpriseId } : {}),
      }),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onCreated(user);
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form className="form" onSubmit={onSubmit} data-testid="user-create-form">
      {mutation.isError && <ErrorNotice error={mutation.error} compact />}
      <div className="field">
        <label htmlFor="new-user-name">{t('users.name')}</label>
        <input
          id="new-user-name"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="new-user-email">{t('users.email')}</label>
        <input
          id="new-user-email"
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <ChoiceField
        id="new-user-role"
        label={t('users.role')}
        value={role}
        values={ROLES}
        text={(r) => t(`roles.${r}`)}
        onChange={setRole}
      />
      {needsEnterprise && (
        <div className="field">
          <label htmlFor="new-user-enterprise">{t('users.enterprise')}</label>
          <select
            id="new-user-enterprise"
            required
            value={enterpriseId}
            onChange={(e) => setEnterpriseId(e.target.value)}
            disabled={enterprises.isPending}
          >
            <option value="">{t('users.selectEnterprise')}</option>
            {enterprises.data?.items.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
          {enterprises.isError && <ErrorNotice error={enterprises.error} compact />}
        </div>
      )}
      <div className="field">
        <label htmlFor="new-user-password">{t('users.initialPassword')}</label>
        <input
          id="new-user-password"
          type="password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          autoComplete="new-password"
          aria-describedby="new-user-password-hint"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p id="new-user-password-hint" className="field__hint">
          {t('users.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        </p>
      </div>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('users.create')}
        </button>
      </div>
    </form>
  );
}
