import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Drills1764900000000 implements MigrationInterface {
  name = 'Drills1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // The scenario (MSEL) keeps its current document; every saved version is kept beside it so a
    // run can always be traced to exactly what it rehearsed.
    await q.query(`
      CREATE TABLE drill_scenario (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        version integer NOT NULL DEFAULT 1,
        title text NOT NULL,
        document jsonb NOT NULL,
        archived boolean NOT NULL DEFAULT false,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE drill_scenario_version (
        scenario_id uuid NOT NULL REFERENCES drill_scenario (id) ON DELETE CASCADE,
        version integer NOT NULL,
        document jsonb NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scenario_id, version)
      )`);

    await q.query(`
      CREATE TABLE drill_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scenario_id uuid NOT NULL REFERENCES drill_scenario (id) ON DELETE RESTRICT,
        scenario_version integer NOT NULL,
        document jsonb NOT NULL,
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        plan_type text CHECK (plan_type IN ('comprehensive', 'special', 'on_site')),
        status text NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'running', 'paused', 'ended', 'cancelled')),
        scheduled_for timestamptz NOT NULL,
        director_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        incident_id uuid UNIQUE REFERENCES incident (id) ON DELETE RESTRICT,
        started_at timestamptz,
        ended_at timestamptz,
        elapsed_ms bigint NOT NULL DEFAULT 0,
        clock_started_at timestamptz,
        clock_epoch integer NOT NULL DEFAULT 0,
        unreachable_contact_ids uuid[] NOT NULL DEFAULT '{}',
        summary jsonb NOT NULL DEFAULT '{"problems": "", "lessons": ""}',
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX drill_run_status_idx ON drill_run (status)`);
    await q.query(`CREATE INDEX drill_run_enterprise_idx ON drill_run (enterprise_id, ended_at)`);

    await q.query(`
      CREATE TABLE drill_run_inject (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL REFERENCES drill_run (id) ON DELETE CASCADE,
        inject jsonb NOT NULL,
        position integer NOT NULL,
        offset_ms bigint NOT NULL,
        source text NOT NULL DEFAULT 'scenario' CHECK (source IN ('scenario', 'added')),
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'released', 'skipped')),
        released_at timestamptz,
        released_at_ms bigint,
        released_by text,
        room_seq integer
      )`);
    await q.query(`CREATE INDEX drill_run_inject_run_idx ON drill_run_inject (run_id, offset_ms, position)`);

    await q.query(`
      CREATE TABLE drill_participant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL REFERENCES drill_run (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('contact', 'team', 'evaluator')),
        contact_id uuid REFERENCES contact (id) ON DELETE RESTRICT,
        team_id uuid REFERENCES team (id) ON DELETE RESTRICT,
        user_id uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        CHECK ((kind = 'contact') = (contact_id IS NOT NULL)),
        CHECK ((kind = 'team') = (team_id IS NOT NULL)),
        CHECK ((kind = 'evaluator') = (user_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX drill_participant_run_idx ON drill_participant (run_id)`);

    await q.query(`
      CREATE TABLE drill_observation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL REFERENCES drill_run (id) ON DELETE CASCADE,
        evaluator_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN ('strength', 'improvement')),
        text text NOT NULL,
        event_seq integer,
        scenario_ms bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX drill_observation_run_idx ON drill_observation (run_id)`);

    await q.query(`
      CREATE TABLE drill_evaluation (
        run_id uuid NOT NULL REFERENCES drill_run (id) ON DELETE CASCADE,
        evaluator_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        scores jsonb NOT NULL,
        overall text NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (run_id, evaluator_id)
      )`);

    await q.query(`
      CREATE TABLE drill_improvement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL REFERENCES drill_run (id) ON DELETE CASCADE,
        enterprise_id uuid REFERENCES enterprise (id) ON DELETE RESTRICT,
        title text NOT NULL,
        owner text NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        completed_at timestamptz,
        completion_note text NOT NULL DEFAULT '',
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX drill_improvement_open_idx ON drill_improvement (status, due_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'drill_improvement',
      'drill_evaluation',
      'drill_observation',
      'drill_participant',
      'drill_run_inject',
      'drill_run',
      'drill_scenario_version',
      'drill_scenario',
    ])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
