import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReminderLedger1765200000300 implements MigrationInterface {
  name = 'ReminderLedger1765200000300';

  async up(q: QueryRunner): Promise<void> {
    // One row per reminder and recipient, claimed in the transaction that notifies: the unique key
    // is what makes a duplicate or restarted scan send nothing twice. `recipient` is `user:<id>`,
    // `phone:<E.164>`, or `*` for a reminder settled for everyone (waived, or sent before this
    // ledger existed). Deadlines and entity ids are text: sources key them as they see fit (a
    // zone-local date, an instant, a requirement within an enterprise).
    await q.query(`
      CREATE TABLE reminder_claim (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source text NOT NULL,
        kind text NOT NULL,
        stage text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        deadline text NOT NULL,
        recipient text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('sent', 'waived')),
        claimed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE UNIQUE INDEX reminder_claim_key
        ON reminder_claim (kind, stage, entity, entity_id, deadline, recipient)`);
    await q.query(`CREATE INDEX reminder_claim_entity_idx ON reminder_claim (entity, entity_id)`);

    // The hazard reminders sent (or waived) before: settled for everyone under the keys the hazard
    // source now uses, so an upgrade re-sends none of them.
    await q.query(`
      INSERT INTO reminder_claim (source, kind, stage, entity, entity_id, deadline, recipient, outcome, claimed_at)
      SELECT 'hazard', 'hazard.' || kind, kind, 'hazard', hazard_id::text,
             to_char(deadline, 'YYYY-MM-DD'), '*', 'sent', sent_at
        FROM hazard_reminder`);
    await q.query(`DROP TABLE hazard_reminder`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE hazard_reminder (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        hazard_id uuid NOT NULL REFERENCES hazard (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('due_in_3_days', 'due_in_1_day', 'overdue')),
        deadline date NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX hazard_reminder_hazard_kind_key ON hazard_reminder (hazard_id, kind, deadline)`,
    );
    await q.query(`
      INSERT INTO hazard_reminder (hazard_id, kind, deadline, sent_at)
      SELECT DISTINCT ON (entity_id, stage, deadline) entity_id::uuid, stage, deadline::date, claimed_at
        FROM reminder_claim
       WHERE source = 'hazard' AND stage IN ('due_in_3_days', 'due_in_1_day', 'overdue')
         AND EXISTS (SELECT 1 FROM hazard h WHERE h.id::text = entity_id)
       ORDER BY entity_id, stage, deadline, claimed_at`);
    await q.query(`DROP TABLE reminder_claim`);
  }
}
