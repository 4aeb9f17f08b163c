import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';

describe('activating a plan’s response level for an incident', () => {
  let t: TestApp;
  let commander: string;

  beforeAll(async () => {
    t = await createTestApp();
    commander = await t.token('commander');
  });
  afterAll(() => t.close());

  it('suggests the plan and level, then turns the level’s checklist into tasks and starts its call-out', async () => {
    const officer = await t.login('officer1@muster.test');
    const incident = (
      await t.http
        .post('/api/incidents')
        .set('Authorization', `Bearer ${officer.accessToken}`)
        .send(
          incidentReport({ casualties: { deaths: 0, missing: 0, seriousInjuries: 12, minorInjuries: 5 } }),
        )
    ).body;
    expect(incident.severity).toBe('relatively_serious');

    const suggestion = await t.http
      .get(`/api/incidents/${incident.id}/suggested-plans`)
      .set('Authorization', `Bearer ${commander}`);
    expect(suggestion.status).toBe(200);
    const first = suggestion.body.items[0];
    expect(first).toBeDefined();
    // The enterprise's own plan comes before the zone's.
    expect(first.match.startsWith('enterprise_')).toBe(true);
    const level =
      first.level ??
      (await t.http.get(`/api/plan-versions/${first.versionId}`).set('Authorization', `Bearer ${commander}`))
        .body.levels[0];
    expect(level.checklist.length).toBeGreaterThan(0);

    const before = Date.now();
    const res = await t.http
      .post(`/api/incidents/${incident.id}/activate-level`)
      .set('Authorization', `Bearer ${commander}`)
      .send({ versionId: first.versionId, levelId: level.id });
    expect(res.status).toBe(201);
    expect(res.body.incident).toMatchObject({ status: 'responding', planId: first.plan.id });
    expect(res.body.tasks.map((x: { title: string }) => x.title)).toEqual(
      level.checklist.map((c: { item: string }) => c.item),
    );
    for (const [i, task] of res.body.tasks.entries()) {
      expect(task.source).toBe('checklist');
      const due = new Date(task.dueAt).getTime() - before;
      expect(Math.abs(due - level.checklist[i].targetMinutes * 60_000)).toBeLessThan(60_000);
    }
    if (level.policy) expect(res.body.callout).toMatchObject({ policyId: level.policy.id, status: 'active' });

    const events = await t.http
      .get(`/api/incidents/${incident.id}/events`)
      .set('Authorization', `Bearer ${commander}`);
    const types = events.body.map((e: { type: string }) => e.type);
    expect(types).toContain('incident.level_set');
    expect(types.filter((x: string) => x === 'task.created')).toHaveLength(level.checklist.length);
  });

  it('refuses a level of a version that is not published, or a level of another version', async () => {
    const { id } = (
      await t.http.post('/api/incidents').set('Authorization', `Bearer ${commander}`).send(incidentReport())
    ).body;
    const bad = await t.http
      .post(`/api/incidents/${id}/activate-level`)
      .set('Authorization', `Bearer ${commander}`)
      .send({
        versionId: '00000000-0000-4000-8000-000000000000',
        levelId: '00000000-0000-4000-8000-000000000000',
      });
    expect(bad.status).toBe(404);
  });
});
