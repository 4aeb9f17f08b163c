import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Callouts1764800000000 implements MigrationInterface {
  name = 'Callouts1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE callout (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE RESTRICT,
        policy_id uuid,
        message text NOT NULL,
        is_drill boolean NOT NULL DEFAULT false,
        short_code text NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'succeeded', 'cancelled', 'exhausted')),
        tiers jsonb NOT NULL,
        current_tier integer NOT NULL DEFAULT 0,
        current_round integer NOT NULL DEFAULT 0,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        end_reason text
      )`);
    await q.query(`CREATE INDEX callout_incident_idx ON callout (incident_id)`);
    await q.query(`CREATE INDEX callout_active_idx ON callout (status) WHERE status = 'active'`);

    await q.query(`
      CREATE TABLE callout_recipient (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        callout_id uuid NOT NULL REFERENCES callout (id) ON DELETE CASCADE,
        contact_id uuid,
        name text NOT NULL,
        phone text NOT NULL,
        language text NOT NULL DEFAULT 'zh-CN',
        tier integer NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'notified', 'acknowledged', 'declined', 'exhausted')),
        unreachable boolean NOT NULL DEFAULT false,
        notified_at timestamptz,
        responded_at timestamptz,
        response_channel text CHECK (response_channel IN ('sms', 'voice', 'link')),
        location jsonb,
        last_error text,
        UNIQUE (callout_id, phone)
      )`);
    await q.query(`CREATE INDEX callout_recipient_phone_idx ON callout_recipient (phone)`);

    // One row per send; the idempotency key (call-out, recipient, step, channel) is what makes a
    // retried or restarted worker unable to page the same person twice for the same step.
    await q.query(`
      CREATE TABLE callout_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        callout_id uuid NOT NULL REFERENCES callout (id) ON DELETE CASCADE,
        recipient_id uuid NOT NULL REFERENCES callout_recipient (id) ON DELETE CASCADE,
        tier integer NOT NULL,
        round integer NOT NULL,
        channel text NOT NULL CHECK (channel IN ('sms', 'voice')),
        idempotency_key text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        provider_sid text,
        error_code integer,
        error_message text,
        attempts integer NOT NULL DEFAULT 0,
        sending_since timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX callout_delivery_key ON callout_delivery (idempotency_key)`);
    await q.query(`CREATE INDEX callout_delivery_sid_idx ON callout_delivery (provider_sid)`);
    await q.query(`CREATE INDEX callout_delivery_recipient_idx ON callout_delivery (recipient_id)`);

    // Transactional outbox: jobs are written with the change that causes them and moved to the
    // queue by a relay, so a Redis outage delays them instead of losing them.
    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        job text NOT NULL,
        payload jsonb NOT NULL,
        delay_ms integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE dispatched_at IS NULL`);

    await q.query(`
      CREATE TABLE sms_opt_out (
        phone text PRIMARY KEY,
        opted_out_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sms_opt_out`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE callout_delivery`);
    await q.query(`DROP TABLE callout_recipient`);
    await q.query(`DROP TABLE callout`);
  }
}
