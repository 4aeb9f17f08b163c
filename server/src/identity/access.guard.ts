import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../common/access.decorators.js';
import type { ContextRequest } from '../common/request-context.interceptor.js';
import type { Role } from '@muster/contracts';
import { PrincipalCache } from './principal-cache.js';
import { TokenService } from './token.service.js';

/**
 * The one gate in front of every HTTP route: public routes pass; every other route needs a valid,
 * unrevoked token of an active user whose role the route names (as `PrincipalCache` knows them).
 * A route that names no roles is refused (deny by default), so a forgotten rule shows up as a
 * 403 in the authorization matrix test rather than as an open door.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly principals: PrincipalCache,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true; // gateways authenticate at their handshake
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = ctx.switchToHttp().getRequest<ContextRequest>();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new UnauthorizedException('Authorization: a Bearer token is required');
    const claims = await this.tokens.verify(token);
    if (!claims) throw new UnauthorizedException('Authorization: the token is invalid or expired');
    const principal = await this.principals.activePrincipal(claims.sub, claims.ver);
    if (!principal)
      throw new UnauthorizedException(
        'Authorization: the token was revoked, or the account is deactivated or no longer exists; sign in again',
      );
    // The request context interceptor and the access log read the caller from here.
    req.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      this.logger.error(`Route ${req.method} ${req.path} has no access rule; refused`);
      throw new ForbiddenException('This route has no access rule');
    }
    if (!roles.includes(principal.role)) {
      throw new ForbiddenException(`Role ${principal.role} may not do this`);
    }
    return true;
  }
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value : null;
}
