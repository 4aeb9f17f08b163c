import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Organisation1765650000000 implements MigrationInterface {
  name = 'Organisation1765650000000';

  async up(q: QueryRunner): Promise<void> {
    // A person's place in the group over a span of days; a change closes the row and opens another.
    await q.query(`
      CREATE TABLE leading_group_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contact_id uuid NOT NULL REFERENCES contact (id) ON DELETE RESTRICT,
        role text NOT NULL CHECK (role IN ('leader', 'deputy_leader', 'member', 'office_director')),
        department text NOT NULL,
        post text NOT NULL,
        from_date date NOT NULL,
        until_date date,
        note text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (until_date IS NULL OR until_date >= from_date)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX leading_group_member_current ON leading_group_member (contact_id) WHERE until_date IS NULL`,
    );
    await q.query(`
      CREATE TABLE leading_group_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('plenary', 'special')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        held_on date NOT NULL,
        attendee_contact_ids uuid[] NOT NULL DEFAULT '{}',
        other_attendees text NOT NULL DEFAULT '',
        agenda text NOT NULL DEFAULT '',
        minutes text NOT NULL DEFAULT '',
        minutes_file_ids uuid[] NOT NULL DEFAULT '{}',
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX leading_group_meeting_held_idx ON leading_group_meeting (held_on DESC)`);
    await q.query(`
      CREATE TABLE leading_group_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES leading_group_meeting (id) ON DELETE RESTRICT,
        item text NOT NULL CHECK (length(item) BETWEEN 1 AND 2000),
        department text NOT NULL CHECK (length(department) BETWEEN 1 AND 100),
        responsible_contact_id uuid REFERENCES contact (id) ON DELETE SET NULL,
        deadline date NOT NULL,
        status text NOT NULL DEFAULT 'assigned'
          CHECK (status IN ('assigned', 'in_progress', 'done', 'verified')),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The board and the reminders read the open ones by deadline.
    await q.query(
      `CREATE INDEX leading_group_decision_open_idx ON leading_group_decision (deadline)
        WHERE status IN ('assigned', 'in_progress')`,
    );
    await q.query(`CREATE INDEX leading_group_decision_meeting_idx ON leading_group_decision (meeting_id)`);
    await q.query(`
      CREATE TABLE leading_group_decision_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        decision_id uuid NOT NULL REFERENCES leading_group_decision (id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN ('progress', 'complete', 'verify', 'return')),
        status text NOT NULL CHECK (status IN ('assigned', 'in_progress', 'done', 'verified')),
        note text NOT NULL,
        file_ids uuid[] NOT NULL DEFAULT '{}',
        by_user_id uuid,
        by_name text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX leading_group_decision_update_idx ON leading_group_decision_update (decision_id, at)`,
    );
    await q.query(`
      CREATE TABLE enterprise_safety_org (
        enterprise_id uuid PRIMARY KEY REFERENCES enterprise (id) ON DELETE CASCADE,
        industry text CHECK (industry IN ('mine', 'metal_smelting', 'construction', 'transport',
                                          'dangerous_goods', 'dangerous_goods_trade', 'other')),
        headcount integer CHECK (headcount BETWEEN 0 AND 1000000),
        has_office boolean NOT NULL DEFAULT false,
        office_name text NOT NULL DEFAULT '',
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE safety_manager (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprise_safety_org (enterprise_id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('full_time', 'part_time')),
        engineer_certificate_no text,
        engineer_specialty text CHECK (engineer_specialty IN ('coal_mine', 'metal_nonmetal_mine', 'chemical',
                                       'metal_smelting', 'construction', 'road_transport', 'other')),
        engineer_level text CHECK (engineer_level IN ('junior', 'intermediate', 'senior')),
        CONSTRAINT safety_manager_once UNIQUE (enterprise_id, contact_id),
        CHECK ((engineer_certificate_no IS NULL) = (engineer_specialty IS NULL)
               AND (engineer_specialty IS NULL) = (engineer_level IS NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE safety_manager`);
    await q.query(`DROP TABLE enterprise_safety_org`);
    await q.query(`DROP TABLE leading_group_decision_update`);
    await q.query(`DROP TABLE leading_group_decision`);
    await q.query(`DROP TABLE leading_group_meeting`);
    await q.query(`DROP TABLE leading_group_member`);
  }
}
