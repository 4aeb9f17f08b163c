import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { ConsequenceRunView, RoomEventView, RunView, ScenarioView } from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';
import { scenarioDocument } from '../support/drills.js';
import { incidentReport } from '../support/incidents.js';

describe('consequence models run in an incident room', () => {
  let t: TestApp;
  let commander: string;
  let incidentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    commander = await t.token('commander');
    const res = await api().post('/api/incidents').set(as(commander)).send(incidentReport());
    expect(res.status).toBe(201);
    incidentId = res.body.id;
  });
  afterAll(() => t.close());

  const api = () => request(t.baseUrl);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const chlorine = {
    model: 'plume',
    source: { lat: 33.9962, lng: 116.8128 },
    substance: 'chlorine',
    releaseRateKgS: 2,
    durationS: 600,
    sourceHeightM: 1,
    windSpeedMS: 2.5,
    windFromDeg: 45,
    stability: 'D',
    terrain: 'open',
  };

  it('stores the run, its zones as closed polygons, a room event and an audit row', async () => {
    const res = await api()
      .post(`/api/incidents/${incidentId}/consequences`)
      .set(as(commander))
      .send(chlorine);
    expect(res.status).toBe(201);
    const run: ConsequenceRunView = res.body;
    expect(run.title).toBe('氯气连续泄漏 2 kg/s，600 秒（烟羽模型）');
    expect(run.zones.map((z) => [z.level, z.rank])).toEqual([
      ['AEGL-3', 1],
      ['AEGL-2', 2],
      ['AEGL-1', 3],
    ]);
    for (const z of run.zones) {
      expect(z.id).toBe(`${run.id}:${z.level}`);
      const ring = z.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      // Wind from the north-east: the gas goes south-west of the source.
      const far = ring[Math.floor(ring.length / 4)]!;
      expect(far[0]!).toBeLessThan(116.8128);
      expect(far[1]!).toBeLessThan(33.9962);
    }
    const events: RoomEventView[] = (
      await api().get(`/api/incidents/${incidentId}/events?sinceSeq=0`).set(as(commander))
    ).body;
    const event = events.find((e) => e.type === 'consequence.modelled')!;
    expect(event.payload).toMatchObject({ modelRunId: run.id, model: 'plume', title: run.title });
    expect((event.payload as { zones: unknown[] }).zones).toEqual(run.zones);
    const list = await api().get(`/api/incidents/${incidentId}/consequences`).set(as(commander));
    expect(list.body.map((r: ConsequenceRunView) => r.id)).toEqual([run.id]);
    const [audit] = await t.db.query(`SELECT action, entity FROM audit_log WHERE entity_id = $1`, [run.id]);
    expect(audit).toEqual({ action: 'consequence.modelled', entity: 'consequence_run' });
  });

  it('answers a 400 naming each field the model lacks or has out of range', async () => {
    const res = await api()
      .post(`/api/incidents/${incidentId}/consequences`)
      .set(as(commander))
      .send({ model: 'plume', source: { lat: 33.99, lng: 116.81 }, substance: 'chlorine', windSpeedMS: 3 });
    expect(res.status).toBe(400);
    const text = JSON.stringify(res.body.message);
    for (const field of ['windFromDeg', 'stability', 'terrain', 'durationS', 'releaseRateKgS'])
      expect(text).toContain(field);
    // Below 1 m/s the Gaussian model does not hold.
    const calm = await api()
      .post(`/api/incidents/${incidentId}/consequences`)
      .set(as(commander))
      .send({ ...chlorine, windSpeedMS: 0.5 });
    expect(calm.status).toBe(400);
    expect(JSON.stringify(calm.body.message)).toContain('windSpeedMS');
    const fire = await api()
      .post(`/api/incidents/${incidentId}/consequences`)
      .set(as(commander))
      .send({ model: 'pool_fire', source: { lat: 33.99, lng: 116.81 }, fuel: 'hydrogen', poolAreaM2: 50 });
    expect(fire.status).toBe(400);
    expect(JSON.stringify(fire.body.message)).toContain('fuel');
  });

  it('answers wrong types and nulls of every field with a 400 naming it, never a 500', async () => {
    const fields = [
      ...Object.keys(chlorine),
      'title',
      'fuel',
      'massKg',
      'poolAreaM2',
      'radiativeFraction',
      'yieldFactor',
    ];
    for (const field of fields) {
      for (const value of [null, 'text', { nested: 1 }, -1e308]) {
        const res = await api()
          .post(`/api/incidents/${incidentId}/consequences`)
          .set(as(commander))
          .send({ ...chlorine, [field]: value });
        // A title may be any text; -1e308 is no text.
        if (field === 'title' && value === 'text') {
          expect(res.status).toBe(201);
          continue;
        }
        expect([field, value, res.status]).toEqual([field, value, 400]);
        expect(JSON.stringify(res.body.message)).toContain(field);
      }
    }
    const noSource = await api()
      .post(`/api/incidents/${incidentId}/consequences`)
      .set(as(commander))
      .send({ ...chlorine, source: { lat: 33.9 } });
    expect(noSource.status).toBe(400);
    expect(JSON.stringify(noSource.body.message)).toContain('lng');
  });

  it('lets the room follow but not run: an inspector reads, is refused a run', async () => {
    const inspector = await t.token('inspector');
    expect((await api().get(`/api/incidents/${incidentId}/consequences`).set(as(inspector))).status).toBe(
      200,
    );
    const res = await api()
      .post(`/api/incidents/${incidentId}/consequences`)
      .set(as(inspector))
      .send(chlorine);
    expect(res.status).toBe(403);
  });

  it("lists the runs of a drill in the drill's measurement, on the scenario clock", async () => {
    const sc = await api()
      .post('/api/drills/scenarios')
      .set(as(commander))
      .send(await scenarioDocument(t, []));
    expect(sc.status).toBe(201);
    const created = await api()
      .post('/api/drills/runs')
      .set(as(commander))
      .send({
        scenarioId: (sc.body as ScenarioView).id,
        scheduledFor: new Date().toISOString(),
        contactIds: [],
        evaluatorIds: [],
      });
    expect(created.status).toBe(201);
    const started = await api()
      .post(`/api/drills/runs/${(created.body as RunView).id}/start`)
      .set(as(commander));
    expect(started.status).toBe(200);
    const run: RunView = started.body;
    const fire = await api()
      .post(`/api/incidents/${run.incidentId}/consequences`)
      .set(as(commander))
      .send({ model: 'vce', source: { lat: 33.9921, lng: 116.8205 }, fuel: 'lpg', massKg: 1000 });
    expect(fire.status).toBe(201);
    const m = await api().get(`/api/drills/runs/${run.id}/metrics`).set(as(commander));
    expect(m.status).toBe(200);
    expect(m.body.modelRuns).toHaveLength(1);
    expect(m.body.modelRuns[0]).toMatchObject({
      modelRunId: fire.body.id,
      model: 'vce',
      zones: fire.body.zones.map((z: { level: string; extentM: number }) => ({
        level: z.level,
        extentM: z.extentM,
      })),
    });
    expect(m.body.modelRuns[0].scenarioSeconds).toBeGreaterThanOrEqual(0);
  });
});
