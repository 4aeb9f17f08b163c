import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DutyAlerting1765200000000 implements MigrationInterface {
  name = 'DutyAlerting1765200000000';

  async up(q: QueryRunner): Promise<void> {
    // The zone has one alerting policy: a single row, its rules and tiers as one document that
    // the zone admin edits and saves whole.
    await q.query(`
      CREATE TABLE duty_policy (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        enabled boolean NOT NULL DEFAULT true,
        duty_rotation_id uuid REFERENCES rotation (id) ON DELETE SET NULL,
        tiers jsonb NOT NULL,
        rules jsonb NOT NULL,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per incident and trigger (its filing, each grade it is raised to): a retried job or
    // a repeated delivery finds the row and starts no second call-out.
    await q.query(`
      CREATE TABLE duty_alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        trigger text NOT NULL,
        callout_id uuid REFERENCES callout (id) ON DELETE SET NULL,
        in_charge_contact_ids uuid[] NOT NULL DEFAULT '{}',
        outcome text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (incident_id, trigger)
      )`);
    await q.query(`CREATE INDEX duty_alert_callout ON duty_alert (callout_id) WHERE callout_id IS NOT NULL`);
    await q.query(`
      ALTER TABLE incident
        ADD COLUMN taken_in_charge_at timestamptz,
        ADD COLUMN taken_in_charge_by text,
        ADD COLUMN taken_in_charge_contact_id uuid`);
    // Idempotency-Key of POST /api/incidents: the same key from the same user is the same report.
    await q.query(`
      CREATE TABLE incident_idempotency (
        user_id uuid NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE incident_idempotency`);
    await q.query(`
      ALTER TABLE incident
        DROP COLUMN taken_in_charge_at, DROP COLUMN taken_in_charge_by, DROP COLUMN taken_in_charge_contact_id`);
    await q.query(`DROP TABLE duty_alert`);
    await q.query(`DROP TABLE duty_policy`);
  }
}
