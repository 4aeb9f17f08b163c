import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MajorHazardClosing1765300000200 implements MigrationInterface {
  name = 'MajorHazardClosing1765300000200';

  async up(q: QueryRunner): Promise<void> {
    // SAWS Order 16: the report's harm and difficulty analysis (Art. 14), the stoppage while a
    // major hazard is fixed (Art. 16), the evaluation of the fix and the reviewed application to
    // resume production (Art. 18), and the regulator's listed supervision (挂牌督办). Each is one
    // record per hazard, read and written whole with it, so each is a jsonb column.
    await q.query(`
      ALTER TABLE hazard
        ADD COLUMN harm_analysis text,
        ADD COLUMN stoppage jsonb,
        ADD COLUMN evaluation jsonb,
        ADD COLUMN resumption jsonb,
        ADD COLUMN listed_supervision jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE hazard
        DROP COLUMN listed_supervision,
        DROP COLUMN resumption,
        DROP COLUMN evaluation,
        DROP COLUMN stoppage,
        DROP COLUMN harm_analysis`);
  }
}
