import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EscalationPolicies1764500000002 implements MigrationInterface {
  name = 'EscalationPolicies1764500000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE escalation_policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE UNIQUE INDEX escalation_policy_name_key
        ON escalation_policy (coalesce(enterprise_id, '00000000-0000-0000-0000-000000000000'::uuid), name)`);

    await q.query(`
      CREATE TABLE escalation_tier (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        policy_id uuid NOT NULL REFERENCES escalation_policy (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        rotation_id uuid REFERENCES rotation (id) ON DELETE RESTRICT,
        channels text[] NOT NULL CHECK (cardinality(channels) >= 1 AND channels <@ ARRAY['sms', 'voice']),
        voice_delay_seconds integer NOT NULL DEFAULT 0 CHECK (voice_delay_seconds >= 0),
        ack_timeout_seconds integer NOT NULL CHECK (ack_timeout_seconds > 0),
        quorum integer NOT NULL CHECK (quorum >= 1),
        repeats integer NOT NULL DEFAULT 0 CHECK (repeats >= 0),
        CONSTRAINT escalation_tier_position_key UNIQUE (policy_id, position)
      )`);
    // Targets are foreign keys, not ids in a JSON blob: a contact, team or rotation that a policy
    // pages cannot be deleted from under it (the directory gets a 409 naming the policy's use)
    // and leave a tier that silently pages nobody during an emergency.
    await q.query(`
      CREATE TABLE escalation_tier_contact (
        tier_id uuid NOT NULL REFERENCES escalation_tier (id) ON DELETE CASCADE,
        position integer NOT NULL,
        contact_id uuid NOT NULL REFERENCES contact (id) ON DELETE RESTRICT,
        PRIMARY KEY (tier_id, contact_id)
      )`);
    await q.query(`CREATE INDEX escalation_tier_contact_contact_idx ON escalation_tier_contact (contact_id)`);
    await q.query(`
      CREATE TABLE escalation_tier_team (
        tier_id uuid NOT NULL REFERENCES escalation_tier (id) ON DELETE CASCADE,
        position integer NOT NULL,
        team_id uuid NOT NULL REFERENCES team (id) ON DELETE RESTRICT,
        PRIMARY KEY (tier_id, team_id)
      )`);
    await q.query(`CREATE INDEX escalation_tier_team_team_idx ON escalation_tier_team (team_id)`);
    await q.query(`CREATE INDEX escalation_tier_rotation_idx ON escalation_tier (rotation_id)`);

    await q.query(`
      ALTER TABLE plan_level ADD CONSTRAINT plan_level_policy_id_fkey
        FOREIGN KEY (policy_id) REFERENCES escalation_policy (id) ON DELETE RESTRICT`);
    await q.query(`CREATE INDEX plan_level_policy_idx ON plan_level (policy_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_level DROP CONSTRAINT plan_level_policy_id_fkey`);
    await q.query(`DROP INDEX plan_level_policy_idx`);
    await q.query(`DROP TABLE escalation_tier_team`);
    await q.query(`DROP TABLE escalation_tier_contact`);
    await q.query(`DROP TABLE escalation_tier`);
    await q.query(`DROP TABLE escalation_policy`);
  }
}
