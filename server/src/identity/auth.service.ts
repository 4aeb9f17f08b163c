import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Db } from '../database/db.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { LoginResponse, UserView } from '../contracts/api.js';
import { mapLogin, mapUser } from './identity.dto.js';
import { dummyVerify, hashPassword, verifyPassword } from './password.js';
import { LoginThrottle } from './login-throttle.js';
import { TokenService } from './token.service.js';
import type { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';

const INVALID = 'Invalid email or password';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, ip: string): Promise<LoginResponse> {
    await this.throttle.consume(ip);
    const user = await this.users.findForLogin(email);
    if (!user || !user.active) {
      await dummyVerify(password);
      throw new UnauthorizedException(INVALID);
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      throw lockedError(user.lockedUntil);
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      const after = await this.recordFailure(user);
      // The attempt that reaches the limit is told so at once, not on the next try.
      if (after?.lockedUntil && after.lockedUntil > new Date()) throw lockedError(after.lockedUntil);
      throw new UnauthorizedException(INVALID);
    }
    await this.recordSuccess(user);
    const accessToken = await this.tokens.sign({
      sub: user.id,
      email: user.email,
      role: user.role,
      enterpriseId: user.enterpriseId,
    });
    return mapLogin(user, accessToken);
  }

  async me(): Promise<UserView> {
    const p = this.context.principal();
    const user = p ? await this.users.findActiveById(p.id) : null;
    if (!user) throw new UnauthorizedException('Authorization: the account no longer exists');
    return mapUser(user);
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return this.db.transaction(async () => {
      const p = this.context.principal();
      const user = p ? await this.users.findForLogin(p.email) : null;
      if (!user) throw new UnauthorizedException('Authorization: the account no longer exists');
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new HttpException(
          { statusCode: 400, message: ['currentPassword: is not correct'], error: 'Bad Request' },
          HttpStatus.BAD_REQUEST,
        );
      }
      user.passwordHash = await hashPassword(newPassword);
      await this.users.save(user);
      await this.audit.record({ action: 'user.password_changed', entity: 'user', entityId: user.id });
    });
  }

  private async recordFailure(user: User): Promise<User | null> {
    return this.db.transaction(async () => {
      const after = await this.users.recordLoginFailure(
        user.id,
        this.config.LOGIN_MAX_FAILURES,
        this.config.LOGIN_LOCK_MINUTES,
      );
      const locked = Boolean(after?.lockedUntil && after.lockedUntil > new Date());
      await this.audit.record({
        action: locked ? 'auth.locked' : 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        after: { failedLogins: after?.failedLogins, lockedUntil: after?.lockedUntil ?? null },
        actor: { id: user.id, email: user.email, role: user.role, enterpriseId: user.enterpriseId },
      });
      return after;
    });
  }

  private async recordSuccess(user: User): Promise<void> {
    return this.db.transaction(async () => {
      if (user.failedLogins > 0 || user.lockedUntil) await this.users.recordLoginSuccess(user.id);
      await this.audit.record({
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
        actor: { id: user.id, email: user.email, role: user.role, enterpriseId: user.enterpriseId },
      });
    });
  }
}

function lockedError(until: Date): HttpException {
  return new HttpException(
    {
      statusCode: HttpStatus.TOO_MANY_REQUESTS,
      message: `Account locked after repeated failed logins; try again after ${until.toISOString()}`,
      error: 'Too Many Requests',
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
