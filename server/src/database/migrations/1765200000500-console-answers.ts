import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsoleAnswers1765200000500 implements MigrationInterface {
  name = 'ConsoleAnswers1765200000500';

  async up(q: QueryRunner): Promise<void> {
    // A responder signed in to the console answers there too: the board and the audit name it
    // as such rather than as the SMS link, which it is not.
    await q.query(`
      ALTER TABLE callout_recipient
        DROP CONSTRAINT callout_recipient_response_channel_check,
        ADD CONSTRAINT callout_recipient_response_channel_check
          CHECK (response_channel IN ('sms', 'voice', 'link', 'console'))`);
    // A signed-in responder's call-outs are found by the contacts linked to their account.
    await q.query(
      `CREATE INDEX callout_recipient_contact_idx ON callout_recipient (contact_id) WHERE contact_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX callout_recipient_contact_idx`);
    await q.query(
      `UPDATE callout_recipient SET response_channel = 'link' WHERE response_channel = 'console'`,
    );
    await q.query(`
      ALTER TABLE callout_recipient
        DROP CONSTRAINT callout_recipient_response_channel_check,
        ADD CONSTRAINT callout_recipient_response_channel_check
          CHECK (response_channel IN ('sms', 'voice', 'link'))`);
  }
}
