import { HttpException, HttpStatus, Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Db } from '../database/db.js';
import { RequestContext } from '../common/request-context.js';
import type { LoginResponse, UserView } from '@muster/contracts';
import { mapLogin, mapUser } from './identity.view.js';
import { dummyVerify, hashPassword, prepareDummyHash, verifyPassword } from './password.js';
import { type LoginAttempt, LoginThrottle } from './login-throttle.js';
import { Revocations } from './revocation.js';
import { TokenService } from './token.service.js';
import type { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';
import { UnauthenticatedError, problem } from '../common/domain-errors.js';

const INVALID = 'Invalid email or password';

@Injectable()
export class AuthService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly revocations: Revocations,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async onModuleInit(): Promise<void> {
    await prepareDummyHash();
  }

  /**
   * An email that has no active account goes through the same steps as a wrong password (a hash
   * comparison, the same counting and lockout, an audit row), so neither the answer nor its
   * timing tells which accounts exist.
   */
  async login(email: string, password: string, ip: string): Promise<LoginResponse> {
    await this.throttle.fromAddress(ip);
    const found = await this.users.findForLogin(email);
    const user = found?.active ? found : null;
    // Failures at an account are counted per token version, so a password reset starts afresh.
    const account = user ? `${user.id}.${user.tokenVersion}` : `email:${email.toLowerCase()}`;
    const attempt = await this.throttle.attempt(account, ip);
    const ok = user ? await verifyPassword(user.passwordHash, password) : await dummyVerify(password);
    if (!user || !ok) {
      const locked = await this.throttle.failed(attempt);
      await this.recordFailure(user, email, attempt, locked?.lockedForSeconds ?? null);
      // The attempt that reaches the limit is told so at once, not on the next try.
      if (locked) throw this.throttle.lockedError(locked.lockedForSeconds);
      throw new UnauthenticatedError(problem('auth.invalidCredentials', INVALID));
    }
    await this.throttle.succeeded(attempt);
    await this.recordSuccess(user);
    const accessToken = await this.tokens.sign({
      sub: user.id,
      email: user.email,
      role: user.role,
      enterpriseId: user.enterpriseId,
      ver: user.tokenVersion,
    });
    return mapLogin(user, accessToken);
  }

  async me(): Promise<UserView> {
    const p = this.context.principal();
    const user = p ? await this.users.findActiveById(p.id) : null;
    if (!user) throw new UnauthenticatedError('Authorization: the account no longer exists');
    return mapUser(user);
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return this.db.transaction(async () => {
      const p = this.context.principal();
      const user = p ? await this.users.findForLogin(p.email) : null;
      if (!user) throw new UnauthenticatedError('Authorization: the account no longer exists');
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new HttpException(
          { statusCode: 400, message: ['currentPassword: is not correct'], error: 'Bad Request' },
          HttpStatus.BAD_REQUEST,
        );
      }
      user.passwordHash = await hashPassword(newPassword);
      await this.users.save(user);
      // Every session ends, this one included: whoever else knew the old password is out.
      await this.revocations.revoke(user.id);
      await this.audit.record({ action: 'user.password_changed', entity: 'user', entityId: user.id });
    });
  }

  private async recordFailure(
    user: User | null,
    email: string,
    attempt: LoginAttempt,
    lockedForSeconds: number | null,
  ): Promise<void> {
    return this.db.transaction(async () => {
      await this.audit.record({
        action: lockedForSeconds ? 'auth.locked' : 'auth.login_failed',
        entity: 'user',
        entityId: user?.id ?? null,
        after: {
          // An unknown email is kept, to see someone trying accounts out; a known one is the entity.
          ...(user ? {} : { email }),
          failuresFromAddress: attempt.count,
          lockedForSeconds,
        },
        actor: user
          ? { id: user.id, email: user.email, role: user.role, enterpriseId: user.enterpriseId }
          : undefined,
      });
    });
  }

  private async recordSuccess(user: User): Promise<void> {
    return this.db.transaction(async () => {
      await this.audit.record({
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
        actor: { id: user.id, email: user.email, role: user.role, enterpriseId: user.enterpriseId },
      });
    });
  }
}
