import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { PrincipalCache } from './principal-cache.js';
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
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [TokenService, UserRepository, UserService],
})
export class IdentityModule {}
