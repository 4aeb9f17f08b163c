import { Injectable } from '@nestjs/common';
import type { NotificationKind, NotificationParams, Role } from '@muster/contracts';
import { Db } from '../database/db.js';
import { Notification } from './notification.entity.js';
import { NotificationPreference } from './notification-preference.entity.js';

export interface NewNotifications {
  userIds: string[];
  kind: NotificationKind;
  params: NotificationParams;
  entity: string | null;
  entityId: string | null;
}

@Injectable()
export class NotificationRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.repo(Notification);
  }

  /**
   * One row per recipient, in one statement (filing an incident notifies the whole zone), written
   * with the transaction's other waiting writes and its COMMIT; `written` gets the rows then.
   */
  async insertMany(n: NewNotifications, written: (rows: Notification[]) => void): Promise<void> {
    if (!n.userIds.length) return written([]);
    await this.db.writeAtCommit(
      `INSERT INTO notification (user_id, kind, params, entity, entity_id)
       SELECT u, $2, $3::jsonb, $4, $5 FROM unnest($1::uuid[]) AS u
       RETURNING id, user_id, created_at`,
      [n.userIds, n.kind, JSON.stringify(n.params), n.entity, n.entityId],
      (rows) =>
        written(
          rows.map((r) =>
            this.repo.create({
              id: r.id as string,
              userId: r.user_id as string,
              kind: n.kind,
              params: n.params,
              entity: n.entity,
              entityId: n.entityId,
              createdAt: new Date(r.created_at as string),
              readAt: null,
            }),
          ),
        ),
    );
  }

  listForUser(
    userId: string,
    f: { unread?: boolean; kind?: string; skip: number; take: number },
  ): Promise<[Notification[], number]> {
    const qb = this.repo
      .createQueryBuilder('n')
      .where('n.userId = :userId', { userId })
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip(f.skip)
      .take(f.take);
    if (f.unread) qb.andWhere('n.readAt IS NULL');
    if (f.kind) qb.andWhere('n.kind = :kind', { kind: f.kind });
    return qb.getManyAndCount();
  }

  countUnread(userId: string): Promise<number> {
    return this.repo
      .createQueryBuilder('n')
      .where('n.userId = :userId AND n.readAt IS NULL', { userId })
      .getCount();
  }

  /**
   * Unread counts of many users in one query, each counted up to `cap` (the bell shows "99+"
   * beyond that): a push after every filing must not cost more for a user who never reads.
   */
  async unreadByUser(userIds: string[], cap = 100): Promise<Map<string, number>> {
    const rows: { user_id: string; unread: number }[] = userIds.length
      ? await this.db.manager.query(
          `SELECT u.id AS user_id,
                  (SELECT count(*)::int FROM (SELECT 1 FROM notification n
                     WHERE n.user_id = u.id AND n.read_at IS NULL ORDER BY n.created_at DESC LIMIT $2) capped) AS unread
             FROM unnest($1::uuid[]) AS u (id)`,
          [[...new Set(userIds)], cap],
        )
      : [];
    return new Map(rows.map((r) => [r.user_id, r.unread]));
  }

  /** Only the owner's notification: another user's id is simply not found. */
  findForUser(id: string, userId: string): Promise<Notification | null> {
    return this.repo.findOneBy({ id, userId });
  }

  /** Whether this call read it (false when it was read already). */
  async markRead(id: string, userId: string): Promise<boolean> {
    const r = await this.repo
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('id = :id AND user_id = :userId AND read_at IS NULL', { id, userId })
      .execute();
    return (r.affected ?? 0) > 0;
  }

  async markAllRead(userId: string): Promise<number> {
    const r = await this.repo
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('user_id = :userId AND read_at IS NULL', { userId })
      .execute();
    return r.affected ?? 0;
  }

  /** Active users holding one of the roles (optionally of one enterprise). */
  async activeUserIds(roles: Role[], enterpriseId?: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.manager.query(
      `SELECT id FROM app_user
        WHERE active AND role = ANY($1::text[]) AND ($2::uuid IS NULL OR enterprise_id = $2::uuid)
        ORDER BY id`,
      [roles, enterpriseId ?? null],
    );
    return rows.map((r) => r.id);
  }

  preferences(userId: string): Promise<NotificationPreference | null> {
    return this.db.repo(NotificationPreference).findOneBy({ userId });
  }

  async savePreferences(userId: string, p: { quiet: boolean; smsKinds: string[] }): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO notification_preference (user_id, quiet, sms_kinds) VALUES ($1, $2, $3::text[])
       ON CONFLICT (user_id) DO UPDATE SET quiet = $2, sms_kinds = $3::text[], updated_at = now()`,
      [userId, p.quiet, p.smsKinds],
    );
  }

  /** Of these users, those who asked for this (non-urgent) kind by SMS and are not quiet. */
  async smsWanted(userIds: string[], kind: NotificationKind): Promise<string[]> {
    if (!userIds.length) return [];
    const rows: { user_id: string }[] = await this.db.manager.query(
      `SELECT user_id FROM notification_preference
        WHERE user_id = ANY($1::uuid[]) AND NOT quiet AND $2 = ANY(sms_kinds)`,
      [userIds, kind],
    );
    return rows.map((r) => r.user_id);
  }
}
