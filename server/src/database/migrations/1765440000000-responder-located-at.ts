import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResponderLocatedAt1765440000000 implements MigrationInterface {
  name = 'ResponderLocatedAt1765440000000';

  async up(q: QueryRunner): Promise<void> {
    // The map shows how old a responder's last position is; positions already stored keep no
    // time (null), as nobody knows when they were shared.
    await q.query(`ALTER TABLE callout_recipient ADD COLUMN located_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE callout_recipient DROP COLUMN located_at`);
  }
}
