import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Directory1764400000010 implements MigrationInterface {
  name = 'Directory1764400000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        organization text NOT NULL DEFAULT '',
        post text NOT NULL DEFAULT '',
        phones text[] NOT NULL DEFAULT '{}'
          CHECK (array_position(phones, NULL) IS NULL),
        skills text[] NOT NULL DEFAULT '{}',
        certifications jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(certifications) = 'array'),
        language text NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'en')),
        user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX contact_enterprise_idx ON contact (enterprise_id)`);
    await q.query(`CREATE INDEX contact_name_idx ON contact (name)`);
    // An inbound SMS or call is matched to its sender by phone number.
    await q.query(`CREATE INDEX contact_phones_idx ON contact USING gin (phones)`);
    // One person has at most one contact card linked to their account.
    await q.query(`CREATE UNIQUE INDEX contact_user_id_key ON contact (user_id) WHERE user_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        type text NOT NULL CHECK (type IN ('fire', 'hazmat', 'medical', 'rescue', 'evacuation',
          'engineering', 'comms', 'security', 'environmental', 'logistics')),
        leader_contact_id uuid REFERENCES contact (id) ON DELETE SET NULL,
        base_lat double precision CHECK (base_lat BETWEEN -90 AND 90),
        base_lng double precision CHECK (base_lng BETWEEN -180 AND 180),
        base_address text NOT NULL DEFAULT '',
        readiness text NOT NULL DEFAULT 'ready' CHECK (readiness IN ('ready', 'limited', 'unavailable')),
        notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT team_base_both_or_neither CHECK ((base_lat IS NULL) = (base_lng IS NULL))
      )`);
    await q.query(`CREATE INDEX team_enterprise_idx ON team (enterprise_id)`);
    // Names are unique within an owner (the zone counts as one owner).
    await q.query(
      `CREATE UNIQUE INDEX team_name_key ON team (coalesce(enterprise_id, '00000000-0000-0000-0000-000000000000'::uuid), name)`,
    );
    await q.query(`
      CREATE TABLE team_member (
        team_id uuid NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contact (id) ON DELETE RESTRICT,
        position integer NOT NULL,
        PRIMARY KEY (team_id, contact_id)
      )`);
    await q.query(`CREATE INDEX team_member_contact_idx ON team_member (contact_id)`);

    await q.query(`
      CREATE TABLE rotation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        shift_hours integer NOT NULL CHECK (shift_hours BETWEEN 1 AND 336),
        handoff_time text NOT NULL CHECK (handoff_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        start_date date NOT NULL,
        notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rotation_enterprise_idx ON rotation (enterprise_id)`);
    await q.query(`
      CREATE TABLE rotation_member (
        rotation_id uuid NOT NULL REFERENCES rotation (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        contact_id uuid NOT NULL REFERENCES contact (id) ON DELETE RESTRICT,
        PRIMARY KEY (rotation_id, position)
      )`);
    await q.query(`CREATE INDEX rotation_member_contact_idx ON rotation_member (contact_id)`);
    await q.query(`
      CREATE TABLE rotation_override (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rotation_id uuid NOT NULL REFERENCES rotation (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contact (id) ON DELETE RESTRICT,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rotation_override_range CHECK (ends_at > starts_at)
      )`);
    await q.query(
      `CREATE INDEX rotation_override_rotation_idx ON rotation_override (rotation_id, starts_at)`,
    );
    await q.query(`CREATE INDEX rotation_override_contact_idx ON rotation_override (contact_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rotation_override`);
    await q.query(`DROP TABLE rotation_member`);
    await q.query(`DROP TABLE rotation`);
    await q.query(`DROP TABLE team_member`);
    await q.query(`DROP TABLE team`);
    await q.query(`DROP TABLE contact`);
  }
}
