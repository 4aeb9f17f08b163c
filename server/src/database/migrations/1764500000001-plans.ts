import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Plans1764500000001 implements MigrationInterface {
  name = 'Plans1764500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        type text NOT NULL CHECK (type IN ('comprehensive', 'special', 'on_site')),
        code text NOT NULL DEFAULT '',
        title text NOT NULL,
        scope text NOT NULL DEFAULT '',
        hazards text[] NOT NULL DEFAULT '{}',
        incident_categories text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- A special or on-site plan exists for named incidents; a comprehensive one covers all.
        CONSTRAINT plan_categories_required CHECK (type = 'comprehensive' OR cardinality(incident_categories) > 0)
      )`);
    // NULL (the zone) is one owner: titles are unique per owner.
    await q.query(`
      CREATE UNIQUE INDEX plan_owner_title_key
        ON plan (coalesce(enterprise_id, '00000000-0000-0000-0000-000000000000'::uuid), title)`);
    await q.query(`CREATE INDEX plan_enterprise_idx ON plan (enterprise_id)`);
    await q.query(`CREATE INDEX plan_incident_categories_idx ON plan USING gin (incident_categories)`);

    await q.query(`
      CREATE TABLE plan_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        label text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'in_review', 'published', 'superseded')),
        sections jsonb NOT NULL DEFAULT '[]',
        annexes jsonb NOT NULL DEFAULT '[]',
        change_summary text NOT NULL DEFAULT '',
        revision_triggers text[] NOT NULL DEFAULT '{}',
        review_due_on date,
        evaluation_due_on date,
        filing_due_on date,
        submitted_at timestamptz,
        submitted_by text,
        published_at timestamptz,
        published_by text,
        superseded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plan_version_published_at CHECK ((status IN ('published', 'superseded')) = (published_at IS NOT NULL)),
        CONSTRAINT plan_version_superseded_at CHECK ((status = 'superseded') = (superseded_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX plan_version_number_key ON plan_version (plan_id, number)`);
    // The rule that matters in an emergency: one plan, one version in force. The service
    // supersedes the previous version in the publishing transaction; this index makes any path
    // that forgets (or races) fail instead of leaving two versions in force.
    await q.query(`
      CREATE UNIQUE INDEX plan_version_one_published ON plan_version (plan_id) WHERE status = 'published'`);
    // One revision in preparation at a time, so reviewers never compare two competing drafts.
    await q.query(`
      CREATE UNIQUE INDEX plan_version_one_open ON plan_version (plan_id) WHERE status IN ('draft', 'in_review')`);

    await q.query(`
      CREATE TABLE plan_level (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
        rank integer NOT NULL CHECK (rank >= 1),
        code text NOT NULL,
        name text NOT NULL,
        activation_criteria text NOT NULL,
        severities text[] NOT NULL DEFAULT '{}',
        checklist jsonb NOT NULL DEFAULT '[]',
        policy_id uuid
      )`);
    await q.query(`CREATE UNIQUE INDEX plan_level_rank_key ON plan_level (version_id, rank)`);
    await q.query(`CREATE UNIQUE INDEX plan_level_code_key ON plan_level (version_id, code)`);

    await q.query(`
      CREATE TABLE disposal_card (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
        position integer NOT NULL,
        post text NOT NULL,
        title text NOT NULL,
        hazards text NOT NULL DEFAULT '',
        steps jsonb NOT NULL DEFAULT '[]',
        precautions jsonb NOT NULL DEFAULT '[]',
        contacts jsonb NOT NULL DEFAULT '[]'
      )`);
    await q.query(`CREATE INDEX disposal_card_version_idx ON disposal_card (version_id, position)`);

    await q.query(`
      CREATE TABLE responsibility_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE CASCADE,
        position integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('department', 'post', 'supervision')),
        unit text NOT NULL,
        post text,
        holder text,
        phone text,
        industries text[] NOT NULL DEFAULT '{}',
        duties text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Supervision duties are the zone's (管行业必须管安全), never an enterprise's.
        CONSTRAINT responsibility_supervision_is_zone CHECK (kind <> 'supervision' OR enterprise_id IS NULL)
      )`);
    await q.query(`
      CREATE INDEX responsibility_entry_owner_idx
        ON responsibility_entry (coalesce(enterprise_id, '00000000-0000-0000-0000-000000000000'::uuid), position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE responsibility_entry`);
    await q.query(`DROP TABLE disposal_card`);
    await q.query(`DROP TABLE plan_level`);
    await q.query(`DROP TABLE plan_version`);
    await q.query(`DROP TABLE plan`);
  }
}
