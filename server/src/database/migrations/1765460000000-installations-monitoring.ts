import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InstallationsMonitoring1765460000000 implements MigrationInterface {
  name = 'InstallationsMonitoring1765460000000';

  async up(q: QueryRunner): Promise<void> {
    // GB 18218-2018: a unit with its chemicals (read and written whole, hence jsonb) and the
    // identification and grading computed from them at every write, kept for lists and the map.
    await q.query(`
      CREATE TABLE installation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprise(id),
        code text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('production', 'storage')),
        lat double precision CHECK (lat BETWEEN -90 AND 90),
        lng double precision CHECK (lng BETWEEN -180 AND 180),
        people_exposed integer NOT NULL CHECK (people_exposed >= 0),
        chemicals jsonb NOT NULL,
        responsible jsonb NOT NULL,
        ratio_sum double precision NOT NULL,
        r_value double precision NOT NULL,
        grade smallint CHECK (grade BETWEEN 1 AND 4),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT installation_code_key UNIQUE (enterprise_id, code)
      )`);

    await q.query(`
      CREATE TABLE sensor_point (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        installation_id uuid NOT NULL REFERENCES installation(id),
        enterprise_id uuid NOT NULL REFERENCES enterprise(id),
        code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_.-]{1,64}$'),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('gas', 'level', 'pressure', 'temperature', 'flow')),
        unit text NOT NULL,
        range_min double precision NOT NULL,
        range_max double precision NOT NULL,
        high double precision,
        high_high double precision,
        low double precision,
        low_low double precision,
        delay_seconds integer NOT NULL CHECK (delay_seconds BETWEEN 0 AND 3600),
        hold_seconds integer NOT NULL CHECK (hold_seconds BETWEEN 0 AND 86400),
        on_alarm text NOT NULL CHECK (on_alarm IN ('notify', 'incident')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sensor_point_code_key UNIQUE (enterprise_id, code)
      )`);
    await q.query(`CREATE INDEX sensor_point_installation ON sensor_point (installation_id)`);

    // The hot row of each point: its latest reading and where its alarm state machine stands.
    // Every batch for a point locks this row, so MQTT and HTTP deliveries of one point serialize.
    await q.query(`
      CREATE TABLE point_live (
        point_id uuid PRIMARY KEY REFERENCES sensor_point(id),
        ts timestamptz,
        value double precision,
        band text,
        out_since timestamptz,
        out_level text,
        out_peak double precision,
        in_since timestamptz,
        alarm_id uuid
      )`);

    // Readings, partitioned by UTC day; partitions are made ahead and old ones dropped by
    // reading_partitions() (the worker's hourly job). The key makes a redelivered reading a no-op.
    await q.query(`
      CREATE TABLE reading (
        point_id uuid NOT NULL,
        ts timestamptz NOT NULL,
        value double precision NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (point_id, ts)
      ) PARTITION BY RANGE (ts)`);
    await q.query(`
      CREATE FUNCTION reading_partitions(days_ahead integer, retain_days integer) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        today date := (now() AT TIME ZONE 'UTC')::date;
        d date;
        part record;
      BEGIN
        PERFORM set_config('client_min_messages', 'warning', true);
        FOR d IN SELECT generate_series(today - retain_days, today + days_ahead, interval '1 day')::date LOOP
          EXECUTE format(
            'CREATE TABLE IF NOT EXISTS %I PARTITION OF reading FOR VALUES FROM (%L) TO (%L)',
            'reading_p' || to_char(d, 'YYYYMMDD'),
            (d::timestamp AT TIME ZONE 'UTC'), ((d + 1)::timestamp AT TIME ZONE 'UTC'));
        END LOOP;
        FOR part IN
          SELECT c.relname FROM pg_inherits i
            JOIN pg_class c ON c.oid = i.inhrelid
            JOIN pg_class p ON p.oid = i.inhparent
           WHERE p.relname = 'reading' AND c.relname ~ '^reading_p[0-9]{8}$'
             AND to_date(substr(c.relname, 10), 'YYYYMMDD') < today - retain_days
        LOOP
          EXECUTE format('DROP TABLE %I', part.relname);
        END LOOP;
      END $$`);
    await q.query(`SELECT reading_partitions(7, 30)`);

    // One alarm per excursion: at most one uncleared alarm per point, and an excursion (point,
    // first out-of-band reading) is one alarm however often it is evaluated again.
    await q.query(`
      CREATE TABLE alarm (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        point_id uuid NOT NULL REFERENCES sensor_point(id),
        installation_id uuid NOT NULL REFERENCES installation(id),
        enterprise_id uuid NOT NULL REFERENCES enterprise(id),
        level text NOT NULL CHECK (level IN ('high', 'high_high', 'low', 'low_low')),
        peak_value double precision NOT NULL,
        "limit" double precision NOT NULL,
        started_at timestamptz NOT NULL,
        raised_at timestamptz NOT NULL,
        cleared_at timestamptz,
        status text NOT NULL CHECK (status IN ('open', 'acknowledged', 'disposed', 'closed')),
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES app_user(id),
        disposed_at timestamptz,
        disposed_by uuid REFERENCES app_user(id),
        disposal text,
        closed_at timestamptz,
        closed_by uuid REFERENCES app_user(id),
        incident_id uuid REFERENCES incident(id),
        CONSTRAINT alarm_excursion_key UNIQUE (point_id, started_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX alarm_one_uncleared ON alarm (point_id) WHERE cleared_at IS NULL`);
    await q.query(
      `CREATE INDEX alarm_open ON alarm (enterprise_id, raised_at DESC) WHERE status <> 'closed'`,
    );
    await q.query(`CREATE INDEX alarm_enterprise_raised ON alarm (enterprise_id, raised_at)`);

    // A gateway's key per enterprise: only its hash is kept, looked up by it.
    await q.query(`
      CREATE TABLE ingest_key (
        enterprise_id uuid PRIMARY KEY REFERENCES enterprise(id),
        key_hash text NOT NULL,
        prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user(id),
        CONSTRAINT ingest_key_hash_key UNIQUE (key_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ingest_key`);
    await q.query(`DROP TABLE alarm`);
    await q.query(`DROP TABLE reading`);
    await q.query(`DROP FUNCTION reading_partitions(integer, integer)`);
    await q.query(`DROP TABLE point_live`);
    await q.query(`DROP TABLE sensor_point`);
    await q.query(`DROP TABLE installation`);
  }
}
