import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RiskRegister1765450000000 implements MigrationInterface {
  name = 'RiskRegister1765450000000';

  async up(q: QueryRunner): Promise<void> {
    // A risk point's hazard factors, control measures and emergency actions are read and written
    // whole with it (and printed together on the post card), so they are jsonb; its grade is the
    // latest assessment's, kept on the row for the map, the zone table and the reminders.
    await q.query(`
      CREATE TABLE risk_point (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('unit', 'facility', 'job', 'operation')),
        place text NOT NULL,
        post text,
        lat double precision,
        lng double precision,
        hazards jsonb NOT NULL DEFAULT '[]',
        measures jsonb NOT NULL DEFAULT '[]',
        emergency_actions jsonb NOT NULL DEFAULT '[]',
        method text CHECK (method IN ('lec', 'matrix')),
        score double precision,
        grade text CHECK (grade IN ('major', 'high', 'medium', 'low')),
        assessed_at timestamptz,
        next_assessment_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX risk_point_enterprise_idx ON risk_point (enterprise_id)`);
    await q.query(`CREATE INDEX risk_point_next_assessment_idx ON risk_point (next_assessment_on)`);
    // Every assessment stays: the point's history and the zone's trend by quarter.
    await q.query(`
      CREATE TABLE risk_assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        risk_point_id uuid NOT NULL REFERENCES risk_point(id) ON DELETE CASCADE,
        method text NOT NULL CHECK (method IN ('lec', 'matrix')),
        l double precision NOT NULL,
        e double precision,
        c double precision,
        s double precision,
        score double precision NOT NULL,
        grade text NOT NULL CHECK (grade IN ('major', 'high', 'medium', 'low')),
        note text,
        assessed_by text NOT NULL,
        assessor_id uuid,
        assessed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX risk_assessment_point_idx ON risk_assessment (risk_point_id, assessed_at)`);
    // The inspection plan generated for each grade's measures, so generating again updates it.
    await q.query(`
      CREATE TABLE risk_check_plan (
        enterprise_id uuid NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
        grade text NOT NULL CHECK (grade IN ('major', 'high', 'medium', 'low')),
        plan_id uuid NOT NULL REFERENCES inspection_plan(id) ON DELETE CASCADE,
        PRIMARY KEY (enterprise_id, grade)
      )`);
    // The measures of a 重大 risk are checked daily (RISK_CONTROL_TABLE).
    await q.query(`ALTER TABLE inspection_plan DROP CONSTRAINT inspection_plan_frequency_check`);
    await q.query(`
      ALTER TABLE inspection_plan ADD CONSTRAINT inspection_plan_frequency_check
        CHECK (frequency IN ('once', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'))`);
    await q.query(`
      ALTER TABLE enterprise
        ADD COLUMN risk_class_source text NOT NULL DEFAULT 'recorded'
          CHECK (risk_class_source IN ('recorded', 'risk_points'))`);
    await q.query(`
      ALTER TABLE hazard ADD COLUMN risk_point_id uuid REFERENCES risk_point(id) ON DELETE SET NULL`);
    await q.query(
      `CREATE INDEX hazard_risk_point_idx ON hazard (risk_point_id) WHERE risk_point_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hazard DROP COLUMN risk_point_id`);
    await q.query(`ALTER TABLE enterprise DROP COLUMN risk_class_source`);
    await q.query(`DROP TABLE risk_check_plan`);
    await q.query(`DELETE FROM inspection_plan WHERE frequency = 'daily'`);
    await q.query(`ALTER TABLE inspection_plan DROP CONSTRAINT inspection_plan_frequency_check`);
    await q.query(`
      ALTER TABLE inspection_plan ADD CONSTRAINT inspection_plan_frequency_check
        CHECK (frequency IN ('once', 'weekly', 'monthly', 'quarterly', 'yearly'))`);
    await q.query(`DROP TABLE risk_assessment`);
    await q.query(`DROP TABLE risk_point`);
  }
}
