import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UnreadCount1765700000000 implements MigrationInterface {
  name = 'UnreadCount1765700000000';

  async up(q: QueryRunner): Promise<void> {
    // Every filing counts its recipients' unread notifications, up to what the bell shows. Counted
    // in no order, the planner chose by statistics: a bitmap scan that reads every unread entry
    // of a user who never reads before the cap applies, or a sequential scan of the whole table
    // for one who has read everything. Counted newest first, from an index of the unread rows
    // alone in that order, the scan needs no sort and stops at the cap; the index of all of a
    // user's notifications would have to step over every one already read.
    await q.query('DROP INDEX notification_unread_idx');
    await q.query(
      'CREATE INDEX notification_unread_idx ON notification (user_id, created_at DESC) WHERE read_at IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX notification_unread_idx');
    await q.query('CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL');
  }
}
