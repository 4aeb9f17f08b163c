import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportingChain1765200000100 implements MigrationInterface {
  name = 'ReportingChain1765200000100';

  async up(q: QueryRunner): Promise<void> {
    // Decree 493 Art. 9: the enterprise's hour runs from when its head was informed. Null where
    // nobody said (reports on record before this, other writers): the clock then runs from the
    // occurrence, as it did. `enterprise_reported_at` is only for incidents the zone recorded
    // first (source 'zone'): when the enterprise's own report came; an enterprise's own filing
    // is its report, at reported_at.
    await q.query(`
      ALTER TABLE incident
        ADD COLUMN head_informed_at timestamptz,
        ADD COLUMN source text NOT NULL DEFAULT 'enterprise' CHECK (source IN ('enterprise', 'zone')),
        ADD COLUMN enterprise_reported_at timestamptz`);
    await q.query(`
      ALTER TABLE incident ADD CONSTRAINT incident_head_informed_after_occurrence
        CHECK (head_informed_at >= occurred_at)`);
    // The acts of the reporting chain, one row each; a file sent or received is referenced, never copied.
    await q.query(`
      CREATE TABLE incident_chain_act (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('enterprise_report', 'onward', 'provincial', 'casualty_change',
          'investigation_report', 'investigation_extension', 'investigation_reply')),
        at timestamptz NOT NULL,
        level text CHECK (level IN ('city', 'province', 'national')),
        recipient text,
        channel text CHECK (channel IN ('phone', 'fax', 'online_system', 'email', 'document', 'in_person')),
        sender_name text,
        file_id uuid REFERENCES stored_file (id) ON DELETE RESTRICT,
        note text NOT NULL DEFAULT '',
        extension_days integer CHECK (extension_days BETWEEN 1 AND 60),
        approver text,
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT incident_chain_act_onward_level CHECK ((kind = 'onward') = (level IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX incident_chain_act_incident ON incident_chain_act (incident_id, at)`);
    // One enterprise report, one provincial report, one investigation report, extension and reply
    // per incident, and one onward report per level: recording one twice is refused (409).
    await q.query(`
      CREATE UNIQUE INDEX incident_chain_act_once ON incident_chain_act (incident_id, kind)
       WHERE kind IN ('enterprise_report', 'provincial', 'investigation_report', 'investigation_extension',
                      'investigation_reply')`);
    await q.query(`
      CREATE UNIQUE INDEX incident_chain_act_onward_once ON incident_chain_act (incident_id, level)
       WHERE kind = 'onward'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE incident_chain_act`);
    await q.query(`
      ALTER TABLE incident
        DROP CONSTRAINT incident_head_informed_after_occurrence,
        DROP COLUMN head_informed_at,
        DROP COLUMN source,
        DROP COLUMN enterprise_reported_at`);
  }
}
