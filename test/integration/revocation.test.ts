import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';
import { LiveRoomClient } from '../support/live-client.js';
import { exited, spawnServer } from '../support/processes.js';

/** Resolves with the reason once the server closes the socket; fails if it has not within 5 s. */
function closedByServer(c: LiveRoomClient): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket is still connected after 5 s')), 5000);
    c.socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/**
 * Two server processes sharing one database and one Redis: this test's own application, and the
 * built server as deployed. Every revocation is made through the first and checked on both.
 */
describe('revocation across server processes', () => {
  let t: TestApp;
  let second: ChildProcess;
  let secondUrl: string;
  let admin: string;
  let incidentId: string;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
    ({ child: second, url: secondUrl } = await spawnServer({
      DATABASE_URL: t.db.url,
      REDIS_PREFIX: t.redisPrefix,
      JWT_SECRET: t.jwtSecret,
    }));
    admin = await t.token('zone_admin');
    const officer = await t.token('enterprise_officer');
    incidentId = (
      await t.http.post('/api/incidents').set('Authorization', `Bearer ${officer}`).send(incidentReport())
    ).body.id;
  }, 40_000);

  afterAll(async () => {
    second?.kill('SIGTERM');
    if (second) await exited(second);
    await t?.close();
  });

  const servers = () => [t.baseUrl, secondUrl];

  /** A new commander, signed in; returns the id, the token and the password. */
  const newCommander = async () => {
    const email = `revoked-${++n}@muster.test`;
    const created = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email, name: `Commander ${n}`, role: 'commander', password: 'correct-horse' })
      .expect(201);
    return {
      id: created.body.id as string,
      email,
      token: (await t.login(email, 'correct-horse')).accessToken,
    };
  };

  /** The status of `GET /api/auth/me` with `token` on each process. */
  const meOnEach = (token: string) =>
    Promise.all(
      servers().map(
        async (url) =>
          (await request(url).get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status,
      ),
    );

  /** A client in the incident's room on each process. */
  const inRoomOnEach = async (token: string) => {
    const clients = servers().map((url) => new LiveRoomClient(url, token));
    await Promise.all(clients.map((c) => c.connected()));
    for (const c of clients) expect((await c.join(incidentId, 0)).ok).toBe(true);
    return clients;
  };

  it("disconnects a deactivated user's sockets on every process, and lets none back in", async () => {
    const u = await newCommander();
    // Both processes have just read the user, so each could answer from memory.
    expect(await meOnEach(u.token)).toEqual([200, 200]);
    const clients = await inRoomOnEach(u.token);
    const closed = clients.map(closedByServer);
    const seen = clients.map((c) => c.events.length);

    await t.http.post(`/api/users/${u.id}/deactivate`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    expect(await meOnEach(u.token)).toEqual([401, 401]);

    // Nothing of the room reaches them any more...
    await t.http
      .post(`/api/incidents/${incidentId}/messages`)
      .set('Authorization', `Bearer ${await t.token('commander')}`)
      .send({ text: 'after the deactivation' })
      .expect(201);
    await new Promise((r) => setTimeout(r, 300));
    expect(clients.map((c) => c.events.length)).toEqual(seen);

    // ...and the token opens no new connection on either process.
    for (const url of servers()) {
      const again = new LiveRoomClient(url, u.token);
      await expect(again.connected()).rejects.toThrow('unauthorized');
      again.close();
    }
  });

  it('refuses a token from before a password change on every process, and lets the new one in', async () => {
    const u = await newCommander();
    expect(await meOnEach(u.token)).toEqual([200, 200]);
    const clients = await inRoomOnEach(u.token);
    const closed = clients.map(closedByServer);

    await t.http
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${u.token}`)
      .send({ currentPassword: 'correct-horse', newPassword: 'a-new-secret' })
      .expect(204);
    expect(await meOnEach(u.token)).toEqual([401, 401]);
    await Promise.all(closed);

    const fresh = (await t.login(u.email, 'a-new-secret')).accessToken;
    expect(await meOnEach(fresh)).toEqual([200, 200]);
  });

  it('revokes on a password reset and on a role change too, on every process', async () => {
    const reset = await newCommander();
    const moved = await newCommander();
    expect([...(await meOnEach(reset.token)), ...(await meOnEach(moved.token))]).toEqual([
      200, 200, 200, 200,
    ]);
    const clients = await inRoomOnEach(moved.token);
    const closed = clients.map(closedByServer);

    await t.http
      .post(`/api/users/${reset.id}/reset-password`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ password: 'set-by-admin' })
      .expect(200);
    await t.http
      .patch(`/api/users/${moved.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ role: 'inspector' })
      .expect(200);
    expect([...(await meOnEach(reset.token)), ...(await meOnEach(moved.token))]).toEqual([
      401, 401, 401, 401,
    ]);
    await Promise.all(closed);
  });

  it('refuses a room join once the token is revoked, even if the news of it was missed', async () => {
    const u = await newCommander();
    const clients = servers().map((url) => new LiveRoomClient(url, u.token));
    await Promise.all(clients.map((c) => c.connected()));
    // Raised behind the servers' backs: no announcement, so only the join's own check can tell.
    const db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    try {
      await db.query('UPDATE app_user SET token_version = token_version + 1 WHERE id = $1', [u.id]);
    } finally {
      await db.end();
    }
    for (const c of clients) {
      const closed = closedByServer(c);
      expect(await c.join(incidentId, 0)).toEqual({
        ok: false,
        error: 'Authorization: the token was revoked or the account deactivated; sign in again',
      });
      expect(await closed).toBe('io server disconnect');
    }
  });
});
