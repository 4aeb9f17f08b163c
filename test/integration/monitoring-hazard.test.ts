import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { newMonitoredInstallation } from '../support/monitoring.js';

/**
 * An alarm opens a hazard in the enterprise's ledger: by itself where its point says so, or by
 * hand from the alarm board; either way one hazard per alarm, linked to it, however often the
 * readings repeat or the button is pressed.
 */
describe('an alarm that opens a hazard', () => {
  let t: TestApp;
  const q = <T>(sql: string, params?: unknown[]) => t.db.query(sql, params) as Promise<T[]>;
  const auth = async (role: Parameters<TestApp['token']>[0]) => ({
    Authorization: `Bearer ${await t.token(role)}`,
  });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  /** Out of band (5 ppm over high-high 3) for five seconds, sent three times over. */
  async function raiseAlarm(pointCode: string, enterpriseId: string): Promise<string> {
    const key = (
      await request(t.baseUrl)
        .post(`/api/enterprises/${enterpriseId}/ingest-key`)
        .set(await auth('zone_admin'))
        .expect(201)
    ).body.key as string;
    const base = Date.now() - 5 * 60_000;
    const batch = Array.from({ length: 5 }, (_, i) => ({ point: pointCode, ts: base + i * 1000, value: 5 }));
    for (const readings of [batch.slice(0, 2), batch.slice(2), batch])
      await request(t.baseUrl)
        .post('/ingest/readings')
        .set('X-Ingest-Key', key)
        .send({ readings })
        .expect(202);
    const alarms = await q<{ id: string }>(
      'SELECT a.id FROM alarm a JOIN sensor_point p ON p.id = a.point_id WHERE p.code = $1',
      [pointCode],
    );
    expect(alarms).toHaveLength(1);
    return alarms[0]!.id;
  }

  const hazardsOf = (alarmId: string) =>
    q<{ id: string; enterprise_id: string; source: string; found_by: string; status: string; place: string }>(
      `SELECT h.id, h.enterprise_id, h.source, h.found_by, h.status, h.place
         FROM hazard h JOIN alarm a ON a.hazard_id = h.id WHERE a.id = $1`,
      [alarmId],
    );

  it('opens one by itself for a point configured to, in the enterprise ledger', async () => {
    const { installation, points, enterpriseId } = await newMonitoredInstallation(t, [
      { onAlarm: 'hazard', delaySeconds: 0 },
    ]);
    const alarmId = await raiseAlarm(points[0]!.code, enterpriseId);

    const hazards = await hazardsOf(alarmId);
    expect(hazards).toEqual([
      {
        id: expect.any(String),
        enterprise_id: enterpriseId,
        source: 'monitoring',
        found_by: '在线监测系统',
        status: 'found',
        place: `${installation.name} ${points[0]!.code} ${points[0]!.name}`,
      },
    ]);
    const ofSource = await q<{ n: string }>(
      `SELECT count(*) AS n FROM hazard WHERE enterprise_id = $1 AND place LIKE $2`,
      [enterpriseId, `${installation.name}%`],
    );
    expect(Number(ofSource[0]!.n)).toBe(1);

    // The alarm names it; it stands in the zone's hazard ledger.
    const reader = await auth('inspector');
    const alarm = (await request(t.baseUrl).get(`/api/alarms/${alarmId}`).set(reader).expect(200)).body;
    expect(alarm.hazardId).toBe(hazards[0]!.id);
    const hazard = (await request(t.baseUrl).get(`/api/hazards/${hazards[0]!.id}`).set(reader).expect(200))
      .body;
    expect(hazard).toMatchObject({ source: 'monitoring', level: 'general', category: 'hazardous_chemicals' });

    // Asking by hand afterwards answers the same hazard.
    const again = await request(t.baseUrl)
      .post(`/api/alarms/${alarmId}/hazard`)
      .set(await auth('inspector'))
      .expect(200);
    expect(again.body.hazardId).toBe(hazards[0]!.id);
    expect(await hazardsOf(alarmId)).toHaveLength(1);
  });

  it('opens one by hand, once however often it is asked, and only for those who record hazards', async () => {
    const { points, enterpriseId } = await newMonitoredInstallation(t, [
      { onAlarm: 'notify', delaySeconds: 0 },
    ]);
    const alarmId = await raiseAlarm(points[0]!.code, enterpriseId);
    expect(await hazardsOf(alarmId)).toEqual([]);

    await request(t.baseUrl)
      .post(`/api/alarms/${alarmId}/hazard`)
      .set(await auth('commander'))
      .expect(403);
    const inspector = await auth('inspector');
    const answers = await Promise.all(
      [1, 2, 3].map(() => request(t.baseUrl).post(`/api/alarms/${alarmId}/hazard`).set(inspector)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const hazards = await hazardsOf(alarmId);
    expect(hazards).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.hazardId))).toEqual(new Set([hazards[0]!.id]));
    expect(hazards[0]).toMatchObject({ enterprise_id: enterpriseId, source: 'monitoring', status: 'found' });
    expect(hazards[0]!.found_by).not.toBe('在线监测系统');

    const audits = await q<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'alarm.hazard_opened'`,
      [alarmId],
    );
    expect(audits).toHaveLength(1);
    await request(t.baseUrl)
      .post('/api/alarms/00000000-0000-4000-8000-000000000000/hazard')
      .set(inspector)
      .expect(404);
  });
});
