import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PortalArticles1765620000000 implements MigrationInterface {
  name = 'PortalArticles1765620000000';

  async up(q: QueryRunner): Promise<void> {
    // The working copy (title, body, file_ids) and the version the public reads (public_*) are
    // kept apart, so that an edit under review never changes what is published.
    await q.query(`
      CREATE TABLE portal_article (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('notice', 'knowledge')),
        state text NOT NULL DEFAULT 'draft'
          CHECK (state IN ('draft', 'pending', 'rejected', 'published', 'withdrawn')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        body text NOT NULL,
        file_ids uuid[] NOT NULL DEFAULT '{}',
        author_id uuid NOT NULL,
        edited_by uuid NOT NULL,
        submitted_by uuid,
        submitted_at timestamptz,
        reviewed_by uuid,
        reviewed_at timestamptz,
        review_note text,
        live boolean NOT NULL DEFAULT false,
        public_title text,
        public_body text,
        public_file_ids uuid[] NOT NULL DEFAULT '{}',
        first_published_at timestamptz,
        public_updated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT live OR (public_title IS NOT NULL AND public_body IS NOT NULL
          AND first_published_at IS NOT NULL AND public_updated_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX portal_article_live_idx ON portal_article (kind, first_published_at DESC) WHERE live`,
    );
    await q.query(`CREATE INDEX portal_article_kind_idx ON portal_article (kind, updated_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE portal_article`);
  }
}
