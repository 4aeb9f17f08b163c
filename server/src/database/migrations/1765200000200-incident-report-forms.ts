import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decree 493 Art. 12 in full on every report (the unit overview snapshot, measures taken, other
 * matters), attachments, and the per-year numbering of the printed 事故快报 and 续报.
 */
export class IncidentReportForms1765200000200 implements MigrationInterface {
  name = 'IncidentReportForms1765200000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE incident
        ADD COLUMN unit_overview jsonb,
        ADD COLUMN other_matters text NOT NULL DEFAULT ''`);
    await q.query(`
      ALTER TABLE incident_report
        ADD COLUMN unit_overview jsonb,
        ADD COLUMN measures_taken text NOT NULL DEFAULT '',
        ADD COLUMN other_matters text NOT NULL DEFAULT '',
        ADD COLUMN attachment_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN document_year integer,
        ADD COLUMN document_seq integer,
        ADD CONSTRAINT incident_report_document_no_whole
          CHECK ((document_year IS NULL) = (document_seq IS NULL))`);
    // Reports filed before kept their measures on the incident only: the first report gave them.
    await q.query(`
      UPDATE incident_report r SET measures_taken = i.measures_taken
        FROM incident i WHERE i.id = r.incident_id AND r.kind = 'initial'`);
    // One counter per form, year and drill-or-real: a number is taken under the row's lock, so
    // two first prints at once never share one and a rolled-back print leaves no gap.
    await q.query(`
      CREATE TABLE incident_report_number (
        kind text NOT NULL CHECK (kind IN ('initial', 'supplementary')),
        year integer NOT NULL,
        is_drill boolean NOT NULL,
        last_seq integer NOT NULL CHECK (last_seq > 0),
        PRIMARY KEY (kind, year, is_drill)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE incident_report_number`);
    await q.query(`
      ALTER TABLE incident_report
        DROP CONSTRAINT incident_report_document_no_whole,
        DROP COLUMN document_seq,
        DROP COLUMN document_year,
        DROP COLUMN attachment_ids,
        DROP COLUMN other_matters,
        DROP COLUMN measures_taken,
        DROP COLUMN unit_overview`);
    await q.query(`ALTER TABLE incident DROP COLUMN other_matters, DROP COLUMN unit_overview`);
  }
}
