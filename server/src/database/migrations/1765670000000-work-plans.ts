import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkPlans1765670000000 implements MigrationInterface {
  name = 'WorkPlans1765670000000';

  async up(q: QueryRunner): Promise<void> {
    // One template a year: the year is its version, and a plan names the template it was filled from.
    await q.query(`
      CREATE TABLE work_plan_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100) CONSTRAINT work_plan_template_year_key UNIQUE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        submission_deadline date NOT NULL,
        sections jsonb NOT NULL,
        published_at timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'published') = (published_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE work_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        template_id uuid NOT NULL REFERENCES work_plan_template (id) ON DELETE RESTRICT,
        year integer NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
        content jsonb NOT NULL,
        versions integer NOT NULL DEFAULT 0 CHECK (versions >= 0),
        first_submitted_at timestamptz,
        submitted_at timestamptz,
        approved_at timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT work_plan_once UNIQUE (enterprise_id, year),
        CHECK ((status = 'approved') = (approved_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX work_plan_year_idx ON work_plan (year, status)`);
    // Each submission as it was sent, and the zone's review of it: the plan's history.
    await q.query(`
      CREATE TABLE work_plan_version (
        plan_id uuid NOT NULL REFERENCES work_plan (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        content jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        submitted_by uuid,
        late boolean NOT NULL,
        decision text CHECK (decision IN ('approved', 'returned')),
        reviewed_at timestamptz,
        reviewed_by uuid,
        comment text,
        section_comments jsonb NOT NULL DEFAULT '[]'::jsonb,
        PRIMARY KEY (plan_id, version),
        CHECK ((decision IS NULL) = (reviewed_at IS NULL))
      )`);
    await q.query(`
      CREATE TABLE work_plan_report (
        plan_id uuid NOT NULL REFERENCES work_plan (id) ON DELETE CASCADE,
        quarter smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        entries jsonb NOT NULL,
        note text NOT NULL DEFAULT '',
        first_submitted_at timestamptz NOT NULL,
        submitted_at timestamptz NOT NULL,
        submitted_by uuid,
        PRIMARY KEY (plan_id, quarter)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE work_plan_report`);
    await q.query(`DROP TABLE work_plan_version`);
    await q.query(`DROP TABLE work_plan`);
    await q.query(`DROP TABLE work_plan_template`);
  }
}
