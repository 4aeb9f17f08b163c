import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ROLES, type Role } from '@muster/contracts';
import { EXPECTED } from '../support/access-rules/index.js';
import { DEMO_USERS } from '../../server/src/demo/demo-data.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { listRoutes, type Route } from '../support/routes.js';

function send(t: TestApp, method: string, path: string) {
  const agent = request(t.baseUrl);
  switch (method) {
    case 'GET':
      return agent.get(path);
    case 'POST':
      return agent.post(path).send({});
    case 'PATCH':
      return agent.patch(path).send({});
    case 'PUT':
      return agent.put(path).send({});
    case 'DELETE':
      return agent.delete(path);
    default:
      throw new Error(`unexpected method ${method}`);
  }
}

describe('authorization matrix', () => {
  let t: TestApp;
  let routes: Route[];

  beforeAll(async () => {
    t = await createTestApp();
    routes = listRoutes(t);
  });
  afterAll(() => t.close());

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length);
  });

  it('has an expected rule for every route, and every route declares its rule', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k) => !(k in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((k) => !keys.includes(k))).toEqual([]);
    for (const r of routes) {
      const rule = EXPECTED[`${r.method} ${r.path}`];
      if (rule === 'public')
        expect({ route: `${r.method} ${r.path}`, public: r.isPublic }).toEqual({
          route: `${r.method} ${r.path}`,
          public: true,
        });
      else
        expect({ route: `${r.method} ${r.path}`, roles: [...(r.roles ?? [])].sort() }).toEqual({
          route: `${r.method} ${r.path}`,
          roles: [...rule].sort(),
        });
    }
  });

  it('refuses every non-public route without a token (401) and with a forged one (401)', async () => {
    for (const r of routes.filter((x) => !x.isPublic)) {
      const path = r.path.replace(/:\w+/g, randomUUID());
      const anon = await send(t, r.method, path);
      expect({ route: `${r.method} ${r.path}`, status: anon.status }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 401,
      });
      const forged = await send(t, r.method, path).set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x');
      expect({ route: `${r.method} ${r.path}`, status: forged.status }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 401,
      });
    }
  });

  it.each(ROLES.map((r) => [r]))('answers %s exactly as the rules say', async (role) => {
    const token = await t.token(role);
    for (const r of routes.filter((x) => !x.isPublic)) {
      // A random id: allowed callers get past the guard (400/404/2xx), the rest are stopped at it.
      const path = r.path.replace(/:\w+/g, randomUUID());
      const res = await send(t, r.method, path).set('Authorization', `Bearer ${token}`);
      const allowed = (EXPECTED[`${r.method} ${r.path}`] as Role[]).includes(role);
      const outcome = res.status === 403 ? 'forbidden' : res.status === 401 ? 'unauthenticated' : 'passed';
      expect({ route: `${r.method} ${r.path}`, outcome }).toEqual({
        route: `${r.method} ${r.path}`,
        outcome: allowed ? 'passed' : 'forbidden',
      });
    }
  });

  it('hides another enterprise: an officer gets 404 for its records, its own are visible', async () => {
    const officer1 = DEMO_USERS.find((u) => u.email === 'officer1@muster.test')!;
    const own = await t.login(officer1.email);
    const other = await t.token('officer2');
    const ownId = own.user.enterpriseId!;

    const read = await t.http.get(`/api/enterprises/${ownId}`).set('Authorization', `Bearer ${other}`);
    expect(read.status).toBe(404);
    const write = await t.http
      .patch(`/api/enterprises/${ownId}`)
      .set('Authorization', `Bearer ${other}`)
      .send({ dutyPhone: '0561-0000000' });
    expect(write.status).toBe(404);
    const list = await t.http.get('/api/enterprises').set('Authorization', `Bearer ${other}`);
    expect(list.body.total).toBe(1);
    expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(ownId);

    const mine = await t.http
      .get(`/api/enterprises/${ownId}`)
      .set('Authorization', `Bearer ${own.accessToken}`);
    expect(mine.status).toBe(200);
  });
});
