import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { RecordLang } from '../common/record-language.js';
import { UuidParam } from '../common/uuid-param.js';
import {
  type ListResponse,
  type NotificationPreferencesView,
  type NotificationView,
  type RecordLanguage,
  ROLES,
} from '@muster/contracts';
import { NotificationListQueryDto, NotificationPreferencesDto } from './notification.dto.js';
import { NotificationService } from './notification.service.js';
import { ApiDoc } from '../common/api-docs.js';

/**
 * Everyone reads their own notifications, and only their own, worded in the language the
 * request asks for (Accept-Language).
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @ApiDoc("List the signed-in user's notifications", 400, 401)
  @Get()
  @Roles(...ROLES)
  list(
    @Query() q: NotificationListQueryDto,
    @RecordLang() lang: RecordLanguage,
  ): Promise<ListResponse<NotificationView> & { unread: number }> {
    return this.notifications.listMine(q, lang);
  }

  @ApiDoc("The signed-in user's notification preferences", 401)
  @Get('preferences')
  @Roles(...ROLES)
  preferences(): Promise<NotificationPreferencesView> {
    return this.notifications.preferences();
  }

  @ApiDoc("Set the signed-in user's notification preferences", 400, 401, 413)
  @Put('preferences')
  @Roles(...ROLES)
  savePreferences(@Body() dto: NotificationPreferencesDto): Promise<NotificationPreferencesView> {
    return this.notifications.savePreferences(dto);
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
  read(@UuidParam() id: string, @RecordLang() lang: RecordLanguage): Promise<NotificationView> {
    return this.notifications.markRead(id, lang);
  }
}
