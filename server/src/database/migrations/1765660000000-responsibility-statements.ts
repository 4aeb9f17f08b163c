import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResponsibilityStatements1765660000000 implements MigrationInterface {
  name = 'ResponsibilityStatements1765660000000';

  async up(q: QueryRunner): Promise<void> {
    // 实际控制人: with the legal representative, the enterprise's first person responsible.
    await q.query(`ALTER TABLE enterprise ADD COLUMN actual_controller text`);
    // A post of an enterprise's responsibility list. The list is replaced as a whole, so a post is
    // known by its department and name; one that left the list keeps its holders and records.
    await q.query(`
      CREATE TABLE responsibility_post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        unit text NOT NULL,
        name text NOT NULL,
        duties text[] NOT NULL DEFAULT '{}',
        position integer NOT NULL DEFAULT 0,
        in_list boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT responsibility_post_name_key UNIQUE (enterprise_id, unit, name)
      )`);
    await q.query(`
      CREATE TABLE post_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES responsibility_post (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        sign_token text NOT NULL CONSTRAINT post_assignment_token_key UNIQUE,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT post_assignment_once UNIQUE (post_id, contact_id)
      )`);
    await q.query(`CREATE INDEX post_assignment_contact_idx ON post_assignment (contact_id)`);
    await q.query(`
      CREATE TABLE statement_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES responsibility_post (id) ON DELETE RESTRICT,
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        version integer NOT NULL CHECK (version > 0),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        title text NOT NULL,
        duties text[] NOT NULL,
        clauses text[] NOT NULL,
        targets text[] NOT NULL,
        text text NOT NULL,
        text_hash text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid,
        CONSTRAINT statement_version_number_key UNIQUE (post_id, version)
      )`);
    // A signature outlives the person's directory entry and their holding of the post: it is the
    // record that this text was signed, by whom, when and how.
    await q.query(`
      CREATE TABLE statement_signature (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES statement_version (id) ON DELETE RESTRICT,
        post_id uuid NOT NULL REFERENCES responsibility_post (id) ON DELETE RESTRICT,
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        contact_id uuid REFERENCES contact (id) ON DELETE SET NULL,
        signer_name text NOT NULL,
        version integer NOT NULL,
        text_hash text NOT NULL,
        method text NOT NULL CHECK (method IN ('console', 'link')),
        user_id uuid,
        ip text,
        signed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT statement_signature_once UNIQUE (version_id, contact_id)
      )`);
    await q.query(
      `CREATE INDEX statement_signature_post_idx ON statement_signature (post_id, contact_id, version DESC)`,
    );
    await q.query(`
      CREATE TABLE duty_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES responsibility_post (id) ON DELETE RESTRICT,
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        contact_id uuid REFERENCES contact (id) ON DELETE SET NULL,
        person_name text NOT NULL,
        done_on date NOT NULL,
        duty text NOT NULL,
        description text NOT NULL,
        file_ids uuid[] NOT NULL DEFAULT '{}',
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX duty_record_post_idx ON duty_record (post_id, done_on DESC)`);
    await q.query(`CREATE INDEX duty_record_contact_idx ON duty_record (contact_id, done_on DESC)`);
    // Lists written before posts were kept: every entry naming a post becomes one.
    await q.query(`
      INSERT INTO responsibility_post (enterprise_id, unit, name, duties, position)
      SELECT DISTINCT ON (enterprise_id, unit, post) enterprise_id, unit, post, duties, position
        FROM responsibility_entry
       WHERE enterprise_id IS NOT NULL AND post IS NOT NULL
       ORDER BY enterprise_id, unit, post, position`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE duty_record`);
    await q.query(`DROP TABLE statement_signature`);
    await q.query(`DROP TABLE statement_version`);
    await q.query(`DROP TABLE post_assignment`);
    await q.query(`DROP TABLE responsibility_post`);
    await q.query(`ALTER TABLE enterprise DROP COLUMN actual_controller`);
  }
}
