import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A scheme assesses either the enterprises or the zone's own departments (against their duty
 * lists), one scheme of each per year. A department's sheet names the department as the zone's
 * responsibility list does, keeps the duties it was assessed against, and has no enterprise.
 */
export class AssessmentDepartments1765630000000 implements MigrationInterface {
  name = 'AssessmentDepartments1765630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assessment_scheme
        ADD COLUMN subject text NOT NULL DEFAULT 'enterprise' CHECK (subject IN ('enterprise', 'department')),
        DROP CONSTRAINT assessment_scheme_year_unique,
        ADD CONSTRAINT assessment_scheme_year_unique UNIQUE (year, subject)`);
    await q.query(`
      ALTER TABLE assessment_sheet
        ALTER COLUMN enterprise_id DROP NOT NULL,
        ADD COLUMN department text,
        ADD COLUMN duties text[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT assessment_sheet_subject_check CHECK ((enterprise_id IS NULL) <> (department IS NULL)),
        ADD CONSTRAINT assessment_sheet_department_unique UNIQUE (scheme_id, department)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM assessment_scheme WHERE subject = 'department'`);
    await q.query(`
      ALTER TABLE assessment_sheet
        DROP CONSTRAINT assessment_sheet_department_unique,
        DROP CONSTRAINT assessment_sheet_subject_check,
        DROP COLUMN duties,
        DROP COLUMN department,
        ALTER COLUMN enterprise_id SET NOT NULL`);
    await q.query(`
      ALTER TABLE assessment_scheme
        DROP CONSTRAINT assessment_scheme_year_unique,
        DROP COLUMN subject,
        ADD CONSTRAINT assessment_scheme_year_unique UNIQUE (year)`);
  }
}
