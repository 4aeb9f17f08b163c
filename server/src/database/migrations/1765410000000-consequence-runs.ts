import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsequenceRuns1765410000000 implements MigrationInterface {
  name = 'ConsequenceRuns1765410000000';

  async up(q: QueryRunner): Promise<void> {
    // A run's inputs and zones are read and written whole with it: jsonb. The zones are also in
    // the room event the run appends; the row is what the room's list and the record read.
    await q.query(`
      CREATE TABLE consequence_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
        model text NOT NULL CHECK (model IN ('plume', 'puff', 'pool_fire', 'vce')),
        title text NOT NULL,
        inputs jsonb NOT NULL,
        zones jsonb NOT NULL,
        created_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_by_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consequence_run_incident ON consequence_run (incident_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consequence_run`);
  }
}
