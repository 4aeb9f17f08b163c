import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Db } from '../database/db.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { type ListResponse, type UserView, isZoneRole } from '@muster/contracts';
import type { UserCreateDto, UserListQueryDto, UserUpdateDto } from './identity.dto.js';
import { mapUser } from './identity.view.js';
import { hashPassword } from './password.js';
import { PrincipalCache } from './principal-cache.js';
import { Revocations } from './revocation.js';
import { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../common/domain-errors.js';

@Injectable()
export class UserService {
  constructor(
    private readonly db: Db,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly principals: PrincipalCache,
    private readonly revocations: Revocations,
  ) {}

  async list(q: UserListQueryDto): Promise<ListResponse<UserView>> {
    const [rows, total] = await this.users.list({ ...q, ...pageWindow(q) });
    return { items: rows.map(mapUser), total };
  }

  async get(id: string): Promise<UserView> {
    return mapUser(await this.mustFind(id));
  }

  async create(dto: UserCreateDto): Promise<UserView> {
    return this.db.transaction(async () => {
      const user = Object.assign(new User(), {
        email: dto.email.toLowerCase(),
        name: dto.name,
        role: dto.role,
        enterpriseId: enterpriseFor(dto.role, dto.enterpriseId ?? null),
        passwordHash: await hashPassword(dto.password),
        active: true,
      });
      const saved = await this.users.save(user);
      const view = mapUser(saved);
      await this.audit.record({ action: 'user.created', entity: 'user', entityId: saved.id, after: view });
      return view;
    });
  }

  async update(id: string, dto: UserUpdateDto): Promise<UserView> {
    return this.db.transaction(async () => {
      const user = await this.mustFind(id);
      const before = mapUser(user);
      if (dto.active === false || (dto.role && dto.role !== 'zone_admin')) this.refuseSelfLockout(id);
      if (dto.name !== undefined) user.name = dto.name;
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.enterpriseId !== undefined) user.enterpriseId = dto.enterpriseId;
      user.enterpriseId = enterpriseFor(user.role, user.enterpriseId);
      if (dto.active !== undefined) user.active = dto.active;
      const view = mapUser(await this.users.save(user));
      // Tokens and sockets carry what the user could do when they signed in: a new role or
      // enterprise, or a deactivation, ends them (after the save, which would write back the old
      // version). A new name needs no more than forgetting the cached one.
      const revoke =
        view.role !== before.role ||
        view.enterpriseId !== before.enterpriseId ||
        (before.active && !view.active);
      if (revoke) await this.revocations.revoke(id);
      else this.db.afterCommit(() => this.principals.forget(id));
      await this.audit.record({ action: 'user.updated', entity: 'user', entityId: id, before, after: view });
      return view;
    });
  }

  async setActive(id: string, active: boolean): Promise<UserView> {
    return this.db.transaction(async () => {
      const user = await this.mustFind(id);
      if (!active) this.refuseSelfLockout(id);
      const before = mapUser(user);
      user.active = active;
      const view = mapUser(await this.users.save(user));
      // Reactivation needs nothing: only active users are remembered, and the deactivation has
      // already refused every token signed before it.
      if (before.active && !active) await this.revocations.revoke(id);
      await this.audit.record({
        action: active ? 'user.activated' : 'user.deactivated',
        entity: 'user',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  /**
   * Signs the user out everywhere (whoever knew the old password is out), and lifts a lockout, as
   * failed logins are counted per token version (AuthService.login). Not for the admin's own password:
   * that route asks for the current one, which a stolen admin session does not know.
   */
  async resetPassword(id: string, password: string): Promise<UserView> {
    if (this.context.principal()?.id === id) {
      throw new ForbiddenError(
        'You cannot reset your own password here; change it with your current password (POST /api/auth/password)',
      );
    }
    return this.db.transaction(async () => {
      const user = await this.mustFind(id);
      user.passwordHash = await hashPassword(password);
      const view = mapUser(await this.users.save(user));
      await this.revocations.revoke(id);
      await this.audit.record({ action: 'user.password_reset', entity: 'user', entityId: id });
      return view;
    });
  }

  private async mustFind(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User not found');
    return user;
  }

  private refuseSelfLockout(id: string): void {
    if (this.context.principal()?.id === id) {
      throw new ConflictError('You cannot deactivate yourself or remove your own admin role');
    }
  }
}

/** Zone roles belong to no enterprise; enterprise officers must belong to one. */
function enterpriseFor(role: User['role'], enterpriseId: string | null): string | null {
  if (isZoneRole(role)) return null;
  if (role === 'enterprise_officer' && !enterpriseId) {
    throw new InvalidError(['enterpriseId: required for an enterprise officer']);
  }
  return enterpriseId;
}
