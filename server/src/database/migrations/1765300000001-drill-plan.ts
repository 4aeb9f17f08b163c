import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MEM Order 2 (2019) Art. 33: each unit's yearly drill plan (应急预案演练计划), and the zone's own
 * (no enterprise): one row per planned drill, by month and plan level.
 */
export class DrillPlan1765300000001 implements MigrationInterface {
  name = 'DrillPlan1765300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE drill_plan_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
        plan_type text NOT NULL CHECK (plan_type IN ('comprehensive', 'special', 'on_site')),
        title text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX drill_plan_entry_year_idx ON drill_plan_entry (year, enterprise_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE drill_plan_entry`);
  }
}
