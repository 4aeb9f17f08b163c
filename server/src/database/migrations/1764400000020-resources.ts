import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Resources1764400000020 implements MigrationInterface {
  name = 'Resources1764400000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resource (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        type text NOT NULL CHECK (type IN ('supplies', 'equipment', 'vehicle', 'team_base', 'shelter',
          'medical_point', 'fire_hydrant', 'water_source', 'warehouse', 'fire_extinguisher',
          'protective_gear', 'assembly_point')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        model text NOT NULL DEFAULT '',
        quantity double precision NOT NULL DEFAULT 1 CHECK (quantity >= 0),
        unit text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'available'
          CHECK (status IN ('available', 'in_use', 'maintenance', 'expired')),
        custodian text NOT NULL DEFAULT '',
        custodian_phone text CHECK (custodian_phone ~ '^\\+[1-9][0-9]{6,14}$'),
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
        address text NOT NULL DEFAULT '',
        last_inspected_on date,
        next_inspection_on date,
        expires_on date,
        notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX resource_enterprise_idx ON resource (enterprise_id)`);
    await q.query(`CREATE INDEX resource_type_idx ON resource (type)`);
    // "Nearest resources to a point": earth_box(...) @> ll_to_earth(lat, lng) is answered by
    // this GiST index on the point as a 3-D cube (earthdistance over cube).
    await q.query(`CREATE INDEX resource_location_idx ON resource USING gist (ll_to_earth(lat, lng))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resource`);
  }
}
