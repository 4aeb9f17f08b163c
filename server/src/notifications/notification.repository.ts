import { Injectable } from '@nestjs/common';
import type { Role } from '@muster/contracts';
import { Db } from '../database/db.js';
import { Notification } from './notification.entity.js';

@Injectable()
export class NotificationRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.repo(Notification);
  }

  async insertMany(rows: Omit<Notification, 'id' | 'createdAt' | 'readAt'>[]): Promise<Notification[]> {
    if (!rows.length) return [];
    const result = await this.repo.createQueryBuilder().insert().values(rows).returning('*').execute();
    return (result.raw as Record<string, unknown>[]).map((r) =>
      this.repo.create({
        id: r.id as string,
        userId: r.user_id as string,
        kind: r.kind as string,
        title: r.title as string,
        body: r.body as string,
        entity: r.entity as string | null,
        entityId: r.entity_id as string | null,
        createdAt: r.created_at as Date,
        readAt: null,
      }),
    );
  }

  listForUser(
    userId: string,
    f: { unread?: boolean; skip: number; take: number },
  ): Promise<[Notification[], number]> {
    const qb = this.repo
      .createQueryBuilder('n')
      .where('n.userId = :userId', { userId })
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip(f.skip)
      .take(f.take);
    if (f.unread) qb.andWhere('n.readAt IS NULL');
    return qb.getManyAndCount();
  }

  countUnread(userId: string): Promise<number> {
    return this.repo
      .createQueryBuilder('n')
      .where('n.userId = :userId AND n.readAt IS NULL', { userId })
      .getCount();
  }

  /** Only the owner's notification: another user's id is simply not found. */
  findForUser(id: string, userId: string): Promise<Notification | null> {
    return this.repo.findOneBy({ id, userId });
  }

  async markRead(id: string, userId: string): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('id = :id AND user_id = :userId AND read_at IS NULL', { id, userId })
      .execute();
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
}
