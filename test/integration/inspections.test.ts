import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HazardDetailView, InspectionRecordView } from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';

describe('inspections and spot checks', () => {
  let t: TestApp;
  const auth = async (role: Parameters<TestApp['token']>[0]) => ({
    Authorization: `Bearer ${await t.token(role)}`,
  });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('runs a self-inspection plan: failed items become hazards of the enterprise', async () => {
    const officer = await auth('enterprise_officer');
    const plan = await t.http
      .post('/api/inspections/plans')
      .set(officer)
      .send({
        title: '月度消防安全自查',
        kind: 'self_inspection',
        frequency: 'monthly',
        startsOn: '2026-01-01',
        checklist: [
          { text: '消防通道畅通，无占用堵塞', category: 'fire' },
          { text: '配电箱门完好，接地可靠', category: 'electrical' },
          { text: '动火作业票证齐全', category: 'hot_work' },
        ],
      });
    expect(plan.status).toBe(201);
    expect(plan.body.checklist.map((c: { id: string }) => c.id)).toEqual(['c1', 'c2', 'c3']);
    // An officer plans self-inspections only, for their own enterprise.
    const zonePlan = await t.http
      .post('/api/inspections/plans')
      .set(officer)
      .send({
        ...plan.body,
        id: undefined,
        kind: 'zone_inspection',
        createdAt: undefined,
        active: undefined,
        enterpriseIds: undefined,
        enterpriseId: undefined,
        endsOn: undefined,
        checklist: [{ text: 'x项', category: 'fire' }],
      });
    expect(zonePlan.status).toBe(403);

    const record = await t.http.post('/api/inspections/records').set(officer).send({ planId: plan.body.id });
    expect(record.status).toBe(201);
    const id = record.body.id as string;
    expect(record.body).toMatchObject({ kind: 'self_inspection', status: 'open' });

    const partial = await t.http
      .post(`/api/inspections/records/${id}/complete`)
      .set(officer)
      .send({ items: [{ itemId: 'c1', result: 'pass' }] });
    expect(partial.status).toBe(400);
    expect(partial.body.message).toEqual(['items.c2: not answered', 'items.c3: not answered']);

    const done = await t.http
      .post(`/api/inspections/records/${id}/complete`)
      .set(officer)
      .send({
        // The refused completion saved nothing: answers are all sent again.
        items: [
          { itemId: 'c1', result: 'pass' },
          { itemId: 'c2', result: 'fail', note: '3号配电箱门损坏', place: '包装车间', level: 'general' },
          { itemId: 'c3', result: 'na' },
        ],
      });
    expect(done.status).toBe(200);
    const view = done.body as InspectionRecordView;
    expect(view.status).toBe('completed');
    const failed = view.items.find((i) => i.itemId === 'c2')!;
    expect(failed.hazardId).toEqual(expect.any(String));
    expect(view.items.filter((i) => i.hazardId)).toHaveLength(1);

    const hazard = (await t.http.get(`/api/hazards/${failed.hazardId}`).set(officer))
      .body as HazardDetailView;
    expect(hazard).toMatchObject({
      source: 'self_inspection',
      category: 'electrical',
      place: '包装车间',
      description: '配电箱门完好，接地可靠：3号配电箱门损坏',
      inspectionRecordId: id,
      status: 'found',
    });
    const again = await t.http.patch(`/api/inspections/records/${id}`).set(officer).send({ items: [] });
    expect(again.status).toBe(409);
    // The other enterprise sees neither the record nor the plan.
    expect((await t.http.get(`/api/inspections/records/${id}`).set(await auth('officer2'))).status).toBe(404);
    expect(
      (await t.http.get(`/api/inspections/plans/${plan.body.id}`).set(await auth('officer2'))).status,
    ).toBe(404);
  });

  it('samples enterprises for a spot check and re-inspects closed hazards; a recurrence becomes a new hazard', async () => {
    const officer = await auth('enterprise_officer');
    const me = await t.http.get('/api/auth/me').set(officer);
    const enterpriseId = me.body.enterpriseId as string;
    const created = await t.http.post('/api/hazards').set(officer).send({
      place: '原料库',
      category: 'fire',
      description: '灭火器过期',
      level: 'general',
      source: 'self_inspection',
    });
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const photo = await t.http.post('/api/files').set(officer).attach('file', png, 'fix.png');
    expect(photo.status).toBe(201);
    const closed = await t.http
      .post(`/api/hazards/${created.body.id}/transitions`)
      .set(officer)
      .send({ action: 'close_on_spot', comment: '已更换', photoIds: [photo.body.id] });
    expect(closed.body.status).toBe('closed');

    const inspector = await auth('inspector');
    const refused = await t.http.post('/api/inspections/spot-checks').set(officer).send({ sampleSize: 1 });
    expect(refused.status).toBe(403);
    const sample = await t.http
      .post('/api/inspections/spot-checks')
      .set(inspector)
      .send({ sampleSize: 1, enterpriseIds: [enterpriseId] });
    expect(sample.status).toBe(201);
    const [rec] = sample.body as InspectionRecordView[];
    expect(rec).toMatchObject({ kind: 'spot_check', enterpriseId });
    expect(rec!.rechecks.map((c) => c.hazardId)).toContain(created.body.id);

    const all = await t.http.post('/api/inspections/spot-checks').set(inspector).send({ sampleSize: 3 });
    expect(all.body).toHaveLength(3);
    expect(new Set(all.body.map((r: InspectionRecordView) => r.enterpriseId)).size).toBe(3);

    const done = await t.http
      .post(`/api/inspections/records/${rec!.id}/complete`)
      .set(inspector)
      .send({
        rechecks: rec!.rechecks.map((c) => ({
          hazardId: c.hazardId,
          result: c.hazardId === created.body.id ? 'recurred' : 'holds',
          note: c.hazardId === created.body.id ? '新配灭火器又已过期' : undefined,
        })),
      });
    expect(done.status).toBe(200);
    const recurred = (done.body as InspectionRecordView).rechecks.find(
      (c) => c.hazardId === created.body.id,
    )!;
    expect(recurred.newHazardId).toEqual(expect.any(String));
    const newHazard = await t.http.get(`/api/hazards/${recurred.newHazardId}`).set(officer);
    expect(newHazard.body).toMatchObject({ source: 'spot_check', enterpriseId, status: 'found' });
    // The closed hazard stays closed: the recurrence is a new line in the ledger.
    expect((await t.http.get(`/api/hazards/${created.body.id}`).set(officer)).body.status).toBe('closed');
  });
});
