import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrainingAndSafetyFunds1765550000000 implements MigrationInterface {
  name = 'TrainingAndSafetyFunds1765550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE training_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN ('class', 'lecture', 'exhibition', 'drill')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        trainer text NOT NULL,
        starts_at timestamptz NOT NULL,
        hours numeric(5, 1) NOT NULL CHECK (hours > 0),
        content text NOT NULL,
        material_file_ids uuid[] NOT NULL DEFAULT '{}',
        drill_run_id uuid REFERENCES drill_run (id) ON DELETE SET NULL,
        sign_in_token text NOT NULL CONSTRAINT training_session_token_key UNIQUE,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'drill') OR drill_run_id IS NULL)
      )`);
    await q.query(
      `CREATE INDEX training_session_enterprise_idx ON training_session (enterprise_id, starts_at DESC)`,
    );
    // A person's hours of a year are summed from here: the key leads with the person.
    await q.query(`
      CREATE TABLE training_attendance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES training_session (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        hours numeric(5, 1) NOT NULL CHECK (hours > 0),
        method text NOT NULL CHECK (method IN ('link', 'organiser')),
        signed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT training_attendance_once UNIQUE (session_id, contact_id)
      )`);
    await q.query(
      `CREATE INDEX training_attendance_contact_idx ON training_attendance (contact_id, signed_at)`,
    );
    await q.query(`
      CREATE TABLE training_profile (
        contact_id uuid PRIMARY KEY REFERENCES contact (id) ON DELETE CASCADE,
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        role text NOT NULL CHECK (role IN ('principal', 'safety_manager', 'employee')),
        started_on date,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE safety_fund_year (
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        industry text,
        prior_revenue numeric(16, 2) CHECK (prior_revenue >= 0),
        set_aside numeric(16, 2) NOT NULL DEFAULT 0 CHECK (set_aside >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enterprise_id, year)
      )`);
    await q.query(`
      CREATE TABLE safety_fund_spend (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        spent_on date NOT NULL,
        category text NOT NULL,
        amount numeric(16, 2) NOT NULL CHECK (amount > 0),
        description text NOT NULL,
        receipt_file_ids uuid[] NOT NULL DEFAULT '{}',
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX safety_fund_spend_enterprise_idx ON safety_fund_spend (enterprise_id, spent_on)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE safety_fund_spend`);
    await q.query(`DROP TABLE safety_fund_year`);
    await q.query(`DROP TABLE training_profile`);
    await q.query(`DROP TABLE training_attendance`);
    await q.query(`DROP TABLE training_session`);
  }
}
