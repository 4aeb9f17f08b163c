import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type KeyObject, createSecretKey } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Role } from '@muster/contracts';

export interface TokenClaims {
  sub: string;
  email: string;
  role: Role;
  enterpriseId: string | null;
  /** The user's token version when it was signed; the access guard refuses an older one. */
  ver: number;
}

@Injectable()
export class TokenService {
  /**
   * Built once: given a string, the JWT library re-derives the key on every verification. The
   * options type says string | Buffer, but the library takes a KeyObject as it is.
   */
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
  }

  sign(claims: TokenClaims): Promise<string> {
    return this.jwt.signAsync(claims, {
      secret: this.key as unknown as string,
      expiresIn: this.config.JWT_TTL as `${number}h`,
      issuer: 'muster',
    });
  }

  /**
   * The claims of a valid token, or null: callers answer 401 without detail on purpose. A token
   * without an expiry or a version is refused even when its signature is good: it could never be
   * outlived or revoked.
   */
  async verify(token: string): Promise<TokenClaims | null> {
    let claims: TokenClaims & { exp?: unknown };
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & { exp?: unknown }>(token, {
        secret: this.key as unknown as string,
        issuer: 'muster',
        algorithms: ['HS256'],
      });
    } catch {
      return null;
    }
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string') return null;
    if (!Number.isSafeInteger(claims.ver) || claims.ver < 0) return null;
    return claims;
  }
}
