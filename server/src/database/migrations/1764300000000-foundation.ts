import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // cube + earthdistance give a GiST-indexable great-circle distance for "nearest" queries.
    await q.query(`CREATE EXTENSION IF NOT EXISTS cube`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS earthdistance`);

    await q.query(`
      CREATE TABLE enterprise (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        credit_code char(18) NOT NULL,
        industry text NOT NULL,
        risk_class text NOT NULL CHECK (risk_class IN ('major', 'high', 'medium', 'low')),
        address text NOT NULL,
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
        outline jsonb,
        legal_representative text NOT NULL,
        safety_lead text NOT NULL,
        duty_phone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX enterprise_credit_code_key ON enterprise (credit_code)`);
    await q.query(`CREATE UNIQUE INDEX enterprise_name_key ON enterprise (name)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('zone_admin', 'commander', 'inspector', 'enterprise_officer', 'responder', 'evaluator')),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        active boolean NOT NULL DEFAULT true,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_officer_has_enterprise CHECK (role <> 'enterprise_officer' OR enterprise_id IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email))`);
    await q.query(`CREATE INDEX app_user_enterprise_idx ON app_user (enterprise_id)`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid,
        user_email text,
        role text,
        enterprise_id uuid,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        ip text,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id)`);
    await q.query(`CREATE INDEX audit_log_user_idx ON audit_log (user_id)`);

    // The audit trail is evidence: the database itself refuses to rewrite or erase it, whatever
    // the application (or a person with a SQL prompt and the app's role) attempts.
    await q.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_is_append_only()`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE enterprise`);
  }
}
