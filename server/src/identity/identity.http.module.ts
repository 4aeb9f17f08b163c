import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { IdentityModule } from './identity.module.js';
import { UserController } from './user.controller.js';

/**
 * The HTTP front of identity: sign-in and user routes, and the guard that authorizes every route
 * of the server (and every socket message) by its role rule.
 */
@Module({
  imports: [IdentityModule],
  controllers: [AuthController, UserController],
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
})
export class IdentityHttpModule {}
