import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type KeyObject, createSecretKey } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Role } from '../contracts/roles.js';

export interface TokenClaims {
  sub: string;
  email: string;
  role: Role;
  enterpriseId: string | null;
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

  /** The claims of a valid token, or null: callers answer 401 without detail on purpose. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      return await this.jwt.verifyAsync<TokenClaims>(token, {
        secret: this.key as unknown as string,
        issuer: 'muster',
      });
    } catch {
      return null;
    }
  }
}
