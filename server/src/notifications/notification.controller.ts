import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import { type ListResponse, type NotificationView, ROLES } from '@muster/contracts';
import { NotificationListQueryDto } from './notification.dto.js';
import { NotificationService } from './notification.service.js';
import { ApiDoc } from '../common/api-docs.js';

/** Everyone reads their own notifications, and only their own. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @ApiDoc("List the signed-in user's notifications", 400, 401)
  @Get()
  @Roles(...ROLES)
  list(@Query() q: NotificationListQueryDto): Promise<ListResponse<NotificationView> & { unread: number }> {
    return this.notifications.listMine(q);
  }

  @ApiDoc("Mark all the signed-in user's notifications read", 401)
  @Post('read-all')
  @Roles(...ROLES)
  @HttpCode(200)
  readAll(): Promise<{ updated: number }> {
    return this.notifications.markAllRead();
  }

  @ApiDoc('Mark one notification read', 400, 401, 404)
  @Post(':id/read')
  @Roles(...ROLES)
  @HttpCode(200)
  read(@UuidParam() id: string): Promise<NotificationView> {
    return this.notifications.markRead(id);
  }
}
