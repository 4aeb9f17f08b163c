import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A send's provider id is looked up only for the providers whose receipts name nothing else
 * (Tencent's). Indexed for every send, it made the update that records it move the row off its
 * page and into every index, for each of a fan-out's Twilio texts too. It stays in `provider_sid`;
 * the sends whose receipts need it also keep it in `receipt_sid`, the only one indexed.
 */
const TABLES = [
  { table: 'callout_delivery', sidIndex: 'callout_delivery_sid_idx' },
  { table: 'notification_sms', sidIndex: 'notification_sms_sid_idx' },
];

export class ReceiptSid1765720000000 implements MigrationInterface {
  name = 'ReceiptSid1765720000000';

  async up(q: QueryRunner): Promise<void> {
    for (const { table, sidIndex } of TABLES) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN receipt_sid text`);
      await q.query(
        `UPDATE ${table} SET receipt_sid = provider_sid WHERE provider = 'tencent' AND provider_sid IS NOT NULL`,
      );
      await q.query(
        `CREATE INDEX ${table}_receipt_sid_idx ON ${table} (receipt_sid) WHERE receipt_sid IS NOT NULL`,
      );
      await q.query(`DROP INDEX ${sidIndex}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, sidIndex } of TABLES) {
      await q.query(`CREATE INDEX ${sidIndex} ON ${table} (provider_sid)`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN receipt_sid`);
    }
  }
}
