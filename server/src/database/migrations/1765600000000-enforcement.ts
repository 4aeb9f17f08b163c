import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The zone's document numbering as one counter per (kind, year), taken over from the assessment
 * notices' max+1 so their numbers go on unchanged; and enforcement cases with their numbered
 * instruments.
 */
export class Enforcement1765600000000 implements MigrationInterface {
  name = 'Enforcement1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_counter (
        kind text NOT NULL,
        year integer NOT NULL,
        last_seq integer NOT NULL CHECK (last_seq >= 0),
        PRIMARY KEY (kind, year)
      )`);
    await q.query(`
      INSERT INTO document_counter (kind, year, last_seq)
      SELECT 'assessment.' || kind, year, max(seq) FROM assessment_notice GROUP BY kind, year`);

    await q.query(`
      CREATE TABLE enforcement_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        inspection_record_id uuid REFERENCES inspection_record (id) ON DELETE SET NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        violations jsonb NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        statement jsonb,
        opened_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        opened_by_name text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        disclosed_at timestamptz,
        disclosed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'closed' OR closed_at IS NULL),
        CHECK (disclosed_at IS NULL OR status = 'closed')
      )`);
    await q.query(
      `CREATE INDEX enforcement_case_enterprise_idx ON enforcement_case (enterprise_id, opened_at DESC)`,
    );
    await q.query(
      `CREATE INDEX enforcement_case_disclosed_idx ON enforcement_case (disclosed_at DESC) WHERE disclosed_at IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE enforcement_instrument (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES enforcement_case (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('inspection_record', 'rectification_order', 'onsite_measures',
          'recheck_opinion', 'filing', 'penalty_notice', 'penalty_decision', 'closing')),
        year integer NOT NULL,
        seq integer NOT NULL CHECK (seq > 0),
        deadline date,
        content jsonb NOT NULL,
        issued_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        issued_by_name text NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT enforcement_instrument_once UNIQUE (case_id, kind),
        CONSTRAINT enforcement_instrument_number_unique UNIQUE (kind, year, seq)
      )`);
    // The reminder sources read the running deadlines of orders and notices.
    await q.query(
      `CREATE INDEX enforcement_instrument_deadline_idx ON enforcement_instrument (kind, deadline) WHERE deadline IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enforcement_instrument`);
    await q.query(`DROP TABLE enforcement_case`);
    await q.query(`DROP TABLE document_counter`);
  }
}
