import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResourceDispatch1765100000200 implements MigrationInterface {
  name = 'ResourceDispatch1765100000200';

  async up(q: QueryRunner): Promise<void> {
    // A resource sent from the register is out until released: `dispatched` (en route) or
    // `on_scene`, with the incident it is on, so the map shows it and nobody sends it twice.
    await q.query(`ALTER TABLE resource DROP CONSTRAINT resource_status_check`);
    await q.query(`
      ALTER TABLE resource
        ADD CONSTRAINT resource_status_check
          CHECK (status IN ('available', 'in_use', 'maintenance', 'expired', 'dispatched', 'on_scene')),
        ADD COLUMN dispatch_incident_id uuid REFERENCES incident (id) ON DELETE SET NULL,
        ADD CONSTRAINT resource_dispatch_has_incident
          CHECK ((status IN ('dispatched', 'on_scene')) = (dispatch_incident_id IS NOT NULL))`);
    // A drill's dispatch stays inside the drill: it never takes a real resource out of service.
    await q.query(`ALTER TABLE incident_dispatch ADD COLUMN is_drill boolean NOT NULL DEFAULT false`);
    await q.query(`
      UPDATE incident_dispatch d SET is_drill = i.is_drill FROM incident i WHERE i.id = d.incident_id`);
    // Before, nothing stopped the same resource being sent twice: the latest dispatch keeps it.
    await q.query(`
      UPDATE incident_dispatch d SET state = 'released', updated_at = now()
       WHERE d.resource_id IS NOT NULL AND d.state <> 'released'
         AND EXISTS (SELECT 1 FROM incident_dispatch o
                      WHERE o.resource_id = d.resource_id AND o.state <> 'released'
                        AND o.is_drill = d.is_drill AND (d.is_drill = false OR o.incident_id = d.incident_id)
                        AND (o.created_at, o.id) > (d.created_at, d.id))`);
    await q.query(`
      CREATE UNIQUE INDEX incident_dispatch_resource_out ON incident_dispatch (resource_id)
       WHERE resource_id IS NOT NULL AND state <> 'released' AND NOT is_drill`);
    await q.query(`
      CREATE UNIQUE INDEX incident_dispatch_resource_out_in_drill ON incident_dispatch (incident_id, resource_id)
       WHERE resource_id IS NOT NULL AND state <> 'released' AND is_drill`);
    await q.query(`
      UPDATE resource r
         SET status = CASE d.state WHEN 'on_scene' THEN 'on_scene' ELSE 'dispatched' END,
             dispatch_incident_id = d.incident_id
        FROM incident_dispatch d
       WHERE d.resource_id = r.id AND d.state <> 'released' AND NOT d.is_drill`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX incident_dispatch_resource_out_in_drill`);
    await q.query(`DROP INDEX incident_dispatch_resource_out`);
    await q.query(`ALTER TABLE incident_dispatch DROP COLUMN is_drill`);
    await q.query(`UPDATE resource SET status = 'in_use' WHERE status IN ('dispatched', 'on_scene')`);
    await q.query(`
      ALTER TABLE resource
        DROP CONSTRAINT resource_dispatch_has_incident,
        DROP COLUMN dispatch_incident_id,
        DROP CONSTRAINT resource_status_check,
        ADD CONSTRAINT resource_status_check
          CHECK (status IN ('available', 'in_use', 'maintenance', 'expired'))`);
  }
}
