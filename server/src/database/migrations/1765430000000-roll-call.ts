import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RollCall1765430000000 implements MigrationInterface {
  name = 'RollCall1765430000000';

  async up(q: QueryRunner): Promise<void> {
    // One open roll call per incident: a second one would split the counts people text in.
    await q.query(`
      CREATE TABLE roll_call (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident(id),
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        opened_at timestamptz NOT NULL,
        opened_by uuid,
        closed_at timestamptz,
        closed_by uuid,
        all_accounted_at timestamptz,
        final jsonb,
        report_id uuid,
        CONSTRAINT roll_call_closed_has_final CHECK ((status = 'closed') = (closed_at IS NOT NULL AND final IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX roll_call_one_open_per_incident ON roll_call (incident_id) WHERE status = 'open'`,
    );
    await q.query(`
      CREATE TABLE roll_call_point (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roll_call_id uuid NOT NULL REFERENCES roll_call(id) ON DELETE CASCADE,
        code text NOT NULL,
        label text NOT NULL,
        lat double precision NOT NULL,
        lng double precision NOT NULL,
        source text NOT NULL CHECK (source IN ('room', 'resource')),
        source_id uuid,
        position integer NOT NULL,
        UNIQUE (roll_call_id, code)
      )`);
    await q.query(`
      CREATE TABLE roll_call_enterprise (
        roll_call_id uuid NOT NULL REFERENCES roll_call(id) ON DELETE CASCADE,
        enterprise_id uuid NOT NULL REFERENCES enterprise(id),
        point_id uuid NOT NULL REFERENCES roll_call_point(id),
        expected integer CHECK (expected >= 0),
        last_report_at timestamptz,
        last_channel text CHECK (last_channel IN ('console', 'sms', 'link')),
        PRIMARY KEY (roll_call_id, enterprise_id)
      )`);
    await q.query(`
      CREATE TABLE roll_call_count (
        roll_call_id uuid NOT NULL,
        enterprise_id uuid NOT NULL,
        point_id uuid NOT NULL REFERENCES roll_call_point(id),
        accounted integer NOT NULL CHECK (accounted >= 0),
        reported_at timestamptz NOT NULL,
        PRIMARY KEY (roll_call_id, enterprise_id, point_id),
        FOREIGN KEY (roll_call_id, enterprise_id) REFERENCES roll_call_enterprise(roll_call_id, enterprise_id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE roll_call_check_in (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roll_call_id uuid NOT NULL REFERENCES roll_call(id) ON DELETE CASCADE,
        point_id uuid NOT NULL REFERENCES roll_call_point(id),
        contact_id uuid,
        name text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('console', 'sms', 'link')),
        at timestamptz NOT NULL
      )`);
    // A person checks in once per roll call; checking in again moves them to the new point.
    await q.query(
      `CREATE UNIQUE INDEX roll_call_check_in_once ON roll_call_check_in (roll_call_id, contact_id) WHERE contact_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE roll_call_missing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roll_call_id uuid NOT NULL REFERENCES roll_call(id) ON DELETE CASCADE,
        enterprise_id uuid,
        name text NOT NULL,
        note text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        cleared_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE roll_call_missing`);
    await q.query(`DROP TABLE roll_call_check_in`);
    await q.query(`DROP TABLE roll_call_count`);
    await q.query(`DROP TABLE roll_call_enterprise`);
    await q.query(`DROP TABLE roll_call_point`);
    await q.query(`DROP TABLE roll_call`);
  }
}
