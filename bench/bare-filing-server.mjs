// The floor for the filing benchmark: a bare node:http server doing the irreducible database work
// of filing a report with the `pg` driver and nothing else (no framework, no auth, no validation,
// no grading, no broadcast). One transaction per request: the incident, one room event numbered
// from the incident's last_seq, then in one statement the audit row, a notification for each active
// zone user who watches incidents, and the duty alert's outbox row: the rows a filing writes in
// Muster. Not the unread counts Muster reads after the commit: on this bare table, without Muster's
// statistics, PostgreSQL came to plan that count as a bitmap scan of every unread notification of
// the user within 30 s of this load, and the floor fell to a third of its pace. It creates its own
// tables in the database it is given (a throwaway one: the benchmark creates and drops it) and
// reports its port when ready.
import { createServer } from 'node:http';
import pg from 'pg';

const port = Number(process.env.PORT ?? 0);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

// The main columns of Muster's tables with their keys and foreign keys; Muster's secondary indexes,
// checks and triggers are left out, as is its separate initial-report row (the report goes in as
// jsonb on the incident instead). The users are the demo zone's: one commander, one zone
// administrator and one inspector watch incidents, four others do not.
await pool.query(`
  CREATE TABLE incident (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title text NOT NULL,
    category text NOT NULL,
    occurred_at timestamptz NOT NULL,
    reported_at timestamptz NOT NULL DEFAULT now(),
    lat double precision NOT NULL,
    lng double precision NOT NULL,
    address text NOT NULL,
    summary text NOT NULL,
    reporter_name text NOT NULL,
    reporter_phone text NOT NULL,
    status text NOT NULL DEFAULT 'reported',
    report jsonb NOT NULL,
    last_seq integer NOT NULL DEFAULT 0
  );
  CREATE TABLE room_event (
    incident_id uuid NOT NULL REFERENCES incident (id),
    seq integer NOT NULL,
    type text NOT NULL,
    payload jsonb NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, seq)
  );
  CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    action text NOT NULL,
    entity text NOT NULL,
    entity_id text,
    after jsonb
  );
  CREATE TABLE app_user (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    role text NOT NULL,
    active boolean NOT NULL DEFAULT true
  );
  INSERT INTO app_user (role) SELECT unnest(ARRAY['commander', 'zone_admin', 'inspector',
    'enterprise_officer', 'enterprise_officer', 'responder', 'evaluator']);
  CREATE TABLE notification (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES app_user (id),
    kind text NOT NULL,
    params jsonb NOT NULL,
    entity_id text,
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at timestamptz
  );
  CREATE TABLE outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`);

async function file(report) {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const {
      rows: [incident],
    } = await c.query(
      `INSERT INTO incident (title, category, occurred_at, lat, lng, address, summary, reporter_name,
                             reporter_phone, report)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, reported_at`,
      [
        report.title,
        report.category,
        report.occurredAt,
        report.location.lat,
        report.location.lng,
        report.address,
        report.summary,
        report.reporter.name,
        report.reporter.phone,
        report,
      ],
    );
    // Numbering and inserting the event in one statement, as the room log needs it.
    await c.query(
      `WITH numbered AS (
         UPDATE incident SET last_seq = last_seq + 1 WHERE id = $1 RETURNING id, last_seq)
       INSERT INTO room_event (incident_id, seq, type, payload)
       SELECT id, last_seq, 'incident.filed', $2 FROM numbered`,
      [incident.id, { title: report.title, category: report.category }],
    );
    await c.query(
      `WITH audit AS (
         INSERT INTO audit_log (action, entity, entity_id, after) VALUES ('incident.file', 'incident', $1, $2)),
       alert AS (
         INSERT INTO outbox (job, payload) VALUES ('duty-alert', jsonb_build_object('incidentId', $1::text)))
       INSERT INTO notification (user_id, kind, params, entity_id)
       SELECT id, 'incident.filed', $3, $1 FROM app_user
        WHERE active AND role IN ('commander', 'zone_admin', 'inspector')`,
      [incident.id, report, { title: report.title, category: report.category, address: report.address }],
    );
    await c.query('COMMIT');
    return { id: incident.id, reportedAt: incident.reported_at, status: 'reported', ...report };
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

let failures = 0;
const http = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/incidents') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => (body += c));
  req.on('end', async () => {
    try {
      const filed = await file(JSON.parse(body));
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(filed));
    } catch (e) {
      // The first failure says why; the benchmark counts the rest as non-2xx answers.
      if (failures++ === 0) console.error('bare filing server:', e);
      res.writeHead(500).end();
    }
  });
});
http.listen(port, '127.0.0.1', () => process.send?.({ port: http.address().port }));
process.on('SIGTERM', async () => {
  http.closeAllConnections();
  await pool.end();
  process.exit(0);
});
