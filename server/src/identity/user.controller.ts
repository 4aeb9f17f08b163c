import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type { ListResponse, UserView } from '@muster/contracts';
import { PasswordResetDto, UserCreateDto, UserListQueryDto, UserUpdateDto } from './identity.dto.js';
import { UserService } from './user.service.js';
import { ApiDoc } from '../common/api-docs.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
@Roles('zone_admin')
export class UserController {
  constructor(private readonly users: UserService) {}

  @ApiDoc('List user accounts', 400, 401, 403)
  @Get()
  list(@Query() q: UserListQueryDto): Promise<ListResponse<UserView>> {
    return this.users.list(q);
  }

  @ApiDoc('Get a user account', 400, 401, 403, 404)
  @Get(':id')
  get(@UuidParam() id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @ApiDoc('Create a user account', 400, 401, 403, 409, 413)
  @Post()
  create(@Body() dto: UserCreateDto): Promise<UserView> {
    return this.users.create(dto);
  }

  @ApiDoc('Update a user account (name, role, enterprise)', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  update(@UuidParam() id: string, @Body() dto: UserUpdateDto): Promise<UserView> {
    return this.users.update(id, dto);
  }

  @ApiDoc('Deactivate a user account: its tokens and sockets are revoked', 400, 401, 403, 404, 409)
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@UuidParam() id: string): Promise<UserView> {
    return this.users.setActive(id, false);
  }

  @ApiDoc('Reactivate a user account', 400, 401, 403, 404, 409)
  @Post(':id/activate')
  @HttpCode(200)
  activate(@UuidParam() id: string): Promise<UserView> {
    return this.users.setActive(id, true);
  }

  @ApiDoc('Set a new password for a user account', 400, 401, 403, 404, 409, 413)
  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(@UuidParam() id: string, @Body() dto: PasswordResetDto): Promise<UserView> {
    return this.users.resetPassword(id, dto.password);
  }
}
