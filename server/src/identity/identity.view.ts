import type { LoginResponse, UserView } from '@muster/contracts';
import type { User } from './user.entity.js';

export function mapUser(u: User): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    enterpriseId: u.enterpriseId,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}

export function mapLogin(u: User, accessToken: string): LoginResponse {
  return {
    accessToken,
    user: { id: u.id, email: u.email, name: u.name, role: u.role, enterpriseId: u.enterpriseId },
  };
}
