import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationSms1764850000000 implements MigrationInterface {
  name = 'NotificationSms1764850000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per text a notification sends out of app. The body is fixed when the row is written,
    // so a send retried after a crash looks for exactly that text at the provider before sending.
    await q.query(`
      CREATE TABLE notification_sms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL,
        kind text NOT NULL,
        entity text,
        entity_id text,
        user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        name text NOT NULL,
        phone text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        provider_sid text,
        error_code integer,
        error_message text,
        attempts integer NOT NULL DEFAULT 0,
        sending_since timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX notification_sms_key ON notification_sms (idempotency_key)`);
    await q.query(`CREATE INDEX notification_sms_entity_idx ON notification_sms (entity, entity_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_sms`);
  }
}
