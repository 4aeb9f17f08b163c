import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { type CalloutStack, startCalloutStack, waitFor } from '../support/callouts.js';
import { newMonitoredInstallation } from '../support/monitoring.js';

/**
 * A point configured to file an incident: its alarm files one, with the enterprise and the
 * installation's place prefilled, however many readings and deliveries repeat it; the filed
 * incident pages the duty officer by the zone's policy (SMS through the Twilio emulator).
 */
describe('an alarm that files an incident', () => {
  let s: CalloutStack;

  beforeAll(async () => {
    s = await startCalloutStack({}, 0.01, { dutyAlerting: true });
  });
  afterAll(() => s?.close());

  it('files it once and the duty page goes out', async () => {
    const t = s.t;
    const q = <T>(sql: string, params?: unknown[]) => t.db.query(sql, params) as Promise<T[]>;
    const admin = { Authorization: `Bearer ${await t.token('zone_admin')}` };
    const { installation, points, enterpriseId } = await newMonitoredInstallation(t, [
      { onAlarm: 'incident', delaySeconds: 0 },
    ]);
    const point = points[0]!;
    const key = (
      await request(t.baseUrl).post(`/api/enterprises/${enterpriseId}/ingest-key`).set(admin).expect(201)
    ).body.key as string;
    const base = Date.now() - 5 * 60_000;
    const batch = Array.from({ length: 5 }, (_, i) => ({ point: point.code, ts: base + i * 1000, value: 6 }));
    for (const readings of [batch.slice(0, 2), batch.slice(2), batch]) {
      await request(t.baseUrl)
        .post('/ingest/readings')
        .set('X-Ingest-Key', key)
        .send({ readings })
        .expect(202);
    }

    const alarms = await q<{ id: string; incident_id: string | null }>(
      'SELECT id, incident_id FROM alarm WHERE point_id = $1',
      [point.id],
    );
    expect(alarms).toHaveLength(1);
    const incidents = await q<{
      id: string;
      enterprise_id: string;
      category: string;
      title: string;
      lat: number;
    }>('SELECT id, enterprise_id, category, title, lat FROM incident WHERE title LIKE $1', [
      `${installation.name}%`,
    ]);
    expect(incidents).toHaveLength(1);
    expect(alarms[0]!.incident_id).toBe(incidents[0]!.id);
    expect(incidents[0]).toMatchObject({
      enterprise_id: enterpriseId,
      category: 'hazardous_chemical_leak',
      lat: installation.location!.lat,
    });
    const alarm = (await request(t.baseUrl).get(`/api/alarms/${alarms[0]!.id}`).set(admin).expect(200)).body;
    expect(alarm.incidentId).toBe(incidents[0]!.id);

    // The duty officer on the zone's rotation is paged about it, once.
    const policy = (await request(t.baseUrl).get('/api/duty/policy').set(admin).expect(200)).body;
    const onCall = (
      await request(t.baseUrl).get(`/api/rotations/${policy.dutyRotationId}/on-call`).set(admin).expect(200)
    ).body;
    const phone = onCall.contact.phones[0] as string;
    const about = () =>
      (s.emulator.messages({ to: phone }) as unknown as { body: string }[]).filter((m) =>
        m.body.includes(installation.name),
      );
    await waitFor(() => (about().length ? true : undefined), 15_000, 'the duty page SMS');
    const paged = await waitFor(
      async () => {
        const rows = await q<{ outcome: string }>('SELECT outcome FROM duty_alert WHERE incident_id = $1', [
          incidents[0]!.id,
        ]);
        return rows.length && rows.every((r) => r.outcome !== 'pending') ? rows : undefined;
      },
      15_000,
      'the duty alert to finish',
    );
    expect(paged).toEqual([{ outcome: 'paged' }]);
    expect(about()).toHaveLength(1);
  });
});
