import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import type { ListResponse, NotificationView, Role } from '@muster/contracts';
import { Db } from '../database/db.js';
import type { NotificationListQueryDto } from './notification.dto.js';
import { mapNotification } from './notification.view.js';
import type { Notification } from './notification.entity.js';
import { NotificationRepository } from './notification.repository.js';
import { NotFoundError, UnauthenticatedError } from '../common/domain-errors.js';

export interface NotificationMessage {
  kind: string;
  title: string;
  body: string;
  entity?: string;
  entityId?: string;
  /** Urgent messages are also offered to out-of-app channels (SMS), when one is installed. */
  urgent?: boolean;
  /**
   * Out-of-app channels deliver one key to one address at most once, so a retried job that
   * notifies again reaches nobody twice. Without a key every call is a new message.
   */
  deliveryKey?: string;
  /**
   * People to reach out of app besides the recipient users, who may have no account at all
   * (a hazard's responsible person is a name in the ledger and a number in the directory).
   */
  contacts?: NotificationContact[];
}

export interface NotificationContact {
  name: string;
  phone: string;
}

/**
 * A way out of the app (SMS, through the delivery sender of `messaging/`). Channels are optional
 * providers under NOTIFICATION_CHANNELS: with none installed (no SMS provider configured), in-app
 * is the only delivery, and nothing pretends otherwise.
 */
export interface NotificationChannel {
  readonly name: string;
  deliver(userIds: string[], message: NotificationMessage): Promise<void>;
}
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');

export interface Recipients {
  userIds?: string[];
  roles?: Role[];
  /** With `roles`: only users of this enterprise. */
  enterpriseId?: string;
}

@Injectable()
export class NotificationService {
  private readonly logger = new Logger(NotificationService.name);

  constructor(
    private readonly db: Db,
    private readonly notifications: NotificationRepository,
    private readonly context: RequestContext,
    @Optional() @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[] = [],
  ) {}

  /**
   * Stores one in-app notification per recipient, inside the caller's transaction when there is
   * one (a notification about a change commits with the change).
   */
  async notify(to: Recipients, message: NotificationMessage): Promise<string[]> {
    const ids = new Set(to.userIds ?? []);
    if (to.roles?.length) {
      for (const id of await this.notifications.activeUserIds(to.roles, to.enterpriseId)) ids.add(id);
    }
    const userIds = [...ids];
    await this.notifications.insertMany(
      userIds.map((userId) => ({
        userId,
        kind: message.kind,
        title: message.title,
        body: message.body,
        entity: message.entity ?? null,
        entityId: message.entityId ?? null,
      })),
    );
    if (message.urgent) {
      for (const channel of this.channels ?? []) await this.offer(channel, userIds, message);
    }
    return userIds;
  }

  /**
   * Out-of-app delivery must not undo the in-app record: a failure is logged and the caller's
   * transaction carries on, rolled back to before the channel's writes (PostgreSQL refuses every
   * further statement of a transaction in which one failed).
   */
  private async offer(channel: NotificationChannel, userIds: string[], message: NotificationMessage) {
    const inTx = this.db.inTransaction();
    if (inTx) await this.db.manager.query('SAVEPOINT notification_channel');
    try {
      await channel.deliver(userIds, message);
      if (inTx) await this.db.manager.query('RELEASE SAVEPOINT notification_channel');
    } catch (err) {
      if (inTx) await this.db.manager.query('ROLLBACK TO SAVEPOINT notification_channel');
      this.logger.error({ err, channel: channel.name, kind: message.kind }, 'Notification channel failed');
    }
  }

  /** Active users holding one of the roles (optionally of one enterprise). */
  activeUserIds(roles: Role[], enterpriseId?: string): Promise<string[]> {
    return this.notifications.activeUserIds(roles, enterpriseId);
  }

  async listMine(q: NotificationListQueryDto): Promise<ListResponse<NotificationView> & { unread: number }> {
    const userId = this.me();
    const [rows, total] = await this.notifications.listForUser(userId, {
      unread: q.unread,
      ...pageWindow(q),
    });
    return { items: rows.map(mapNotification), total, unread: await this.notifications.countUnread(userId) };
  }

  async markRead(id: string): Promise<NotificationView> {
    const userId = this.me();
    return this.db.transaction(async () => {
      const n: Notification | null = await this.notifications.findForUser(id, userId);
      if (!n) throw new NotFoundError('Notification not found');
      await this.notifications.markRead(id, userId);
      return mapNotification((await this.notifications.findForUser(id, userId))!);
    });
  }

  async markAllRead(): Promise<{ updated: number }> {
    return { updated: await this.notifications.markAllRead(this.me()) };
  }

  private me(): string {
    const p = this.context.principal();
    if (!p) throw new UnauthenticatedError('Unauthorized');
    return p.id;
  }
}
