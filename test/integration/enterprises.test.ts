import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/app.js';

const valid = {
  name: '淮北测试化工有限公司',
  creditCode: '91350100M000100Y43',
  industry: '精细化工',
  riskClass: 'high',
  address: '杜集经济开发区测试路1号',
  location: { lat: 33.99, lng: 116.83 },
  outline: {
    type: 'Polygon',
    coordinates: [
      [
        [116.829, 33.989],
        [116.831, 33.989],
        [116.831, 33.991],
        [116.829, 33.991],
        [116.829, 33.989],
      ],
    ],
  },
  legalRepresentative: '测试人',
  safetyLead: '安全员',
  dutyPhone: '0561-3000000',
};

describe('enterprises', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('zone_admin');
  });
  afterAll(() => t.close());

  it('lists the demo zone for zone roles', async () => {
    const res = await t.http
      .get('/api/enterprises?pageSize=100')
      .set('Authorization', `Bearer ${await t.token('commander')}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(11);
    expect(res.body.items[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        location: { lat: expect.any(Number), lng: expect.any(Number) },
      }),
    );
  });

  it('creates, reads, updates and deletes for zone admins', async () => {
    const created = await t.http.post('/api/enterprises').set('Authorization', `Bearer ${admin}`).send(valid);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: valid.name,
      creditCode: valid.creditCode,
      location: valid.location,
      outline: valid.outline,
    });
    const id = created.body.id as string;

    const patched = await t.http
      .patch(`/api/enterprises/${id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ riskClass: 'major' });
    expect(patched.body.riskClass).toBe('major');

    const dup = await t.http
      .post('/api/enterprises')
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...valid, name: 'Other name' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toMatch(/^creditCode: /);

    expect(
      (await t.http.delete(`/api/enterprises/${id}`).set('Authorization', `Bearer ${admin}`)).status,
    ).toBe(204);
    expect((await t.http.get(`/api/enterprises/${id}`).set('Authorization', `Bearer ${admin}`)).status).toBe(
      404,
    );
  });

  it('names each bad field in a 400', async () => {
    const res = await t.http
      .post('/api/enterprises')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        ...valid,
        creditCode: '91350100M000100Y44',
        riskClass: 'extreme',
        location: { lat: 123, lng: 116.8 },
        outline: { type: 'Polygon', coordinates: [[[116.8, 33.9]]] },
        dutyPhone: 'call me',
        extra: 'field',
      });
    expect(res.status).toBe(400);
    const fields = (res.body.message as string[]).map((m) => m.split(':')[0]).sort();
    expect(fields).toEqual(
      ['creditCode', 'dutyPhone', 'location.lat', 'outline', 'extra', 'riskClass'].sort(),
    );
    expect(res.body.message).toContain('extra: is not an accepted field');
    expect(res.body.message).toContain('creditCode: check character does not match (GB 32100-2015)');
  });

  it('answers 400 naming the id for a malformed id, and a JSON error for malformed JSON', async () => {
    const res = await t.http.get('/api/enterprises/not-a-uuid').set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['id: must be a UUID']);
    const bad = await t.http
      .post('/api/enterprises')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('lets an officer edit contact details of their own enterprise, not its identity or risk class', async () => {
    const officer = await t.login('officer2@muster.test');
    const id = officer.user.enterpriseId!;
    const auth = { Authorization: `Bearer ${officer.accessToken}` };
    const ok = await t.http
      .patch(`/api/enterprises/${id}`)
      .set(auth)
      .send({ safetyLead: '新安全员', dutyPhone: '0561-3012222' });
    expect(ok.status).toBe(200);
    expect(ok.body.safetyLead).toBe('新安全员');
    const refused = await t.http
      .patch(`/api/enterprises/${id}`)
      .set(auth)
      .send({ riskClass: 'low', name: 'Renamed' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/riskClass/);
    expect((await t.http.get(`/api/enterprises/${id}`).set(auth)).body.riskClass).toBe('major');
  });

  it('refuses to delete an enterprise that still has user accounts', async () => {
    const officer = await t.login('officer1@muster.test');
    const res = await t.http
      .delete(`/api/enterprises/${officer.user.enterpriseId}`)
      .set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(409);
  });

  it('filters by search text and risk class', async () => {
    const res = await t.http
      .get('/api/enterprises?riskClass=major&q=化工')
      .set('Authorization', `Bearer ${admin}`);
    expect(res.body.items.map((e: { name: string }) => e.name).sort()).toEqual([
      '淮北华晟煤化工有限公司',
      '淮北龙山精细化工有限公司',
    ]);
  });
});
