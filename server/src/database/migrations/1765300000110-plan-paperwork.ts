import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanPaperwork1765300000110 implements MigrationInterface {
  name = 'PlanPaperwork1765300000110';

  async up(q: QueryRunner): Promise<void> {
    // MEM Order 2 Art. 21 (review by experts, or a discussion for units the article does not
    // list), Art. 24 (signed by the principal; neighbours told of what concerns them), per version.
    await q.query(`
      ALTER TABLE plan_version
        ADD COLUMN review_kind text CHECK (review_kind IN ('expert_review', 'discussion')),
        ADD COLUMN review_held_on date,
        ADD COLUMN review_members jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN review_conclusion text,
        ADD COLUMN review_recorded_by text,
        ADD COLUMN signed_by text,
        ADD COLUMN signed_on date,
        ADD COLUMN concerns_neighbours boolean NOT NULL DEFAULT false,
        ADD COLUMN neighbours_notified_on date,
        ADD COLUMN neighbours_notified text[] NOT NULL DEFAULT '{}',
        ADD COLUMN neighbour_notice_how text NOT NULL DEFAULT '',
        ADD CONSTRAINT plan_version_review_complete
          CHECK ((review_kind IS NULL) = (review_held_on IS NULL) AND (review_kind IS NULL) = (review_conclusion IS NULL)),
        ADD CONSTRAINT plan_version_signature_complete CHECK ((signed_by IS NULL) = (signed_on IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE plan_version
        DROP CONSTRAINT plan_version_signature_complete,
        DROP CONSTRAINT plan_version_review_complete,
        DROP COLUMN neighbour_notice_how,
        DROP COLUMN neighbours_notified,
        DROP COLUMN neighbours_notified_on,
        DROP COLUMN concerns_neighbours,
        DROP COLUMN signed_on,
        DROP COLUMN signed_by,
        DROP COLUMN review_recorded_by,
        DROP COLUMN review_conclusion,
        DROP COLUMN review_members,
        DROP COLUMN review_held_on,
        DROP COLUMN review_kind`);
  }
}
