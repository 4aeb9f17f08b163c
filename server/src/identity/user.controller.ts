import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { ListResponse, UserView } from '@muster/contracts';
import { PasswordResetDto, UserCreateDto, UserListQueryDto, UserUpdateDto } from './identity.dto.js';
import { UserService } from './user.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
@Roles('zone_admin')
export class UserController {
  constructor(private readonly users: UserService) {}

  @Get()
  list(@Query() q: UserListQueryDto): Promise<ListResponse<UserView>> {
    return this.users.list(q);
  }

  @Get(':id')
  get(@UuidParam() id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Post()
  create(@Body() dto: UserCreateDto): Promise<UserView> {
    return this.users.create(dto);
  }

  @Patch(':id')
  update(@UuidParam() id: string, @Body() dto: UserUpdateDto): Promise<UserView> {
    return this.users.update(id, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@UuidParam() id: string): Promise<UserView> {
    return this.users.setActive(id, false);
  }

  @Post(':id/activate')
  @HttpCode(200)
  activate(@UuidParam() id: string): Promise<UserView> {
    return this.users.setActive(id, true);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(@UuidParam() id: string, @Body() dto: PasswordResetDto): Promise<UserView> {
    return this.users.resetPassword(id, dto.password);
  }
}
