import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliveryProvider1765400000000 implements MigrationInterface {
  name = 'DeliveryProvider1765400000000';

  async up(q: QueryRunner): Promise<void> {
    // Which provider a send went to: a send whose outcome is unknown is looked for at that one
    // before it may go to another, and the board shows who reached each person. Tencent's pushes
    // name a send by its serial number only, so notification texts are found by it too.
    await q.query(`ALTER TABLE callout_delivery ADD COLUMN provider text`);
    await q.query(`ALTER TABLE notification_sms ADD COLUMN provider text`);
    await q.query(`CREATE INDEX IF NOT EXISTS notification_sms_sid_idx ON notification_sms (provider_sid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS notification_sms_sid_idx`);
    await q.query(`ALTER TABLE notification_sms DROP COLUMN provider`);
    await q.query(`ALTER TABLE callout_delivery DROP COLUMN provider`);
  }
}
