import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The yearly assessment of enterprises: the scheme and its indicators, one sheet per enterprise
 * with a score row per indicator (the evidence kept with it, so a published year reads from these
 * rows alone and later records change nothing), objections with their replies, and the numbered
 * commendation and public-criticism notices.
 */
export class Assessments1765540000000 implements MigrationInterface {
  name = 'Assessments1765540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment_scheme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL CONSTRAINT assessment_scheme_year_unique UNIQUE,
        title text NOT NULL,
        objection_days integer NOT NULL CHECK (objection_days BETWEEN 1 AND 90),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        published_at timestamptz,
        published_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE assessment_indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL REFERENCES assessment_scheme(id) ON DELETE CASCADE,
        position integer NOT NULL,
        group_name text NOT NULL,
        name text NOT NULL,
        metric text NOT NULL,
        rule text NOT NULL,
        weight numeric(6,2) NOT NULL CHECK (weight > 0),
        param double precision,
        evidence text NOT NULL,
        veto boolean NOT NULL DEFAULT false,
        UNIQUE (scheme_id, position)
      )`);
    await q.query(`
      CREATE TABLE assessment_sheet (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL REFERENCES assessment_scheme(id) ON DELETE CASCADE,
        enterprise_id uuid NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
        enterprise_name text NOT NULL,
        total numeric(6,2) NOT NULL DEFAULT 0,
        vetoed boolean NOT NULL DEFAULT false,
        band text NOT NULL DEFAULT 'fail',
        rank integer NOT NULL DEFAULT 0,
        computed_at timestamptz,
        CONSTRAINT assessment_sheet_enterprise_unique UNIQUE (scheme_id, enterprise_id)
      )`);
    await q.query(`
      CREATE TABLE assessment_score (
        sheet_id uuid NOT NULL REFERENCES assessment_sheet(id) ON DELETE CASCADE,
        indicator_id uuid NOT NULL REFERENCES assessment_indicator(id) ON DELETE CASCADE,
        points numeric(6,2),
        evidence jsonb,
        note text NOT NULL DEFAULT '',
        file_ids uuid[] NOT NULL DEFAULT '{}',
        scored_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        scored_at timestamptz,
        PRIMARY KEY (sheet_id, indicator_id)
      )`);
    await q.query(`
      CREATE TABLE assessment_objection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sheet_id uuid NOT NULL REFERENCES assessment_sheet(id) ON DELETE CASCADE,
        enterprise_id uuid NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
        text text NOT NULL,
        filed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        filed_at timestamptz NOT NULL DEFAULT now(),
        reply text,
        replied_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        replied_at timestamptz
      )`);
    await q.query(`CREATE INDEX assessment_objection_sheet ON assessment_objection (sheet_id)`);
    // The number is taken under the scheme row's lock; the key keeps it unique regardless.
    await q.query(`
      CREATE TABLE assessment_notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL REFERENCES assessment_scheme(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('commendation', 'criticism')),
        year integer NOT NULL,
        seq integer NOT NULL CHECK (seq > 0),
        enterprises jsonb NOT NULL,
        issued_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assessment_notice_number_unique UNIQUE (kind, year, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_notice`);
    await q.query(`DROP TABLE assessment_objection`);
    await q.query(`DROP TABLE assessment_score`);
    await q.query(`DROP TABLE assessment_sheet`);
    await q.query(`DROP TABLE assessment_indicator`);
    await q.query(`DROP TABLE assessment_scheme`);
  }
}
