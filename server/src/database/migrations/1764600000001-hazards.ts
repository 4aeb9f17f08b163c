import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hazard ledger (Order 16) with its closed loop, uploaded files, in-app notifications, deadline
 * reminders, inspection plans and records.
 */
export class Hazards1764600000001 implements MigrationInterface {
  name = 'Hazards1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        name text NOT NULL,
        mime text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
        size integer NOT NULL CHECK (size > 0),
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL,
        thumbnail_key text,
        uploaded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX stored_file_storage_key_key ON stored_file (storage_key)`);
    await q.query(`CREATE INDEX stored_file_enterprise_idx ON stored_file (enterprise_id)`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        entity text,
        entity_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE inspection_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('self_inspection', 'zone_inspection', 'spot_check')),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        enterprise_ids uuid[] NOT NULL DEFAULT '{}',
        frequency text NOT NULL CHECK (frequency IN ('once', 'weekly', 'monthly', 'quarterly', 'yearly')),
        starts_on date NOT NULL,
        ends_on date,
        checklist jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inspection_plan_self_has_enterprise CHECK (kind <> 'self_inspection' OR enterprise_id IS NOT NULL),
        CONSTRAINT inspection_plan_dates CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX inspection_plan_enterprise_idx ON inspection_plan (enterprise_id)`);

    await q.query(`
      CREATE TABLE inspection_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid REFERENCES inspection_plan (id) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN ('self_inspection', 'zone_inspection', 'spot_check')),
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        inspector text NOT NULL,
        inspector_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
        items jsonb NOT NULL DEFAULT '[]',
        rechecks jsonb NOT NULL DEFAULT '[]',
        started_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX inspection_record_enterprise_idx ON inspection_record (enterprise_id, started_at DESC)`,
    );

    await q.query(`
      CREATE TABLE hazard (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE RESTRICT,
        place text NOT NULL,
        lat double precision CHECK (lat BETWEEN -90 AND 90),
        lng double precision CHECK (lng BETWEEN -180 AND 180),
        category text NOT NULL,
        description text NOT NULL,
        level text NOT NULL CHECK (level IN ('general', 'major')),
        source text NOT NULL CHECK (source IN ('self_inspection', 'zone_inspection', 'spot_check', 'drill_improvement', 'report')),
        found_by text NOT NULL,
        found_at timestamptz NOT NULL,
        measures text,
        responsible_person text,
        funds numeric(14, 2) CHECK (funds >= 0),
        deadline date,
        contingency_plan_ref text,
        -- The plans module lands in parallel: a reference without a foreign key for now.
        contingency_plan_id uuid,
        governance_plan jsonb,
        status text NOT NULL DEFAULT 'found' CHECK (status IN ('found', 'rectifying', 'submitted', 'closed')),
        reported_to_zone_at timestamptz,
        submitted_at timestamptz,
        submitted_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        closed_at timestamptz,
        closed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        inspection_record_id uuid REFERENCES inspection_record (id) ON DELETE SET NULL,
        recurrence_of uuid REFERENCES hazard (id) ON DELETE SET NULL,
        photo_ids uuid[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT hazard_closed_has_time CHECK (status <> 'closed' OR closed_at IS NOT NULL),
        CONSTRAINT hazard_major_reported CHECK (level <> 'major' OR reported_to_zone_at IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX hazard_seq_key ON hazard (seq)`);
    await q.query(`CREATE INDEX hazard_enterprise_idx ON hazard (enterprise_id, found_at DESC)`);
    await q.query(`CREATE INDEX hazard_open_deadline_idx ON hazard (deadline) WHERE status <> 'closed'`);

    // The closed loop, step by step: who moved the hazard, from what to what, why, with what proof.
    await q.query(`
      CREATE TABLE hazard_transition (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        hazard_id uuid NOT NULL REFERENCES hazard (id) ON DELETE CASCADE,
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        comment text,
        photo_ids uuid[] NOT NULL DEFAULT '{}',
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        actor_name text NOT NULL,
        actor_role text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX hazard_transition_hazard_idx ON hazard_transition (hazard_id, id)`);

    // One reminder of each kind per hazard and deadline, whatever the queue does: a retried or
    // duplicated job finds the row and sends nothing.
    await q.query(`
      CREATE TABLE hazard_reminder (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        hazard_id uuid NOT NULL REFERENCES hazard (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('due_in_3_days', 'due_in_1_day', 'overdue')),
        deadline date NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX hazard_reminder_hazard_kind_key ON hazard_reminder (hazard_id, kind, deadline)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE hazard_reminder`);
    await q.query(`DROP TABLE hazard_transition`);
    await q.query(`DROP TABLE hazard`);
    await q.query(`DROP TABLE inspection_record`);
    await q.query(`DROP TABLE inspection_plan`);
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE stored_file`);
  }
}
