import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox becomes the ledger of every job that must run: a row stays open (done_at null) from
 * the transaction that causes the job until a worker has finished it, so a job that vanished with
 * Redis (restarted empty, evicted, lost before its append-only file was written) is found in
 * PostgreSQL and queued again under the same job id.
 */
export class DurableJobs1765000000000 implements MigrationInterface {
  name = 'DurableJobs1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outbox
        ADD COLUMN due_at timestamptz,
        ADD COLUMN job_id text,
        ADD COLUMN done_at timestamptz,
        ADD COLUMN error text`);
    await q.query(`UPDATE outbox SET due_at = created_at + delay_ms * interval '1 millisecond'`);
    await q.query(
      `ALTER TABLE outbox ALTER COLUMN due_at SET NOT NULL, ALTER COLUMN due_at SET DEFAULT now()`,
    );
    // Rows relayed before this ledger existed carry no job id to look for: they are taken as done,
    // as they were before. Rows still waiting get their id when the relay moves them.
    await q.query(`UPDATE outbox SET done_at = dispatched_at WHERE dispatched_at IS NOT NULL`);
    await q.query(
      `CREATE INDEX outbox_open_idx ON outbox (id) WHERE done_at IS NULL AND dispatched_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX outbox_job_id_idx ON outbox (job_id) WHERE done_at IS NULL`);
    await q.query(`CREATE INDEX outbox_done_idx ON outbox (done_at) WHERE done_at IS NOT NULL`);
    // While a send waits for the provider's answer, no other run of its job may send it again:
    // the request could still be in flight. Cleared as soon as the answer (or error) is recorded.
    await q.query(`ALTER TABLE callout_delivery ADD COLUMN in_flight_until timestamptz`);
    await q.query(`ALTER TABLE notification_sms ADD COLUMN in_flight_until timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_sms DROP COLUMN in_flight_until`);
    await q.query(`ALTER TABLE callout_delivery DROP COLUMN in_flight_until`);
    await q.query(`DROP INDEX outbox_done_idx`);
    await q.query(`DROP INDEX outbox_job_id_idx`);
    await q.query(`DROP INDEX outbox_open_idx`);
    await q.query(
      `ALTER TABLE outbox DROP COLUMN error, DROP COLUMN done_at, DROP COLUMN job_id, DROP COLUMN due_at`,
    );
  }
}
