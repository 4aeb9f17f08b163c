import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { DispatchView, ResourceView, RoomEventView, RunView } from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';
import { scenarioDocument } from '../support/drills.js';
import { incidentReport } from '../support/incidents.js';

/** Dispatching from the register: the resource goes out with the incident, and comes back. */
describe('dispatching resources from the register', () => {
  let t: TestApp;
  let client: pg.Client;
  let commander: string;
  const auth = () => ({ Authorization: `Bearer ${commander}` });

  beforeAll(async () => {
    t = await createTestApp();
    commander = await t.token('commander');
    client = new pg.Client({ connectionString: t.db.url });
    await client.connect();
  }, 60_000);
  afterAll(async () => {
    await client.end();
    await t.close();
  });

  async function incident(title: string): Promise<string> {
    const res = await t.http.post('/api/incidents').set(auth()).send(incidentReport({ title }));
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function vehicle(name: string): Promise<ResourceView> {
    const res = await t.http
      .post('/api/resources')
      .set(auth())
      .send({ type: 'vehicle', name, location: { lat: 33.9962, lng: 116.8128 } });
    expect(res.status).toBe(201);
    return res.body as ResourceView;
  }

  const resource = async (id: string) =>
    (await t.http.get(`/api/resources/${id}`).set(auth())).body as ResourceView;
  const send = (incidentId: string, body: object) =>
    t.http.post(`/api/incidents/${incidentId}/dispatches`).set(auth()).send(body);
  const move = (incidentId: string, dispatchId: string, state: string) =>
    t.http.patch(`/api/incidents/${incidentId}/dispatches/${dispatchId}`).set(auth()).send({ state });
  const setStatus = (incidentId: string, status: string) =>
    t.http.post(`/api/incidents/${incidentId}/status`).set(auth()).send({ status });

  it('goes out with the incident, on scene, and back to available when released', async () => {
    const fire = await incident('仓库火灾');
    const tender = await vehicle('水罐消防车 A');
    const sent = await send(fire, { resourceId: tender.id });
    expect(sent.status).toBe(201);
    // Named from the register, the dispatch takes the resource's name.
    expect(sent.body).toMatchObject({ resourceId: tender.id, label: '水罐消防车 A', state: 'en_route' });
    expect(await resource(tender.id)).toMatchObject({ status: 'dispatched', dispatchIncidentId: fire });

    expect((await move(fire, sent.body.id, 'on_scene')).status).toBe(200);
    expect(await resource(tender.id)).toMatchObject({ status: 'on_scene', dispatchIncidentId: fire });

    // The map's compact form shows it out too.
    const map = await t.http.get('/api/resources/map').query({ types: 'vehicle' }).set(auth());
    expect(map.status).toBe(200);
    expect(map.body.items).toContainEqual([tender.id, 'vehicle', 'on_scene', 'ok', 33.9962, 116.8128]);

    // Its status is the room's while it is out.
    const edit = await t.http.patch(`/api/resources/${tender.id}`).set(auth()).send({ status: 'available' });
    expect(edit.status).toBe(409);
    expect((await t.http.delete(`/api/resources/${tender.id}`).set(auth())).status).toBe(409);

    expect((await move(fire, sent.body.id, 'released')).status).toBe(200);
    expect(await resource(tender.id)).toMatchObject({ status: 'available', dispatchIncidentId: null });
  });

  it('refuses a resource already out, naming the incident it is on', async () => {
    const first = await incident('甲苯泄漏');
    const second = await incident('配电房起火');
    const ambulance = await vehicle('救护车 B');
    expect((await send(first, { resourceId: ambulance.id })).status).toBe(201);
    const again = await send(second, { resourceId: ambulance.id });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('甲苯泄漏');
    expect(again.body.message).toContain(first);
    // Not even the same room may send it twice.
    expect((await send(first, { resourceId: ambulance.id })).status).toBe(409);
    expect(await resource(ambulance.id)).toMatchObject({ status: 'dispatched', dispatchIncidentId: first });
  });

  it('releases what an incident holds when it closes', async () => {
    const leak = await incident('氨气泄漏');
    const a = await vehicle('抢险车 C');
    const b = await vehicle('泡沫车 D');
    const da = (await send(leak, { resourceId: a.id })).body as DispatchView;
    const db = (await send(leak, { resourceId: b.id })).body as DispatchView;
    expect((await move(leak, db.id, 'on_scene')).status).toBe(200);
    for (const s of ['verified', 'contained', 'closed']) expect((await setStatus(leak, s)).status).toBe(200);

    expect(await resource(a.id)).toMatchObject({ status: 'available', dispatchIncidentId: null });
    expect(await resource(b.id)).toMatchObject({ status: 'available', dispatchIncidentId: null });
    const dispatches = (await t.http.get(`/api/incidents/${leak}/dispatches`).set(auth()))
      .body as DispatchView[];
    expect(dispatches.map((d) => [d.id, d.state]).sort()).toEqual(
      [
        [da.id, 'released'],
        [db.id, 'released'],
      ].sort(),
    );
    const events = (await t.http.get(`/api/incidents/${leak}/events`).set(auth())).body as RoomEventView[];
    const released = events.filter(
      (e) => e.type === 'resource.status_changed' && (e.payload as { reason?: string }).reason,
    );
    expect(released).toHaveLength(2);
    // Free again: another incident may send it.
    expect((await send(await incident('二次泄漏'), { resourceId: a.id })).status).toBe(201);
  });

  it('of two simultaneous dispatches of one resource, exactly one wins', async () => {
    for (let round = 0; round < 5; round++) {
      const one = await incident(`并发一 ${round}`);
      const two = await incident(`并发二 ${round}`);
      const truck = await vehicle(`云梯车 ${round}`);
      const answers = await Promise.all([
        send(one, { resourceId: truck.id }),
        send(two, { resourceId: truck.id }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      const winner = answers.find((a) => a.status === 201)!.body as DispatchView;
      const loser = answers.find((a) => a.status === 409)!;
      expect(loser.body.message).toContain(winner.incidentId);
      expect(await resource(truck.id)).toMatchObject({
        status: 'dispatched',
        dispatchIncidentId: winner.incidentId,
      });
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM incident_dispatch WHERE resource_id = $1 AND state <> 'released'`,
        [truck.id],
      );
      expect(rows[0].n).toBe(1);
    }
  });

  it("a drill's dispatch stays in the drill: the register keeps the resource in service", async () => {
    const drill = await incident('演练：储罐区泄漏');
    await client.query('UPDATE incident SET is_drill = true WHERE id = $1', [drill]);
    const engine = await vehicle('演练用消防车 E');
    const inDrill = await send(drill, { resourceId: engine.id });
    expect(inDrill.status).toBe(201);
    expect(await resource(engine.id)).toMatchObject({ status: 'available', dispatchIncidentId: null });
    // Within the drill it is out: sending it again there is refused.
    const twice = await send(drill, { resourceId: engine.id });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('演练：储罐区泄漏');
    // A real incident may still send it.
    const real = await incident('真实火警');
    expect((await send(real, { resourceId: engine.id })).status).toBe(201);
    expect(await resource(engine.id)).toMatchObject({ status: 'dispatched', dispatchIncidentId: real });
    // And moving the drill's dispatch leaves the real status alone.
    expect((await move(drill, inDrill.body.id, 'released')).status).toBe(200);
    expect(await resource(engine.id)).toMatchObject({ status: 'dispatched', dispatchIncidentId: real });
  });

  it('a "resource unavailable" inject takes the picked resource away within the drill run only', async () => {
    const foam = await vehicle('泡沫消防车 G');
    const doc = await scenarioDocument(t, [
      {
        id: 'gone',
        offsetSeconds: 3600,
        synopsis: '泡沫车故障',
        kind: 'resource_unavailable',
        targetRoles: ['总指挥'],
        content: { resourceId: foam.id, label: foam.name },
        expectedActions: [],
      },
    ]);
    const scenario = await t.http.post('/api/drills/scenarios').set(auth()).send(doc);
    expect(scenario.status).toBe(201);
    const created = await t.http.post('/api/drills/runs').set(auth()).send({
      scenarioId: scenario.body.id,
      scheduledFor: new Date().toISOString(),
      contactIds: [],
      evaluatorIds: [],
    });
    expect(created.status).toBe(201);
    const started = await t.http.post(`/api/drills/runs/${created.body.id}/start`).set(auth());
    expect(started.status).toBe(200);
    const run = started.body as RunView;
    const drill = run.incidentId!;

    const sent = await send(drill, { resourceId: foam.id });
    expect(sent.status).toBe(201);
    const inject = run.injects.find((i) => i.id === 'gone')!;
    const released = await t.http
      .post(`/api/drills/runs/${run.id}/injects/${inject.runInjectId}/release`)
      .set(auth());
    expect(released.status).toBe(200);

    // The drill lost it: its dispatch is released, and it cannot be sent again in this drill.
    const dispatches = (await t.http.get(`/api/incidents/${drill}/dispatches`).set(auth()))
      .body as DispatchView[];
    expect(dispatches.find((d) => d.id === sent.body.id)!.state).toBe('released');
    const again = await send(drill, { resourceId: foam.id });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('unavailable in this drill');
    const events = (await t.http.get(`/api/incidents/${drill}/events`).set(auth())).body as RoomEventView[];
    expect(events.find((e) => e.type === 'drill.inject')!.payload).toMatchObject({ resourceId: foam.id });

    // The register and real incidents never saw the drill's fiction.
    expect(await resource(foam.id)).toMatchObject({ status: 'available', dispatchIncidentId: null });
    expect((await send(await incident('真实泄漏'), { resourceId: foam.id })).status).toBe(201);
  });

  it('still takes a free-text dispatch, and needs a label or a resource', async () => {
    const fire = await incident('厂房火灾');
    expect((await send(fire, { label: '消防一中队' })).status).toBe(201);
    const neither = await send(fire, {});
    expect(neither.status).toBe(400);
    expect(neither.body.message.join(' ')).toContain('label');
  });

  it('refuses setting an out status by hand', async () => {
    const pump = await vehicle('移动泵 F');
    const res = await t.http.patch(`/api/resources/${pump.id}`).set(auth()).send({ status: 'dispatched' });
    expect(res.status).toBe(400);
    expect(res.body.message.join(' ')).toContain('status');
  });
});
