import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { PrincipalCache } from './principal-cache.js';
import { Revocations } from './revocation.js';
import { TokenService } from './token.service.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';

@Global()
@Module({
  imports: [JwtModule.register({})],
  providers: [
    AuthService,
    UserService,
    UserRepository,
    TokenService,
    LoginThrottle,
    PrincipalCache,
    Revocations,
  ],
  exports: [
    AuthService,
    TokenService,
    UserRepository,
    UserService,
    LoginThrottle,
    PrincipalCache,
    Revocations,
  ],
})
export class IdentityModule {}
