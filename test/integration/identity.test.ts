import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/app.js';

/** A token signed with the application's own secret, with exactly the claims given. */
function signed(secret: string, claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('identity', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_RATE_PER_MINUTE: '1000' } });
    admin = await t.token('zone_admin');
  });
  afterAll(() => t.close());

  const newUser = async (email: string, extra: Record<string, unknown> = {}) => {
    const res = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email, name: 'Test User', role: 'commander', password: 'correct-horse', ...extra });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };

  it('logs in with the contract shape, case-insensitive email', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ email: 'Commander@Muster.test', password: 'muster-demo' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      user: {
        id: expect.any(String),
        email: 'commander@muster.test',
        name: expect.any(String),
        role: 'commander',
        enterpriseId: null,
      },
    });
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.body.email).toBe('commander@muster.test');
  });

  it('answers 401 alike for an unknown email and a wrong password', async () => {
    const a = await t.http
      .post('/api/auth/login')
      .send({ email: 'nobody@muster.test', password: 'whatever1' });
    const b = await t.http
      .post('/api/auth/login')
      .send({ email: 'inspector@muster.test', password: 'wrong-password' });
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(a.body).toEqual(b.body);
    expect(a.body).toEqual({
      statusCode: 401,
      message: 'Invalid email or password',
      error: 'Unauthorized',
      problems: [{ code: 'auth.invalidCredentials', message: 'Invalid email or password' }],
    });
  });

  it('names the bad fields of a malformed login', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^email: /), expect.stringMatching(/^password: /)]),
    );
    // Each message also by its rule, for the console to word: the same messages, in order.
    expect(res.body.problems.map((p: { message: string }) => p.message)).toEqual(res.body.message);
    expect(res.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email', code: 'isEmail' }),
        expect.objectContaining({ field: 'password', code: 'isString' }),
      ]),
    );
  });

  it("gives a validation rule's bounds with its code", async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ email: 'a@muster.test', password: 'x'.repeat(500), extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual(
      expect.arrayContaining([
        {
          field: 'password',
          code: 'maxLength',
          params: { max: 200, count: 200 },
          message: expect.stringMatching(/^password: /),
        },
        { field: 'extra', code: 'unknownField', message: 'extra: is not an accepted field' },
      ]),
    );
  });

  it('locks an account out of an address after repeated failures, even for the right password, until an admin resets it', async () => {
    const u = await newUser('lockme@muster.test');
    const attempt = (password: string) =>
      t.http.post('/api/auth/login').send({ email: 'lockme@muster.test', password });
    expect((await attempt('bad-one-1')).status).toBe(401);
    expect((await attempt('bad-one-2')).status).toBe(401);
    const third = await attempt('bad-one-3');
    expect(third.status).toBe(429);
    expect(third.body.message).toMatch(/^Too many failed logins to this account from this address/);
    expect(third.headers['retry-after']).toBe(String(15 * 60));
    expect((await attempt('correct-horse')).status).toBe(429);

    const audit = await t.http.get(`/api/audit?entityId=${u.id}`).set('Authorization', `Bearer ${admin}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['auth.login_failed', 'auth.locked']),
    );

    const reset = await t.http
      .post(`/api/users/${u.id}/reset-password`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ password: 'new-password-1' });
    expect(reset.status).toBe(200);
    expect((await attempt('new-password-1')).status).toBe(200);
  });

  it('cuts off a deactivated user at once, including tokens already issued', async () => {
    const u = await newUser('leaver@muster.test');
    const login = await t.http
      .post('/api/auth/login')
      .send({ email: 'leaver@muster.test', password: 'correct-horse' });
    const token = login.body.accessToken as string;
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);

    const off = await t.http.post(`/api/users/${u.id}/deactivate`).set('Authorization', `Bearer ${admin}`);
    expect(off.body.active).toBe(false);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect(
      (await t.http.post('/api/auth/login').send({ email: 'leaver@muster.test', password: 'correct-horse' }))
        .status,
    ).toBe(401);

    await t.http.post(`/api/users/${u.id}/activate`).set('Authorization', `Bearer ${admin}`);
    expect(
      (await t.http.post('/api/auth/login').send({ email: 'leaver@muster.test', password: 'correct-horse' }))
        .status,
    ).toBe(200);
  });

  it('revokes tokens already issued on a role change, and lets the new role sign in', async () => {
    const u = await newUser('mover@muster.test');
    const login = await t.http
      .post('/api/auth/login')
      .send({ email: 'mover@muster.test', password: 'correct-horse' });
    const auth = { Authorization: `Bearer ${login.body.accessToken as string}` };
    // Twice, so that the second answer could come from memory rather than from the user row.
    expect((await t.http.get('/api/incidents').set(auth)).status).toBe(200);
    expect((await t.http.get('/api/incidents').set(auth)).status).toBe(200);

    const moved = await t.http
      .patch(`/api/users/${u.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ role: 'responder' });
    expect(moved.status).toBe(200);
    const revoked = await t.http.get('/api/incidents').set(auth);
    expect(revoked.status).toBe(401);
    expect(revoked.body.message).toMatch(/token was revoked/);

    const again = {
      Authorization: `Bearer ${(await t.login('mover@muster.test', 'correct-horse')).accessToken}`,
    };
    expect((await t.http.get('/api/auth/me').set(again)).body.role).toBe('responder');
    const refused = await t.http.get('/api/incidents').set(again);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Role responder may not do this');
  });

  it("revokes tokens already issued on a password reset and on a change of one's own password", async () => {
    const u = await newUser('resetme@muster.test');
    const first = {
      Authorization: `Bearer ${(await t.login('resetme@muster.test', 'correct-horse')).accessToken}`,
    };
    expect((await t.http.get('/api/auth/me').set(first)).status).toBe(200);
    const reset = await t.http
      .post(`/api/users/${u.id}/reset-password`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ password: 'reset-by-admin' });
    expect(reset.status).toBe(200);
    expect((await t.http.get('/api/auth/me').set(first)).status).toBe(401);

    const second = {
      Authorization: `Bearer ${(await t.login('resetme@muster.test', 'reset-by-admin')).accessToken}`,
    };
    const other = {
      Authorization: `Bearer ${(await t.login('resetme@muster.test', 'reset-by-admin')).accessToken}`,
    };
    const changed = await t.http
      .post('/api/auth/password')
      .set(second)
      .send({ currentPassword: 'reset-by-admin', newPassword: 'chosen-by-me' });
    expect(changed.status).toBe(204);
    expect((await t.http.get('/api/auth/me').set(second)).status).toBe(401);
    expect((await t.http.get('/api/auth/me').set(other)).status).toBe(401);
    expect((await t.login('resetme@muster.test', 'chosen-by-me')).user.email).toBe('resetme@muster.test');
  });

  it('refuses an admin resetting their own password through the admin route', async () => {
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${admin}`);
    const res = await t.http
      .post(`/api/users/${me.body.id}/reset-password`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ password: 'taken-over-1' });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/cannot reset your own password.*\/api\/auth\/password/);
    // Nothing changed: the admin's session and password are as they were.
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${admin}`)).status).toBe(200);
    await expect(t.login('admin@muster.test', 'taken-over-1')).rejects.toThrow(/401/);
  });

  it('refuses a token without an expiry, even with a good signature and version', async () => {
    // The claims of a token the server issued, signed again with and without its expiry.
    const { exp, ...claims } = JSON.parse(Buffer.from(admin.split('.')[1]!, 'base64url').toString()) as {
      exp: number;
    };
    const withExp = signed(t.jwtSecret, { ...claims, exp });
    const withoutExp = signed(t.jwtSecret, claims);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${withExp}`)).status).toBe(200);
    const res = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${withoutExp}`);
    expect(res.status).toBe(401);
  });

  it('refuses an admin deactivating themselves', async () => {
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${admin}`);
    const res = await t.http
      .post(`/api/users/${me.body.id}/deactivate`)
      .set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(409);
  });

  it('validates users: duplicate email 409, officer without enterprise 400, unknown enterprise 409', async () => {
    const dup = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email: 'COMMANDER@muster.test', name: 'Dup', role: 'commander', password: 'long-enough' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toMatch(/^email: /);

    const noEnt = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email: 'o@muster.test', name: 'O', role: 'enterprise_officer', password: 'long-enough' });
    expect(noEnt.status).toBe(400);
    expect(noEnt.body.message).toEqual([expect.stringMatching(/^enterpriseId: /)]);

    const ghost = await t.http.post('/api/users').set('Authorization', `Bearer ${admin}`).send({
      email: 'g@muster.test',
      name: 'G',
      role: 'enterprise_officer',
      enterpriseId: '00000000-0000-4000-8000-000000000000',
      password: 'long-enough',
    });
    expect(ghost.status).toBe(409);
    expect(ghost.body.message).toMatch(/^enterpriseId: /);
  });

  it('lets a user change their own password, checking the current one', async () => {
    await newUser('changer@muster.test');
    const token = (await t.login('changer@muster.test', 'correct-horse')).accessToken;
    const wrong = await t.http
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${token}`)
      .send({ currentPassword: 'nope', newPassword: 'another-pass' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toEqual(['currentPassword: is not correct']);
    const ok = await t.http
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${token}`)
      .send({ currentPassword: 'correct-horse', newPassword: 'another-pass' });
    expect(ok.status).toBe(204);
    expect((await t.login('changer@muster.test', 'another-pass')).user.email).toBe('changer@muster.test');
  });
});

describe('login throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once a client exceeds the per-minute login rate', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 7; i++) {
      const res = await t.http
        .post('/api/auth/login')
        .send({ email: `x${i}@muster.test`, password: 'whatever1' });
      statuses.push(res.status);
      retryAfter = res.headers['retry-after'];
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });
});
