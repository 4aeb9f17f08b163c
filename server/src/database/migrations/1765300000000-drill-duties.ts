import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MEM Order 2 (2019) Art. 33: the enterprise's regulatory category (a recorded fact, not a guess
 * from its industry) and, on a drill run, its report to the competent department.
 */
export class DrillDuties1765300000000 implements MigrationInterface {
  name = 'DrillDuties1765300000000';

  async up(q: QueryRunner): Promise<void> {
    // Null until the zone records it: existing enterprises are not silently classed by a guess.
    await q.query(`
      ALTER TABLE enterprise
        ADD COLUMN regulatory_category text
          CONSTRAINT enterprise_regulatory_category_check CHECK (regulatory_category IN (
            'dangerous_goods', 'mine', 'metal_smelting', 'urban_rail', 'construction',
            'crowded_place', 'other'))`);
    await q.query(`
      ALTER TABLE drill_run
        ADD COLUMN department_reported_at timestamptz,
        ADD COLUMN department_name text,
        ADD COLUMN department_report_file_id uuid REFERENCES stored_file (id) ON DELETE RESTRICT,
        ADD CONSTRAINT drill_run_department_report_check CHECK (
          (department_reported_at IS NULL AND department_name IS NULL AND department_report_file_id IS NULL)
          OR (department_reported_at IS NOT NULL AND department_name IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE drill_run
        DROP CONSTRAINT drill_run_department_report_check,
        DROP COLUMN department_report_file_id,
        DROP COLUMN department_name,
        DROP COLUMN department_reported_at`);
    await q.query(`ALTER TABLE enterprise DROP COLUMN regulatory_category`);
  }
}
