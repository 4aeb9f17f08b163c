import { Injectable, type OnModuleInit } from '@nestjs/common';
import { StatusCallbacks } from '../messaging/status-callbacks.js';
import { NotificationSmsSender } from './notification-sms.sender.js';

/** The provider's status callbacks for notification texts: `notification-status?sms=<id>`. */
@Injectable()
export class NotificationSmsStatusRoute implements OnModuleInit {
  constructor(
    private readonly callbacks: StatusCallbacks,
    private readonly texts: NotificationSmsSender,
  ) {}

  onModuleInit(): void {
    this.callbacks.register('notification-status', 'sms', async (id, update, report) => {
      if (report.channel === 'sms') await this.texts.reported(id, update);
    });
  }
}
