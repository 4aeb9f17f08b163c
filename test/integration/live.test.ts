import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { io } from 'socket.io-client';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';
import { LiveRoomClient } from '../support/live-client.js';
import { exited, spawnServer } from '../support/processes.js';

describe('live incident rooms (/live)', () => {
  let t: TestApp;
  let commander: string;
  let officer: string;
  let incidentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    commander = await t.token('commander');
    officer = (await t.login('officer1@muster.test')).accessToken;
    incidentId = (
      await t.http.post('/api/incidents').set('Authorization', `Bearer ${officer}`).send(incidentReport())
    ).body.id;
  });
  afterAll(() => t.close());

  const post = (text: string, token = commander) =>
    t.http
      .post(`/api/incidents/${incidentId}/messages`)
      .set('Authorization', `Bearer ${token}`)
      .send({ text })
      .expect(201);

  it('refuses a connection without a token, or with a bad one', async () => {
    for (const auth of [undefined, 'not-a-token']) {
      const c = new LiveRoomClient(t.baseUrl, auth);
      await expect(c.connected()).rejects.toThrow('unauthorized');
      c.close();
    }
  });

  it('delivers each new event to everyone in the room, once, in order', async () => {
    const a = new LiveRoomClient(t.baseUrl, commander);
    const b = new LiveRoomClient(t.baseUrl, officer);
    await Promise.all([a.connected(), b.connected()]);
    const [ja, jb] = [await a.join(incidentId, 0), await b.join(incidentId, 0)];
    expect(ja.ok && jb.ok).toBe(true);
    const start = a.lastSeq;
    await post('one');
    await post('two', officer);
    await Promise.all([a.waitForCount(start + 2), b.waitForCount(start + 2)]);
    for (const c of [a, b]) {
      expect(c.events.slice(-2).map((e) => [e.type, e.payload.text])).toEqual([
        ['message', 'one'],
        ['message', 'two'],
      ]);
      expect(c.events.map((e) => e.seq)).toEqual(Array.from({ length: c.events.length }, (_, i) => i + 1));
    }
    a.close();
    b.close();
  });

  it('gives a client that dropped every missed event once, in order, when it rejoins with sinceSeq', async () => {
    const c = new LiveRoomClient(t.baseUrl, commander);
    await c.connected();
    await c.join(incidentId, 0);
    const seen = c.lastSeq;
    c.close();

    for (const text of ['m1', 'm2', 'm3']) await post(text);

    const again = new LiveRoomClient(t.baseUrl, commander);
    await again.connected();
    const ack = await again.join(incidentId, seen);
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.events.map((e) => e.seq)).toEqual([seen + 1, seen + 2, seen + 3]);
    expect(ack.events.map((e) => (e.type === 'message' ? e.payload.text : undefined))).toEqual([
      'm1',
      'm2',
      'm3',
    ]);
    expect(ack.lastSeq).toBe(seen + 3);
    await post('after');
    await again.waitForCount(4);
    expect(again.events.map((e) => e.payload.text)).toEqual(['m1', 'm2', 'm3', 'after']);
    again.close();
  });

  it('keeps an officer of another enterprise out of the room', async () => {
    const other = new LiveRoomClient(t.baseUrl, await t.token('officer2'));
    await other.connected();
    const ack = await other.join(incidentId, 0);
    expect(ack).toEqual({ ok: false, error: 'Incident not found' });
    await post('secret');
    await new Promise((r) => setTimeout(r, 300));
    expect(other.events).toEqual([]);
    other.close();
  });

  it('rejects malformed joins with the field named', async () => {
    const c = new LiveRoomClient(t.baseUrl, commander);
    await c.connected();
    expect(await c.join('nope', 0)).toEqual({ ok: false, error: 'incidentId: must be a UUID' });
    for (const sinceSeq of [-1, 0.5, 99_999_999_999]) {
      expect(await c.join(incidentId, sinceSeq)).toEqual({
        ok: false,
        error: 'sinceSeq: must be a whole number from 0 to 2147483647',
      });
    }
    c.close();
  });

  it('tells zone roles watching the overview about new and changed incidents', async () => {
    const socket = io(`${t.baseUrl}/live`, {
      auth: { token: commander },
      transports: ['websocket'],
      forceNew: true,
    });
    expect(await socket.timeout(5000).emitWithAck('overview:join', {})).toEqual({ ok: true });
    const seen = new Promise<{ title: string }>((resolve) => socket.once('incident:upsert', resolve));
    await t.http
      .post('/api/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(incidentReport({ title: '新报事故' }));
    expect((await seen).title).toBe('新报事故');
    socket.disconnect();

    const officerSocket = io(`${t.baseUrl}/live`, {
      auth: { token: officer },
      transports: ['websocket'],
      forceNew: true,
    });
    expect(await officerSocket.timeout(5000).emitWithAck('overview:join', {})).toEqual({
      ok: false,
      error: 'The overview is for zone roles',
    });
    officerSocket.disconnect();
  });
});

describe('two server processes sharing one Redis', () => {
  let t: TestApp;
  let second: ChildProcess;
  let secondUrl: string;

  beforeAll(async () => {
    t = await createTestApp();
    // The built server, as deployed, on its own port: same database, same Redis namespace.
    ({ child: second, url: secondUrl } = await spawnServer({
      DATABASE_URL: t.db.url,
      REDIS_PREFIX: t.redisPrefix,
      JWT_SECRET: t.jwtSecret,
    }));
  }, 40_000);

  afterAll(async () => {
    second?.kill('SIGTERM');
    await t?.close();
  });

  it('delivers an event posted through one process to a client connected to the other', async () => {
    const officer = (await t.login('officer1@muster.test')).accessToken;
    const commander = await t.token('commander');
    const { id } = (
      await t.http.post('/api/incidents').set('Authorization', `Bearer ${officer}`).send(incidentReport())
    ).body;

    const onSecond = new LiveRoomClient(secondUrl, commander);
    await onSecond.connected();
    expect((await onSecond.join(id, 0)).ok).toBe(true);

    await t.http
      .post(`/api/incidents/${id}/messages`)
      .set('Authorization', `Bearer ${commander}`)
      .send({ text: 'via process one' })
      .expect(201);
    await onSecond.waitForCount(2);
    expect(onSecond.events.map((e) => e.payload.text ?? e.type)).toEqual([
      'incident.reported',
      'via process one',
    ]);
    onSecond.close();
  });

  it('shuts down cleanly on SIGTERM while clients are in a room', async () => {
    const commander = await t.token('commander');
    const { id } = (
      await t.http.post('/api/incidents').set('Authorization', `Bearer ${commander}`).send(incidentReport())
    ).body;
    const client = new LiveRoomClient(secondUrl, commander);
    await client.connected();
    expect((await client.join(id, 0)).ok).toBe(true);
    second.kill('SIGTERM');
    await exited(second);
    client.close();
    // Nest re-raises the signal once its shutdown hooks have run; an uncaught error exits with 1.
    expect({ code: second.exitCode, signal: second.signalCode }).toEqual({ code: null, signal: 'SIGTERM' });
  });
});
