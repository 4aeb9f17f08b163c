import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { PrincipalCache } from './principal-cache.js';
import { Revocations } from './revocation.js';
import { TokenService } from './token.service.js';
import { UserController } from './user.controller.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';

@Global()
@Module({
  imports: [JwtModule.register({})],
  controllers: [AuthController, UserController],
  providers: [
    AuthService,
    UserService,
    UserRepository,
    TokenService,
    LoginThrottle,
    PrincipalCache,
    Revocations,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [TokenService, UserRepository, UserService, Revocations],
})
export class IdentityModule {}
