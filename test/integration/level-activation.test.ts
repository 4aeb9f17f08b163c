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

  describe('once per incident, plan and level', () => {
    type Level = { id: string; rank: number; checklist: { item: string }[]; policy: { id: string } | null };
    const auth = () => ({ Authorization: `Bearer ${commander}` });

    /** A new incident and the zone's comprehensive plan, whose levels I and II both page. */
    async function zonePlan() {
      const incident = (await t.http.post('/api/incidents').set(auth()).send(incidentReport())).body;
      const suggestion = await t.http.get(`/api/incidents/${incident.id}/suggested-plans`).set(auth());
      const item = suggestion.body.items.find((i: { match: string }) => i.match === 'zone_comprehensive');
      const version = (await t.http.get(`/api/plan-versions/${item.versionId}`).set(auth())).body;
      const rank = (r: number) => version.levels.find((l: Level) => l.rank === r) as Level;
      return { incidentId: incident.id as string, versionId: item.versionId as string, rank };
    }
    const activate = (incidentId: string, versionId: string, levelId: string) =>
      t.http.post(`/api/incidents/${incidentId}/activate-level`).set(auth()).send({ versionId, levelId });
    const preview = (incidentId: string, versionId: string, levelId: string) =>
      t.http
        .post(`/api/incidents/${incidentId}/activate-level/preview`)
        .set(auth())
        .send({ versionId, levelId });
    const callouts = async (incidentId: string) =>
      (await t.http.get(`/api/incidents/${incidentId}/callouts`).set(auth())).body as {
        id: string;
        responseLevel: string | null;
        recipients: { contactId: string; name: string }[];
      }[];
    const tasks = async (incidentId: string) =>
      (await t.http.get(`/api/incidents/${incidentId}/tasks`).set(auth())).body as { title: string }[];

    it('refuses a second activation of the same level with when and by whom, and changes nothing', async () => {
      const { incidentId, versionId, rank } = await zonePlan();
      const level = rank(2);
      const first = await activate(incidentId, versionId, level.id);
      expect(first.status).toBe(201);
      expect(first.body.callout.responseLevel).toBe('II');
      const before = { callouts: await callouts(incidentId), tasks: await tasks(incidentId) };

      const again = await activate(incidentId, versionId, level.id);
      expect(again.status).toBe(409);
      const message = String(again.body.message);
      expect(message).toContain('already active');
      expect(await callouts(incidentId)).toHaveLength(before.callouts.length);
      expect(await tasks(incidentId)).toHaveLength(before.tasks.length);

      const shown = await preview(incidentId, versionId, level.id);
      expect(shown.status).toBe(200);
      expect(shown.body.active).toMatchObject({ responseLevel: 'II', levelId: level.id });
      expect(shown.body.active.activatedByName).toBeTruthy();
      expect(message).toContain(
        `since ${shown.body.active.activatedAt} by ${shown.body.active.activatedByName}`,
      );
    });

    it('lets only one of two simultaneous activations through', async () => {
      const { incidentId, versionId, rank } = await zonePlan();
      const level = rank(3);
      const results = await Promise.all([
        activate(incidentId, versionId, level.id),
        activate(incidentId, versionId, level.id),
        activate(incidentId, versionId, level.id),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect(await callouts(incidentId)).toHaveLength(1);
      expect(await tasks(incidentId)).toHaveLength(level.checklist.length);
    });

    it('raising to a higher level starts only what it adds, and the preview says what runs already', async () => {
      const { incidentId, versionId, rank } = await zonePlan();
      const lower = rank(2);
      const higher = rank(1);
      // A checklist item of the higher level that the room already has as a task.
      const existing = higher.checklist[0]!.item;
      await t.http
        .post(`/api/incidents/${incidentId}/tasks`)
        .set(auth())
        .send({ title: existing })
        .expect(201);
      expect((await activate(incidentId, versionId, lower.id)).status).toBe(201);
      const [lowerCallout] = await callouts(incidentId);
      const paged = new Set(lowerCallout!.recipients.map((r) => r.contactId));
      expect(paged.size).toBeGreaterThan(0);

      const shown = (await preview(incidentId, versionId, higher.id)).body;
      expect(shown.active).toBeNull();
      expect(shown.earlier.map((e: { responseLevel: string }) => e.responseLevel)).toEqual(['II']);
      expect(shown.alreadyRunning.tasks).toEqual([existing]);
      expect(shown.adds.tasks).toEqual(higher.checklist.slice(1).map((c) => c.item));
      expect(shown.alreadyRunning.people.length).toBeGreaterThan(0);
      expect(shown.adds.people.length).toBeGreaterThan(0);
      const pagedNames = new Set(lowerCallout!.recipients.map((r) => r.name));
      for (const name of shown.alreadyRunning.people) expect(pagedNames.has(name)).toBe(true);
      for (const name of shown.adds.people) expect(pagedNames.has(name)).toBe(false);

      const raised = await activate(incidentId, versionId, higher.id);
      expect(raised.status).toBe(201);
      expect(raised.body.incident.responseLevel).toBe('I');
      expect(raised.body.alreadyRunning).toEqual(shown.alreadyRunning);
      expect(raised.body.tasks.map((x: { title: string }) => x.title)).toEqual(shown.adds.tasks);
      const added = raised.body.callout.recipients as { contactId: string; name: string }[];
      expect(added.map((r) => r.name).sort()).toEqual([...shown.adds.people].sort());
      for (const r of added) expect(paged.has(r.contactId)).toBe(false);
      expect((await tasks(incidentId)).filter((x) => x.title === existing)).toHaveLength(1);
    });
  });
});
