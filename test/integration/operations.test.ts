import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { freePort } from '../support/processes.js';

describe('operations endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports health of the database and Redis', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves Prometheus metrics openly outside production without METRICS_TOKEN or METRICS_PORT', async () => {
    await t.http.get('/api/config/public');
    const res = await t.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(
      /muster_http_request_duration_seconds_count\{method="GET",route="\/api\/config\/public",status="200"\} \d+/,
    );
    expect(res.text).toMatch(/process_resident_memory_bytes/);
  });

  it('publishes an OpenAPI document of every route, and the Swagger UI', async () => {
    const doc = await t.http.get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/enterprises',
        '/api/enterprises/{id}',
        '/api/users',
        '/api/audit',
        '/health',
      ]),
    );
    expect(doc.body.components.schemas.EnterpriseCreateDto.required).toEqual(
      expect.arrayContaining(['creditCode', 'location']),
    );
    const ui = await t.http.get('/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toMatch(/swagger/i);
  });

  it('gives every response a request id, keeping a caller-supplied one', async () => {
    const a = await t.http.get('/api/config/public');
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const b = await t.http.get('/api/config/public').set('X-Request-Id', 'trace-123');
    expect(b.headers['x-request-id']).toBe('trace-123');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.http
      .get('/api/nothing-here')
      .set('Authorization', `Bearer ${await t.token('commander')}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});

describe('metrics behind a token (METRICS_TOKEN)', () => {
  const token = 'metrics-scraper-token-0123456789';
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { METRICS_TOKEN: token } });
  });
  afterAll(() => t.close());

  it('answers 401 without the bearer token or with another one, and the metrics with it', async () => {
    const none = await t.http.get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer /);
    expect((await t.http.get('/metrics').set('Authorization', `Bearer ${token}x`)).status).toBe(401);
    // A user's access token is no metrics token, not even an admin's.
    const admin = await t.token('zone_admin');
    expect((await t.http.get('/metrics').set('Authorization', `Bearer ${admin}`)).status).toBe(401);
    const ok = await t.http.get('/metrics').set('Authorization', `Bearer ${token}`);
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/process_resident_memory_bytes/);
  });
});

describe('metrics on a port of their own (METRICS_PORT)', () => {
  let t: TestApp;
  let metrics: string;
  beforeAll(async () => {
    const port = await freePort();
    metrics = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { METRICS_PORT: String(port) } });
  });
  afterAll(() => t.close());

  it('serves /metrics there and nothing else, and no longer on the application port', async () => {
    await t.http.get('/api/config/public');
    expect((await t.http.get('/metrics')).status).toBe(404);
    const res = await fetch(`${metrics}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    expect(await res.text()).toMatch(
      /muster_http_request_duration_seconds_count\{method="GET",route="\/api\/config\/public",status="200"\} \d+/,
    );
    expect((await fetch(`${metrics}/api/config/public`)).status).toBe(404);
    expect((await fetch(`${metrics}/metrics`, { method: 'POST' })).status).toBe(404);
  });
});

describe('health when Redis is unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A closed port on loopback stands in for a Redis that is down.
    t = await createTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => t.close());

  it('answers 503 naming Redis, while the database is up', async () => {
    const res = await request(t.baseUrl).get('/health');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('error');
    expect(res.body.database).toEqual({ status: 'up' });
    expect(res.body.redis.status).toBe('down');
  });
});
