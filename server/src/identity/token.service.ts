import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
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
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  sign(claims: TokenClaims): Promise<string> {
    return this.jwt.signAsync(claims, {
      secret: this.config.JWT_SECRET,
      expiresIn: this.config.JWT_TTL as `${number}h`,
      issuer: 'muster',
    });
  }

  /** The claims of a valid token, or null: callers answer 401 without detail on purpose. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      return await this.jwt.verifyAsync<TokenClaims>(token, {
        secret: this.config.JWT_SECRET,
        issuer: 'muster',
      });
    } catch {
      return null;
    }
  }
}
