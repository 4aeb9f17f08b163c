import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Incidents1764700000000 implements MigrationInterface {
  name = 'Incidents1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE incident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        title text NOT NULL,
        category text NOT NULL,
        occurred_at timestamptz NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now(),
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
        outside_zone boolean NOT NULL DEFAULT false,
        address text NOT NULL,
        summary text NOT NULL,
        deaths integer NOT NULL DEFAULT 0 CHECK (deaths >= 0),
        missing integer NOT NULL DEFAULT 0 CHECK (missing >= 0),
        serious_injuries integer NOT NULL DEFAULT 0 CHECK (serious_injuries >= 0),
        minor_injuries integer NOT NULL DEFAULT 0 CHECK (minor_injuries >= 0),
        direct_loss_cny numeric(16, 2) NOT NULL DEFAULT 0 CHECK (direct_loss_cny >= 0),
        measures_taken text NOT NULL DEFAULT '',
        reporter_name text NOT NULL,
        reporter_phone text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('especially_serious', 'serious', 'relatively_serious', 'ordinary')),
        status text NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'verified', 'responding', 'contained', 'closed')),
        response_level text CHECK (response_level IN ('I', 'II', 'III', 'IV')),
        plan_id uuid,
        is_drill boolean NOT NULL DEFAULT false,
        last_seq integer NOT NULL DEFAULT 0,
        created_by uuid,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX incident_enterprise_idx ON incident (enterprise_id)`);
    await q.query(`CREATE INDEX incident_open_idx ON incident (is_drill, status) WHERE status <> 'closed'`);
    await q.query(`CREATE INDEX incident_occurred_idx ON incident (occurred_at DESC)`);

    await q.query(`
      CREATE TABLE incident_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('initial', 'supplementary')),
        deaths integer NOT NULL CHECK (deaths >= 0),
        missing integer NOT NULL CHECK (missing >= 0),
        serious_injuries integer NOT NULL CHECK (serious_injuries >= 0),
        minor_injuries integer NOT NULL CHECK (minor_injuries >= 0),
        direct_loss_cny numeric(16, 2) NOT NULL CHECK (direct_loss_cny >= 0),
        summary text NOT NULL,
        severity_after text NOT NULL,
        outside_window boolean NOT NULL DEFAULT false,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid
      )`);
    await q.query(`CREATE INDEX incident_report_incident_idx ON incident_report (incident_id, submitted_at)`);

    // The room log: (incident, seq) is the identity of an event, and like the audit log it is
    // never rewritten; a client that missed events asks for those after the last seq it saw.
    await q.query(`
      CREATE TABLE room_event (
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE RESTRICT,
        seq integer NOT NULL CHECK (seq > 0),
        type text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        actor jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (incident_id, seq)
      )`);
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER room_event_append_only BEFORE UPDATE OR DELETE ON room_event
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);

    await q.query(`
      CREATE TABLE room_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        title text NOT NULL,
        detail text NOT NULL DEFAULT '',
        assignee_user_id uuid REFERENCES app_user (id),
        assignee_team_id uuid,
        assignee_label text,
        due_at timestamptz,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'done', 'cancelled')),
        source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'checklist')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX room_task_incident_idx ON room_task (incident_id)`);

    await q.query(`
      CREATE TABLE map_feature (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('incident_point', 'hazard_zone', 'cordon', 'evacuation_route', 'command_post', 'assembly_point')),
        label text NOT NULL DEFAULT '',
        geometry jsonb NOT NULL,
        radius_m double precision CHECK (radius_m > 0),
        removed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX map_feature_incident_idx ON map_feature (incident_id) WHERE removed_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE incident_dispatch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        resource_id uuid,
        label text NOT NULL,
        state text NOT NULL DEFAULT 'en_route' CHECK (state IN ('en_route', 'on_scene', 'released')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX incident_dispatch_incident_idx ON incident_dispatch (incident_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE incident_dispatch`);
    await q.query(`DROP TABLE map_feature`);
    await q.query(`DROP TABLE room_task`);
    await q.query(`DROP TABLE room_event`);
    await q.query(`DROP FUNCTION refuse_change()`);
    await q.query(`DROP TABLE incident_report`);
    await q.query(`DROP TABLE incident`);
  }
}
