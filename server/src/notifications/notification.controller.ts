import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import { type ListResponse, type NotificationView, ROLES } from '@muster/contracts';
import { NotificationListQueryDto } from './notification.dto.js';
import { NotificationService } from './notification.service.js';

/** Everyone reads their own notifications, and only their own. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @Roles(...ROLES)
  list(@Query() q: NotificationListQueryDto): Promise<ListResponse<NotificationView> & { unread: number }> {
    return this.notifications.listMine(q);
  }

  @Post('read-all')
  @Roles(...ROLES)
  @HttpCode(200)
  readAll(): Promise<{ updated: number }> {
    return this.notifications.markAllRead();
  }

  @Post(':id/read')
  @Roles(...ROLES)
  @HttpCode(200)
  read(@UuidParam() id: string): Promise<NotificationView> {
    return this.notifications.markRead(id);
  }
}
