import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationKinds1765200000400 implements MigrationInterface {
  name = 'NotificationKinds1765200000400';

  async up(q: QueryRunner): Promise<void> {
    // A notification keeps its kind and the values its words are filled from, and each reader
    // gets it in their own language (the words live in the contracts' NOTIFICATION_TEXT), where a
    // fixed Chinese title and body served only one of the console's two languages.
    await q.query(`ALTER TABLE notification ADD COLUMN params jsonb NOT NULL DEFAULT '{}'::jsonb`);

    // Rows written before: their params rebuilt from the records they name, as they are now
    // (the ledger keeps hazards and plans; a rejection's comment was the body's second line).
    await q.query(`
      UPDATE notification n
         SET params = jsonb_build_object(
               'code', 'YH-' || lpad(h.seq::text, 6, '0'),
               'enterprise', e.name,
               'place', h.place,
               'description', h.description,
               'deadline', coalesce(to_char(h.deadline, 'YYYY-MM-DD'), ''),
               'responsible', coalesce(h.responsible_person, '—'),
               'comment', CASE WHEN n.kind = 'hazard.rejected' AND position(E'\\n' in n.body) > 0
                               THEN substring(n.body from position(E'\\n' in n.body) + 1) ELSE '' END)
        FROM hazard h JOIN enterprise e ON e.id = h.enterprise_id
       WHERE n.entity = 'hazard' AND n.entity_id = h.id::text AND n.kind LIKE 'hazard.%'`);
    await q.query(`
      UPDATE notification n
         SET params = jsonb_build_object(
               'plan', p.title,
               'who', e.name,
               'period', r.due_on::text || coalesce(' – ' || r.due_by::text, ''))
        FROM inspection_record r
        JOIN inspection_plan p ON p.id = r.plan_id
        JOIN enterprise e ON e.id = r.enterprise_id
       WHERE n.kind = 'inspection.due' AND n.entity = 'inspection_record' AND n.entity_id = r.id::text`);
    await q.query(`
      UPDATE notification n
         SET params = jsonb_build_object(
               'plan', p.title,
               'who', coalesce(substring(n.body from '完成：(.*)$'), ''),
               'period', coalesce(replace(substring(n.body from '应于 (.*) 完成'), ' 至 ', ' – '), ''))
        FROM inspection_plan p
       WHERE n.kind = 'inspection.due' AND n.entity = 'inspection_plan' AND n.entity_id = p.id::text`);
    await q.query(`ALTER TABLE notification DROP COLUMN title, DROP COLUMN body`);
    // The full page filters by kind.
    await q.query(`CREATE INDEX notification_user_kind_idx ON notification (user_id, kind, created_at DESC)`);

    // Each user's choices. No row: the defaults (non-urgent kinds in the app only).
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        quiet boolean NOT NULL DEFAULT false,
        sms_kinds text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP INDEX notification_user_kind_idx`);
    await q.query(`
      ALTER TABLE notification ADD COLUMN title text NOT NULL DEFAULT '', ADD COLUMN body text NOT NULL DEFAULT ''`);
    await q.query(`UPDATE notification SET title = kind`);
    await q.query(`ALTER TABLE notification ALTER COLUMN title DROP DEFAULT, ALTER COLUMN body DROP DEFAULT`);
    await q.query(`ALTER TABLE notification DROP COLUMN params`);
  }
}
