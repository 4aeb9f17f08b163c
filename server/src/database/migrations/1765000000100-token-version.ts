import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TokenVersion1765000000100 implements MigrationInterface {
  name = 'TokenVersion1765000000100';

  async up(q: QueryRunner): Promise<void> {
    // Every token carries the version it was signed at; raising it (a password change or reset,
    // a deactivation, a new role or enterprise) refuses every token signed before, on every
    // process, without a list of revoked tokens to keep.
    await q.query(`ALTER TABLE app_user ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    // Failed logins are counted per account and address in Redis now: a count on the account
    // alone let anyone lock a commander out by guessing at their email.
    await q.query(`ALTER TABLE app_user DROP COLUMN failed_logins, DROP COLUMN locked_until`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN failed_logins integer NOT NULL DEFAULT 0,
        ADD COLUMN locked_until timestamptz,
        DROP COLUMN token_version`);
  }
}
