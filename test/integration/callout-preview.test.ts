import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';

describe('the call-out message preview', () => {
  let t: TestApp;
  let commander: string;

  beforeAll(async () => {
    t = await createTestApp();
    commander = await t.token('commander');
  });
  afterAll(() => t.close());

  const preview = (token: string, body: object) =>
    t.http.post('/api/callouts/preview').set('Authorization', `Bearer ${token}`).send(body);

  it('carries the drill marking when the incident is a drill, in both languages', async () => {
    const officer = await t.token('enterprise_officer');
    const incident = (
      await t.http.post('/api/incidents').set('Authorization', `Bearer ${officer}`).send(incidentReport())
    ).body;
    const message = '氯气泄漏，请到东门集合';

    const real = await preview(commander, { message, incidentId: incident.id });
    expect(real.status).toBe(200);
    expect(real.body.map((p: { text: string }) => p.text).join()).not.toMatch(/演练|DRILL/);

    await t.get(DataSource).query('UPDATE incident SET is_drill = true WHERE id = $1', [incident.id]);
    const drill = await preview(commander, { message, incidentId: incident.id });
    expect(drill.status).toBe(200);
    const [zh, en] = drill.body;
    expect(zh).toMatchObject({ language: 'zh-CN', encoding: 'UCS-2' });
    expect(zh.text.startsWith('【演练】')).toBe(true);
    expect(en.text.startsWith('[DRILL]')).toBe(true);
    expect(zh.segments).toBeGreaterThanOrEqual(real.body[0].segments);

    // Without an incident: the plain text. Another enterprise's incident: not found.
    const plain = await preview(commander, { message });
    expect(plain.body[0].text.startsWith('【演练】')).toBe(false);
    const other = await preview(await t.token('officer2'), { message, incidentId: incident.id });
    expect(other.status).toBe(404);
  });
});
