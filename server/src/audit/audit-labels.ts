import type { AuditEntity } from '@muster/contracts';

/**
 * How to name the record an audit entry points at: one query per kind of record, over all the
 * ids of a page at once (`$1`, uuids). A kind left out here (a job) is named by its entry's
 * own snapshot, if at all.
 */
export const AUDIT_LABEL_SQL: Partial<Record<AuditEntity, string>> = {
  callout: `SELECT id::text AS id, left(message, 60) AS label FROM callout WHERE id = ANY($1::uuid[])`,
  callout_recipient: `SELECT id::text AS id, name AS label FROM callout_recipient WHERE id = ANY($1::uuid[])`,
  culture_activity: `SELECT id::text AS id, title AS label FROM culture_activity WHERE id = ANY($1::uuid[])`,
  model_application: `SELECT m.id::text AS id, e.name || ' · ' || m.year AS label
    FROM model_application m JOIN enterprise e ON e.id = m.enterprise_id WHERE m.id = ANY($1::uuid[])`,
  contact: `SELECT id::text AS id, name AS label FROM contact WHERE id = ANY($1::uuid[])`,
  disposal_card: `SELECT id::text AS id, title AS label FROM disposal_card WHERE id = ANY($1::uuid[])`,
  // An evaluation is recorded against its run.
  drill_evaluation: `SELECT id::text AS id, document->>'title' AS label FROM drill_run WHERE id = ANY($1::uuid[])`,
  drill_improvement: `SELECT id::text AS id, title AS label FROM drill_improvement WHERE id = ANY($1::uuid[])`,
  drill_observation: `SELECT o.id::text AS id, r.document->>'title' AS label
    FROM drill_observation o JOIN drill_run r ON r.id = o.run_id WHERE o.id = ANY($1::uuid[])`,
  drill_run: `SELECT id::text AS id, document->>'title' AS label FROM drill_run WHERE id = ANY($1::uuid[])`,
  drill_scenario: `SELECT id::text AS id, title AS label FROM drill_scenario WHERE id = ANY($1::uuid[])`,
  enterprise: `SELECT id::text AS id, name AS label FROM enterprise WHERE id = ANY($1::uuid[])`,
  escalation_policy: `SELECT id::text AS id, name AS label FROM escalation_policy WHERE id = ANY($1::uuid[])`,
  file: `SELECT id::text AS id, name AS label FROM stored_file WHERE id = ANY($1::uuid[])`,
  hazard: `SELECT id::text AS id, place || ' · ' || left(description, 40) AS label FROM hazard WHERE id = ANY($1::uuid[])`,
  incident: `SELECT id::text AS id, title AS label FROM incident WHERE id = ANY($1::uuid[])`,
  incident_dispatch: `SELECT id::text AS id, label FROM incident_dispatch WHERE id = ANY($1::uuid[])`,
  inspection_plan: `SELECT id::text AS id, title AS label FROM inspection_plan WHERE id = ANY($1::uuid[])`,
  inspection_record: `SELECT r.id::text AS id, e.name AS label
    FROM inspection_record r JOIN enterprise e ON e.id = r.enterprise_id WHERE r.id = ANY($1::uuid[])`,
  map_feature: `SELECT id::text AS id, nullif(label, '') AS label FROM map_feature WHERE id = ANY($1::uuid[])`,
  plan: `SELECT id::text AS id, title AS label FROM plan WHERE id = ANY($1::uuid[])`,
  plan_level: `SELECT id::text AS id, name AS label FROM plan_level WHERE id = ANY($1::uuid[])`,
  plan_version: `SELECT v.id::text AS id, p.title || ' v' || v.number AS label
    FROM plan_version v JOIN plan p ON p.id = v.plan_id WHERE v.id = ANY($1::uuid[])`,
  resource: `SELECT id::text AS id, name AS label FROM resource WHERE id = ANY($1::uuid[])`,
  // The zone's own list is recorded as "zone"; an enterprise's by the enterprise.
  responsibility_list: `SELECT id::text AS id, name AS label FROM enterprise WHERE id = ANY($1::uuid[])`,
  room_task: `SELECT id::text AS id, title AS label FROM room_task WHERE id = ANY($1::uuid[])`,
  rotation: `SELECT id::text AS id, name AS label FROM rotation WHERE id = ANY($1::uuid[])`,
  team: `SELECT id::text AS id, name AS label FROM team WHERE id = ANY($1::uuid[])`,
  user: `SELECT id::text AS id, name AS label FROM app_user WHERE id = ANY($1::uuid[])`,
};

/** What a snapshot calls its record, when the record itself is gone (deleted). */
export function snapshotLabel(...snapshots: unknown[]): string | null {
  for (const s of snapshots) {
    if (!s || typeof s !== 'object') continue;
    const r = s as Record<string, unknown>;
    for (const key of ['name', 'title', 'label']) {
      const v = r[key];
      if (typeof v === 'string' && v.trim()) return v.trim();
    }
  }
  return null;
}
