import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Culture1765640000000 implements MigrationInterface {
  name = 'Culture1765640000000';

  async up(q: QueryRunner): Promise<void> {
    // enterprise_id null: the zone's committee organised it.
    await q.query(`
      CREATE TABLE culture_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        held_on date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('safety_month', 'consultation_day', 'fire_day', 'contest',
                                           'exhibition', 'lecture', 'open_day', 'other')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        place text NOT NULL,
        participant_count integer NOT NULL CHECK (participant_count >= 0),
        participant_contact_ids uuid[] NOT NULL DEFAULT '{}',
        description text NOT NULL,
        photo_file_ids uuid[] NOT NULL DEFAULT '{}',
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX culture_activity_held_idx ON culture_activity (held_on DESC)`);
    await q.query(
      `CREATE INDEX culture_activity_enterprise_idx ON culture_activity (enterprise_id, held_on DESC)`,
    );
    await q.query(`
      CREATE TABLE model_criteria (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        items jsonb NOT NULL,
        pass_score numeric(6, 1) NOT NULL CHECK (pass_score >= 0),
        incident_years integer NOT NULL CHECK (incident_years BETWEEN 0 AND 10),
        validity_years integer NOT NULL CHECK (validity_years BETWEEN 1 AND 10),
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE model_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        year integer NOT NULL REFERENCES model_criteria (year) ON DELETE RESTRICT,
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'awarded', 'declined')),
        items jsonb NOT NULL DEFAULT '[]',
        submitted_at timestamptz,
        return_note text,
        decided_at timestamptz,
        decided_by uuid,
        decision_reason text,
        valid_until date,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT model_application_once UNIQUE (enterprise_id, year),
        CHECK ((status = 'awarded') = (valid_until IS NOT NULL))
      )`);
    // The public list and the assessment read the titles in force.
    await q.query(
      `CREATE INDEX model_application_awarded_idx ON model_application (valid_until) WHERE status = 'awarded'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE model_application`);
    await q.query(`DROP TABLE model_criteria`);
    await q.query(`DROP TABLE culture_activity`);
  }
}
