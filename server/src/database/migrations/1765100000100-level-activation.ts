import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LevelActivation1765100000100 implements MigrationInterface {
  name = 'LevelActivation1765100000100';

  async up(q: QueryRunner): Promise<void> {
    // A level of a plan is activated once per incident: pressing "activate" again, a double click
    // or a retried request once paged everyone a second time. The unique key holds even when two
    // activations race past the service's check. A level is named by its rank, which stays the
    // same level across the plan's versions.
    await q.query(`
      CREATE TABLE level_activation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        plan_id uuid NOT NULL,
        version_id uuid NOT NULL,
        level_id uuid NOT NULL,
        rank integer NOT NULL,
        response_level text NOT NULL,
        callout_id uuid REFERENCES callout (id) ON DELETE SET NULL,
        activated_by uuid,
        activated_by_name text,
        activated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT level_activation_once UNIQUE (incident_id, plan_id, rank)
      )`);
    // The level a call-out was started for, so that each text names it in its reader's language.
    await q.query(`ALTER TABLE callout ADD COLUMN response_level text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE callout DROP COLUMN response_level`);
    await q.query(`DROP TABLE level_activation`);
  }
}
