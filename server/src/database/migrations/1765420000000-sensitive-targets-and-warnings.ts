import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SensitiveTargetsAndWarnings1765420000000 implements MigrationInterface {
  name = 'SensitiveTargetsAndWarnings1765420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sensitive_target (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('school', 'kindergarten', 'hospital', 'residential', 'village',
          'nursing_home', 'market', 'water_source')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        address text NOT NULL DEFAULT '',
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
        outline jsonb,
        population_day integer NOT NULL DEFAULT 0 CHECK (population_day >= 0),
        population_night integer NOT NULL DEFAULT 0 CHECK (population_night >= 0),
        contact_name text NOT NULL DEFAULT '',
        contact_phone text CHECK (contact_phone ~ '^\\+[1-9][0-9]{6,14}$'),
        notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sensitive_target_kind_idx ON sensitive_target (kind)`);

    // A warning keeps the targets and people it found inside its area as they were when it was
    // sent (jsonb): the board and the CAP document must say what was warned, even after the
    // registers change. Delivery and acknowledgement stay with its call-out.
    await q.query(`
      CREATE TABLE warning (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        is_drill boolean NOT NULL,
        msg_type text NOT NULL CHECK (msg_type IN ('Alert', 'Update', 'Cancel')),
        references_id uuid REFERENCES warning (id) ON DELETE RESTRICT,
        callout_id uuid REFERENCES callout (id) ON DELETE SET NULL,
        area jsonb NOT NULL,
        event text NOT NULL,
        text text NOT NULL,
        action text NOT NULL CHECK (action IN ('shelter_in_place', 'evacuate')),
        assembly_point jsonb,
        category text NOT NULL,
        urgency text NOT NULL,
        severity text NOT NULL,
        certainty text NOT NULL,
        targets jsonb NOT NULL,
        counts jsonb NOT NULL,
        sent_by text NOT NULL,
        created_by uuid,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((msg_type = 'Alert') = (references_id IS NULL))
      )`);
    await q.query(`CREATE INDEX warning_incident_idx ON warning (incident_id, sent_at)`);
    // The public feed lists the newest first.
    await q.query(`CREATE INDEX warning_sent_idx ON warning (sent_at DESC)`);

    // What a call-out asks of the people it pages: to come (a call-out) or to take notice (a warning).
    await q.query(
      `ALTER TABLE callout ADD COLUMN purpose text NOT NULL DEFAULT 'callout' CHECK (purpose IN ('callout', 'warning'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE callout DROP COLUMN purpose`);
    await q.query(`DROP TABLE warning`);
    await q.query(`DROP TABLE sensitive_target`);
  }
}
