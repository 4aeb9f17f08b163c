import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SpotChecksAndAccountability1765610000000 implements MigrationInterface {
  name = 'SpotChecksAndAccountability1765610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE spot_check_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        enterprise_count integer NOT NULL CHECK (enterprise_count > 0),
        inspectors_per_enterprise integer NOT NULL CHECK (inspectors_per_enterprise > 0),
        industries text[] NOT NULL DEFAULT '{}',
        risk_classes text[] NOT NULL DEFAULT '{}',
        excluded_enterprise_ids uuid[] NOT NULL DEFAULT '{}',
        exclude_checked_within_days integer CHECK (exclude_checked_within_days > 0),
        recusals jsonb NOT NULL DEFAULT '[]',
        checklist jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'drawn', 'published')),
        published_at timestamptz,
        published_by uuid,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX spot_check_task_created_idx ON spot_check_task (created_at DESC)`);
    // Every draw stays: a redraw adds a row and marks the one before superseded, never rewrites it.
    await q.query(`
      CREATE TABLE spot_check_draw (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES spot_check_task (id) ON DELETE RESTRICT,
        seq integer NOT NULL,
        seed text NOT NULL CHECK (seed ~ '^[0-9a-f]{32}$'),
        algorithm text NOT NULL,
        enterprise_candidates uuid[] NOT NULL,
        inspector_candidates uuid[] NOT NULL,
        recusals jsonb NOT NULL DEFAULT '[]',
        pairs jsonb NOT NULL,
        reason text,
        superseded boolean NOT NULL DEFAULT false,
        drawn_by uuid,
        drawn_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT spot_check_draw_seq UNIQUE (task_id, seq),
        CHECK (seq = 1 OR reason IS NOT NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX spot_check_draw_current ON spot_check_draw (task_id) WHERE NOT superseded`,
    );

    await q.query(`
      CREATE TABLE accountability_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        finding_kind text NOT NULL
          CHECK (finding_kind IN ('incident', 'hazard', 'assessment', 'enforcement_case')),
        finding_id uuid NOT NULL,
        finding_title text NOT NULL,
        finding_at text,
        finding_enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        persons jsonb NOT NULL CHECK (jsonb_array_length(persons) > 0),
        facts text NOT NULL,
        measure text NOT NULL
          CHECK (measure IN ('talk', 'written_criticism', 'public_criticism', 'transfer', 'other')),
        measure_detail text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'proposed'
          CHECK (status IN ('proposed', 'decided', 'carried_out', 'withdrawn')),
        decided_on date,
        due_on date,
        carried_out_on date,
        outcome text NOT NULL DEFAULT '',
        withdrawn_reason text,
        attachment_ids uuid[] NOT NULL DEFAULT '{}',
        created_by uuid,
        decided_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status NOT IN ('decided', 'carried_out') OR (decided_on IS NOT NULL AND due_on IS NOT NULL)),
        CHECK (status <> 'carried_out' OR carried_out_on IS NOT NULL),
        CHECK (status <> 'withdrawn' OR withdrawn_reason IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX accountability_record_enterprise_idx ON accountability_record (enterprise_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX accountability_record_finding_idx ON accountability_record (finding_kind, finding_id)`,
    );
    // The reminder source asks for decided measures past their date.
    await q.query(
      `CREATE INDEX accountability_record_due_idx ON accountability_record (due_on) WHERE status = 'decided'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE accountability_record`);
    await q.query(`DROP TABLE spot_check_draw`);
    await q.query(`DROP TABLE spot_check_task`);
  }
}
