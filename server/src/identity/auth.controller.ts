import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/access.decorators.js';
import type { ContextRequest } from '../common/request-context.interceptor.js';
import { type LoginResponse, type UserView, ROLES } from '@muster/contracts';
import { AuthService } from './auth.service.js';
import { LoginDto, PasswordChangeDto } from './identity.dto.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Throttled per client address; repeated failures also lock the account (AuthService). */
  @ApiDoc('Sign in with e-mail and password; answers a bearer token', 400, 401, 413, 429)
  @Post('login')
  @Public()
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() req: ContextRequest): Promise<LoginResponse> {
    return this.auth.login(dto.email, dto.password, req.ip ?? 'unknown');
  }

  @ApiDoc('The signed-in user', 401)
  @Get('me')
  @ApiBearerAuth()
  @Roles(...ROLES)
  me(): Promise<UserView> {
    return this.auth.me();
  }

  @ApiDoc("Change the signed-in user's password (every session ends, this one too)", 400, 401, 413)
  @Post('password')
  @ApiBearerAuth()
  @HttpCode(204)
  @Roles(...ROLES)
  async changePassword(@Body() dto: PasswordChangeDto): Promise<void> {
    await this.auth.changePassword(dto.currentPassword, dto.newPassword);
  }
}
