import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/access.decorators.js';
import type { ContextRequest } from '../common/request-context.interceptor.js';
import { type LoginResponse, type UserView, ROLES } from '@muster/contracts';
import { AuthService } from './auth.service.js';
import { LoginDto, PasswordChangeDto } from './identity.dto.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Throttled per client address; repeated failures also lock the account (AuthService). */
  @Post('login')
  @Public()
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() req: ContextRequest): Promise<LoginResponse> {
    return this.auth.login(dto.email, dto.password, req.ip ?? 'unknown');
  }

  @Get('me')
  @ApiBearerAuth()
  @Roles(...ROLES)
  me(): Promise<UserView> {
    return this.auth.me();
  }

  @Post('password')
  @ApiBearerAuth()
  @HttpCode(204)
  @Roles(...ROLES)
  async changePassword(@Body() dto: PasswordChangeDto): Promise<void> {
    await this.auth.changePassword(dto.currentPassword, dto.newPassword);
  }
}
