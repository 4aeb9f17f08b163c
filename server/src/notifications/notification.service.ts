import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  type ContactLanguage,
  type ListResponse,
  type NotificationKind,
  type NotificationParams,
  type NotificationPreferencesView,
  type NotificationView,
  type RecordLanguage,
  type Role,
  NOTIFICATION_KINDS,
  isAlwaysTexted,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { Broadcaster } from '../room-log/broadcaster.js';
import type { NotificationListQueryDto, NotificationPreferencesDto } from './notification.dto.js';
import type { Notification } from './notification.entity.js';
import { NotificationRepository } from './notification.repository.js';
import { mapNotification } from './notification.view.js';
import { InvalidError, NotFoundError, UnauthenticatedError } from '../common/domain-errors.js';

export interface NotificationMessage {
  /** What happened; its words (both languages) are the contracts' NOTIFICATION_TEXT[kind]. */
  kind: NotificationKind;
  /** The values the words are filled from: names and codes, never sentences in one language. */
  params: NotificationParams;
  entity?: string;
  entityId?: string;
  /**
   * Out-of-app channels deliver one key to one address at most once, so a retried job that
   * notifies again reaches nobody twice. Without a key every call is a new message.
   */
  deliveryKey?: string;
  /**
   * People to reach out of app besides the recipient users, who may have no account at all
   * (a hazard's responsible person is a name in the ledger and a number in the directory). They
   * have no inbox and no preferences: whoever names them wants them texted, whatever the kind.
   */
  contacts?: NotificationContact[];
}

export interface NotificationContact {
  name: string;
  phone: string;
  /** The language texts to them are in; otherwise their directory entry's, else Chinese. */
  language?: ContactLanguage;
}

/**
 * A way out of the app (SMS, through the delivery sender of `messaging/`). Channels are optional
 * providers under NOTIFICATION_CHANNELS: with none installed (no SMS provider configured), in-app
 * is the only delivery, and nothing pretends otherwise. `userIds` are the users this message
 * goes out to by this channel (their preferences already applied).
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
    private readonly audit: AuditService,
    private readonly live: Broadcaster,
    @Optional() @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[] = [],
  ) {}

  /**
   * Stores one in-app notification per recipient, inside the caller's transaction when there is
   * one (a notification about a change commits with the change), and pushes it to the
   * recipients' open consoles once that commits. Out of app (SMS): urgent kinds always, to every
   * recipient; other kinds only to users who asked for that kind and are not in quiet mode.
   * Answers the recipient users.
   */
  async notify(to: Recipients, message: NotificationMessage): Promise<string[]> {
    const ids = new Set(to.userIds ?? []);
    if (to.roles?.length) {
      for (const id of await this.notifications.activeUserIds(to.roles, to.enterpriseId)) ids.add(id);
    }
    const userIds = [...ids];
    await this.notifications.insertMany(
      {
        userIds,
        kind: message.kind,
        params: message.params,
        entity: message.entity ?? null,
        entityId: message.entityId ?? null,
      },
      // Awaited before the caller's answer (one count query): a server stopping once its requests
      // are answered must not close Redis under a push still on its way.
      (rows) => {
        if (rows.length) this.db.afterCommit(() => this.push(rows));
      },
    );
    if (this.channels?.length) {
      const bySms = isAlwaysTexted(message.kind)
        ? userIds
        : await this.notifications.smsWanted(userIds, message.kind);
      if (bySms.length || message.contacts?.length) {
        for (const channel of this.channels) await this.offer(channel, bySms, message);
      }
    }
    return userIds;
  }

  /**
   * Out-of-app delivery must not undo the in-app record: a failure is logged and the caller's
   * transaction carries on, without the channel's writes.
   */
  private async offer(channel: NotificationChannel, userIds: string[], message: NotificationMessage) {
    try {
      await this.db.savepoint(() => channel.deliver(userIds, message));
    } catch (err) {
      this.logger.error({ err, channel: channel.name, kind: message.kind }, 'Notification channel failed');
    }
  }

  /** Each recipient's open consoles get the notification and their unread count after it. */
  private async push(rows: Notification[]): Promise<void> {
    try {
      const unread = await this.notifications.unreadByUser(rows.map((r) => r.userId));
      for (const r of rows) {
        this.live.notification(r.userId, {
          notification: mapNotification(r, 'zh-CN'),
          unread: unread.get(r.userId) ?? 0,
        });
      }
    } catch (err) {
      // The notification is stored; a console that missed the push finds it on its next fetch.
      this.logger.warn({ err }, 'notification push failed');
    }
  }

  /** Active users holding one of the roles (optionally of one enterprise). */
  activeUserIds(roles: Role[], enterpriseId?: string): Promise<string[]> {
    return this.notifications.activeUserIds(roles, enterpriseId);
  }

  async listMine(
    q: NotificationListQueryDto,
    lang: RecordLanguage,
  ): Promise<ListResponse<NotificationView> & { unread: number }> {
    const userId = this.me();
    const [rows, total] = await this.notifications.listForUser(userId, {
      unread: q.unread,
      kind: q.kind,
      ...pageWindow(q),
    });
    return {
      items: rows.map((n) => mapNotification(n, lang)),
      total,
      unread: await this.notifications.countUnread(userId),
    };
  }

  async markRead(id: string, lang: RecordLanguage): Promise<NotificationView> {
    const userId = this.me();
    const n = await this.notifications.findForUser(id, userId);
    if (!n) throw new NotFoundError('Notification not found');
    if (await this.notifications.markRead(id, userId)) await this.pushRead(userId, [id]);
    return mapNotification((await this.notifications.findForUser(id, userId))!, lang);
  }

  async markAllRead(): Promise<{ updated: number }> {
    const userId = this.me();
    const updated = await this.notifications.markAllRead(userId);
    if (updated) await this.pushRead(userId, 'all');
    return { updated };
  }

  /** The user's other tabs and devices take the read state and count from here. */
  private async pushRead(userId: string, ids: string[] | 'all'): Promise<void> {
    try {
      const unread = await this.notifications.countUnread(userId);
      this.live.notificationsRead(userId, { ids, unread });
    } catch (err) {
      this.logger.warn({ err }, 'notification read push failed');
    }
  }

  async preferences(): Promise<NotificationPreferencesView> {
    const p = await this.notifications.preferences(this.me());
    return {
      quiet: p?.quiet ?? false,
      smsKinds: NOTIFICATION_KINDS.filter((k) => p?.smsKinds.includes(k)),
    };
  }

  /** Kinds always texted go by SMS anyway: naming one is harmless and kept out of the stored choice. */
  async savePreferences(dto: NotificationPreferencesDto): Promise<NotificationPreferencesView> {
    const userId = this.me();
    const unknown = dto.smsKinds.filter((k) => !(NOTIFICATION_KINDS as string[]).includes(k));
    if (unknown.length) {
      throw new InvalidError(unknown.map((k) => `smsKinds: unknown notification kind ${k}`));
    }
    const next = {
      quiet: dto.quiet,
      smsKinds: NOTIFICATION_KINDS.filter((k) => dto.smsKinds.includes(k) && !isAlwaysTexted(k)),
    };
    return this.db.transaction(async () => {
      const before = await this.preferences();
      await this.notifications.savePreferences(userId, next);
      await this.audit.record({
        action: 'notification_preference.updated',
        entity: 'notification_preference',
        entityId: userId,
        before,
        after: next,
      });
      return next;
    });
  }

  private me(): string {
    const p = this.context.principal();
    if (!p) throw new UnauthenticatedError('Unauthorized');
    return p.id;
  }
}
