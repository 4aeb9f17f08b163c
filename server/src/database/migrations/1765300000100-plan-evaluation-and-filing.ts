import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanEvaluationAndFiling1765300000100 implements MigrationInterface {
  name = 'PlanEvaluationAndFiling1765300000100';

  async up(q: QueryRunner): Promise<void> {
    // MEM Order 2 Art. 35 keys the three-yearly plan evaluation on what a unit does and on its
    // size (GB/T 4754 with the NBS size standard 统计上大中小微型企业划分办法). Both unknown
    // (null) until recorded: the rule then errs towards an evaluation being owed.
    await q.query(`
      ALTER TABLE enterprise
        ADD COLUMN size_class text CHECK (size_class IN ('micro', 'small', 'medium', 'large')),
        ADD COLUMN evaluation_category text CHECK (evaluation_category IN (
          'mine', 'metal_smelting', 'construction', 'dangerous_goods',
          'hazardous_chemicals_user', 'fireworks', 'other'))`);
    // Art. 26: the filing itself, so that "filed" is a recorded fact.
    await q.query(`
      ALTER TABLE plan_version
        ADD COLUMN filed_on date,
        ADD COLUMN filed_with text,
        ADD COLUMN filing_receipt_no text,
        ADD COLUMN filing_file_id uuid,
        ADD COLUMN filed_by text,
        ADD CONSTRAINT plan_version_filing_complete
          CHECK ((filed_on IS NULL) = (filed_with IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE plan_version
        DROP CONSTRAINT plan_version_filing_complete,
        DROP COLUMN filed_by,
        DROP COLUMN filing_file_id,
        DROP COLUMN filing_receipt_no,
        DROP COLUMN filed_with,
        DROP COLUMN filed_on`);
    await q.query(`ALTER TABLE enterprise DROP COLUMN evaluation_category, DROP COLUMN size_class`);
  }
}
