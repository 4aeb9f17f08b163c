import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InspectionSchedule1764850000010 implements MigrationInterface {
  name = 'InspectionSchedule1764850000010';

  async up(q: QueryRunner): Promise<void> {
    // A record the schedule creates is due in a period and has nobody carrying it out yet: the
    // first person to answer it becomes its inspector.
    await q.query(`
      ALTER TABLE inspection_record
        ADD COLUMN due_on date,
        ADD COLUMN due_by date,
        ALTER COLUMN inspector DROP NOT NULL`);
    // One record per plan, enterprise and occurrence, however many scans run.
    await q.query(
      `CREATE UNIQUE INDEX inspection_record_due_key ON inspection_record (plan_id, enterprise_id, due_on)
        WHERE due_on IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX inspection_record_due_key`);
    await q.query(`DELETE FROM inspection_record WHERE inspector IS NULL`);
    await q.query(`
      ALTER TABLE inspection_record
        ALTER COLUMN inspector SET NOT NULL,
        DROP COLUMN due_by,
        DROP COLUMN due_on`);
  }
}
