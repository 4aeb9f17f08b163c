import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AlarmHazards1765510000000 implements MigrationInterface {
  name = 'AlarmHazards1765510000000';

  async up(q: QueryRunner): Promise<void> {
    // A point's alarm may open a hazard in the ledger, found by online monitoring.
    await q.query(`ALTER TABLE sensor_point DROP CONSTRAINT sensor_point_on_alarm_check`);
    await q.query(`
      ALTER TABLE sensor_point ADD CONSTRAINT sensor_point_on_alarm_check
        CHECK (on_alarm IN ('notify', 'incident', 'hazard'))`);
    await q.query(`ALTER TABLE hazard DROP CONSTRAINT hazard_source_check`);
    await q.query(`
      ALTER TABLE hazard ADD CONSTRAINT hazard_source_check
        CHECK (source IN ('self_inspection', 'zone_inspection', 'spot_check', 'drill_improvement', 'report', 'monitoring'))`);
    // One hazard per alarm: the column is set under the alarm's row lock, once.
    await q.query(`ALTER TABLE alarm ADD COLUMN hazard_id uuid REFERENCES hazard(id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alarm DROP COLUMN hazard_id`);
    await q.query(`ALTER TABLE hazard DROP CONSTRAINT hazard_source_check`);
    await q.query(`
      ALTER TABLE hazard ADD CONSTRAINT hazard_source_check
        CHECK (source IN ('self_inspection', 'zone_inspection', 'spot_check', 'drill_improvement', 'report'))`);
    await q.query(`ALTER TABLE sensor_point DROP CONSTRAINT sensor_point_on_alarm_check`);
    await q.query(`
      ALTER TABLE sensor_point ADD CONSTRAINT sensor_point_on_alarm_check
        CHECK (on_alarm IN ('notify', 'incident'))`);
  }
}
